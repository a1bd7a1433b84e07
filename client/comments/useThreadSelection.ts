import type { Editor } from '@tiptap/react'
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react'
import type { ThreadView } from '../../shared/comments/index.ts'
import { commentHighlightsKey } from './CommentHighlights.ts'

/** Where a thread was selected from; the other side (its card, its text) is brought into view. */
export type SelectedFrom = 'card' | 'text' | 'mention' | 'composer'

export interface ThreadSelection {
  activeId: number | null
  selectThread: (thread: ThreadView, from: SelectedFrom) => void
  /** The thread list, whose card for a newly selected thread is scrolled into view and focused. */
  listRef: RefObject<HTMLOListElement | null>
}

/**
 * The selected thread, kept in step between the list and the draft: clicking highlighted text selects its thread
 * and clicking elsewhere in the text clears the selection; selecting a card brings its text into view.
 */
export function useThreadSelection(
  editor: Editor,
  dom: HTMLElement | null,
  threads: readonly ThreadView[],
): ThreadSelection {
  const [activeId, setActiveId] = useState<number | null>(null)
  const [revealCard, setRevealCard] = useState<{ id: number } | null>(null)
  const listRef = useRef<HTMLOListElement>(null)

  /** Brings a thread's text (or its section, for an area thread) into view in the draft. */
  const revealText = useCallback(
    (thread: ThreadView) => {
      if (!dom) return
      requestAnimationFrame(() => {
        let target: Element | null = dom.querySelector(`.comment-highlight[data-thread-id="${thread.id}"]`)
        const range = commentHighlightsKey.getState(editor.state)?.ranges.get(thread.id)
        if (!target && range) {
          const { node } = editor.view.domAtPos(range.from)
          target = node instanceof Element ? node : node.parentElement
        }
        if (!target && thread.area !== 'general') {
          target = dom.querySelector(`section.charter-section[data-area="${thread.area}"]`)
        }
        target?.scrollIntoView({ block: 'center', behavior: 'smooth' })
      })
    },
    [dom, editor],
  )

  const selectThread = useCallback(
    (thread: ThreadView, from: SelectedFrom) => {
      setActiveId(thread.id)
      if (from !== 'card') setRevealCard({ id: thread.id })
      if (from === 'card' || from === 'mention') revealText(thread)
    },
    [revealText],
  )

  useEffect(() => {
    if (!dom) return
    const onClick = (event: MouseEvent) => {
      const target = event.target instanceof Element ? event.target : null
      const highlight = target?.closest<HTMLElement>('.comment-highlight[data-thread-id]')
      const selected = dom.ownerDocument.getSelection()
      if (selected && !selected.isCollapsed) return
      const id = Number(highlight?.dataset.threadId)
      const thread = threads.find((candidate) => candidate.id === id)
      if (thread) selectThread(thread, 'text')
      else setActiveId(null)
    }
    dom.addEventListener('click', onClick)
    return () => dom.removeEventListener('click', onClick)
  }, [dom, threads, selectThread])

  useEffect(() => {
    if (!revealCard) return
    const card = listRef.current?.querySelector(`[data-thread-id="${revealCard.id}"]`)
    card?.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
    card?.querySelector<HTMLElement>('.thread-summary')?.focus({ preventScroll: true })
  }, [revealCard])

  return { activeId, selectThread, listRef }
}
