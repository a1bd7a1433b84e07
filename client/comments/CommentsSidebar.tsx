import { useTranslation } from '../i18n/useTranslation.ts'
import { AreaComposer } from './AreaComposer.tsx'
import { CommentFilters } from './CommentFilters.tsx'
import { CommentIcon } from './CommentIcon.tsx'
import { InlineComposer } from './InlineComposer.tsx'
import { MentionsPanel } from './MentionsPanel.tsx'
import { PeopleContext } from './PeopleContext.ts'
import { SelectionCommentButton } from './SelectionCommentButton.tsx'
import { ThreadList } from './ThreadList.tsx'
import { type CommentsPanelInput, useCommentsPanel } from './useCommentsPanel.ts'
import { useNow } from './useNow.ts'
import { usePeople } from './usePeople.ts'

interface CommentsSidebarProps extends CommentsPanelInput {
  loaded: boolean
}

/** The comments panel beside the page: filters, threads, the composers and new mentions. */
export function CommentsSidebar({
  editor,
  ydoc,
  documentName,
  role,
  accountId,
  threads,
  loaded,
}: CommentsSidebarProps) {
  const { t } = useTranslation('comments')
  const panel = useCommentsPanel({ editor, ydoc, documentName, role, accountId, threads })
  const now = useNow(30_000)
  const { mayComment, selection, inlineDraft } = panel
  const people = usePeople(documentName)

  return (
    <PeopleContext value={people}>
      <aside className="comments" aria-label={t('title')}>
        <div className="comments-header">
          <h2 className="panel-title">
            {t('title')} <span className="comments-count">{t('openCount', { count: panel.openCount })}</span>
          </h2>
          {mayComment && (
            <button
              type="button"
              className="quiet small comment-selection-button"
              disabled={!selection}
              title={selection ? t('commentOnSelection') : t('selectToComment')}
              aria-label={t('commentOnSelectedText')}
              aria-keyshortcuts="Control+Alt+M"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => panel.startInlineComment(selection)}
            >
              <CommentIcon />
              {t('comment')}
            </button>
          )}
        </div>

        <MentionsPanel unseen={panel.unseen} onOpen={panel.openMention} onMarkSeen={panel.markSeen} />

        <CommentFilters filters={panel.filters} onChange={panel.setFilters} />

        {mayComment && inlineDraft && (
          <InlineComposer
            draft={inlineDraft}
            documentName={documentName}
            onClose={panel.closeInlineDraft}
            onCreated={panel.onInlineThreadCreated}
          />
        )}

        {mayComment &&
          !inlineDraft &&
          (panel.areaComposerOpen ? (
            <AreaComposer
              documentName={documentName}
              initialArea={panel.filters.area === 'all' ? 'general' : panel.filters.area}
              onClose={() => panel.setAreaComposerOpen(false)}
              onCreated={panel.onAreaThreadCreated}
            />
          ) : (
            <button
              type="button"
              className="new-thread-button"
              onClick={() => panel.setAreaComposerOpen(true)}
            >
              <span aria-hidden="true">+</span> {t('newAreaThread')}
            </button>
          ))}

        <ThreadList
          visibleThreads={panel.visibleThreads}
          hasThreads={threads.length > 0}
          loaded={loaded}
          filtered={panel.filtered}
          onClearFilters={panel.clearFilters}
          listRef={panel.listRef}
          documentName={documentName}
          role={role}
          mayComment={mayComment}
          accountId={accountId}
          activeId={panel.activeId}
          outsideFiltersId={panel.outsideFiltersId}
          orphanedIds={panel.orphanedIds}
          now={now}
          onSelect={(selected) => panel.selectThread(selected, 'card')}
        />

        {mayComment && !inlineDraft && selection && panel.dom && (
          <SelectionCommentButton editor={editor} range={selection} onComment={panel.startInlineComment} />
        )}
      </aside>
    </PeopleContext>
  )
}
