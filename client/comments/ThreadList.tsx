import type { RefObject } from 'react'
import type { ThreadView } from '../../shared/comments/index.ts'
import type { Role } from '../../shared/roles/index.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { ThreadCard } from './ThreadCard.tsx'

interface ThreadListProps {
  /** Threads that pass the filters, in display order. */
  visibleThreads: readonly ThreadView[]
  /** Whether the document has any threads at all (for the empty message). */
  hasThreads: boolean
  loaded: boolean
  filtered: boolean
  onClearFilters: () => void
  listRef: RefObject<HTMLOListElement | null>
  documentName: string
  role: Role
  mayComment: boolean
  accountId: number
  activeId: number | null
  /** The selected thread, when the filters would hide it. */
  outsideFiltersId: number | null
  orphanedIds: ReadonlySet<number>
  now: number
  onSelect: (thread: ThreadView) => void
}

/** The threads that pass the filters, or why there are none. */
export function ThreadList({
  visibleThreads,
  hasThreads,
  loaded,
  filtered,
  onClearFilters,
  listRef,
  documentName,
  role,
  mayComment,
  accountId,
  activeId,
  outsideFiltersId,
  orphanedIds,
  now,
  onSelect,
}: ThreadListProps) {
  const { t } = useTranslation('comments')
  if (!loaded) return <p className="comments-empty">{t('list.loading')}</p>
  if (visibleThreads.length === 0) {
    return (
      <p className="comments-empty">
        {!hasThreads ? (mayComment ? t('list.emptyMayComment') : t('list.empty')) : t('list.noMatch')}
        {filtered && hasThreads && (
          <>
            {' '}
            <button type="button" className="link-button" onClick={onClearFilters}>
              {t('list.clearFilters')}
            </button>
          </>
        )}
      </p>
    )
  }
  return (
    <ol className="thread-list" ref={listRef}>
      {visibleThreads.map((thread) => (
        <ThreadCard
          key={thread.id}
          thread={thread}
          documentName={documentName}
          role={role}
          accountId={accountId}
          active={thread.id === activeId}
          orphaned={orphanedIds.has(thread.id)}
          outsideFilters={thread.id === outsideFiltersId}
          now={now}
          onSelect={onSelect}
        />
      ))}
    </ol>
  )
}
