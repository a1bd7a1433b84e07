import { useCallback, useMemo, useState } from 'react'
import type { CommentView, ThreadView } from '../../shared/comments/index.ts'

export interface Mention {
  thread: ThreadView
  comment: CommentView
}

function storageKey(accountId: number, documentName: string): string {
  return `charter-desk:seen-mentions:${accountId}:${documentName}`
}

function readSeen(key: string): Set<number> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]')
    return new Set(Array.isArray(parsed) ? parsed.filter((id): id is number => typeof id === 'number') : [])
  } catch {
    return new Set()
  }
}

/** Comments by others that mention this account and that it has not looked at yet (kept per account). */
export function useSeenMentions(threads: readonly ThreadView[], accountId: number, documentName: string) {
  const key = storageKey(accountId, documentName)
  const [seen, setSeen] = useState(() => readSeen(key))

  const unseen = useMemo<Mention[]>(() => {
    const mentions: Mention[] = []
    for (const thread of threads) {
      for (const comment of thread.comments) {
        if (
          comment.text !== null &&
          comment.authorId !== accountId &&
          comment.mentions.includes(accountId) &&
          !seen.has(comment.id)
        ) {
          mentions.push({ thread, comment })
        }
      }
    }
    return mentions.sort((a, b) => b.comment.createdAt.localeCompare(a.comment.createdAt))
  }, [threads, accountId, seen])

  const markSeen = useCallback(
    (commentIds: readonly number[]) => {
      setSeen((previous) => {
        const next = new Set([...readSeen(key), ...previous, ...commentIds])
        try {
          localStorage.setItem(key, JSON.stringify([...next]))
        } catch {
          // Storage full or disabled: the mentions stay "new" after a reload, nothing worse.
        }
        return next
      })
    },
    [key],
  )

  return { unseen, markSeen }
}
