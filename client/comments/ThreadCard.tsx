import { type FormEvent, type KeyboardEvent, useContext, useMemo, useRef, useState } from 'react'
import type { CommentView, ThreadView } from '../../shared/comments/index.ts'
import { commentLimits } from '../../shared/comments/index.ts'
import { canComment, canEditComment, canResolveThread, type Role } from '../../shared/roles/index.ts'
import { errorText } from '../i18n/errorText.ts'
import { useFormatter } from '../i18n/useFormatter.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { areaLabel } from './format.ts'
import { MentionTextarea } from './MentionTextarea.tsx'
import { PeopleContext } from './PeopleContext.ts'
import { threadApi } from './threadApi.ts'
import { unknownMentions } from './unknownMentions.ts'

interface ThreadCardProps {
  thread: ThreadView
  documentName: string
  role: Role
  accountId: number
  active: boolean
  orphaned: boolean
  /** Listed although the filters would hide it, because it is the selected thread. */
  outsideFilters: boolean
  now: number
  onSelect: (thread: ThreadView) => void
}

/** Submits on Ctrl/Cmd+Enter; Escape runs `onEscape`. */
function textareaKeys(onSubmit: () => void, onEscape: () => void) {
  return (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      onSubmit()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      onEscape()
    }
  }
}

/** One thread: what it is about, its comments, a reply box and the actions the account's role allows. */
export function ThreadCard({
  thread,
  documentName,
  role,
  accountId,
  active,
  orphaned,
  outsideFilters,
  now,
  onSelect,
}: ThreadCardProps) {
  const { t } = useTranslation('comments')
  const { t: tCommon } = useTranslation()
  const { t: tError } = useTranslation('errors')
  const [reply, setReply] = useState('')
  const [replying, setReplying] = useState(false)
  const replyButton = useRef<HTMLButtonElement>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const mayComment = canComment(role)
  const mayResolve = mayComment && canResolveThread(role, accountId, thread)
  const resolved = thread.status === 'resolved'
  const opener = thread.comments[0]

  async function run(action: () => Promise<unknown>): Promise<boolean> {
    setBusy(true)
    setError(null)
    try {
      await action()
      return true
    } catch (failure) {
      setError(errorText(tError, failure))
      return false
    } finally {
      setBusy(false)
    }
  }

  /** Folds the reply box back into its button, which gets the focus the box had. */
  function closeReply() {
    setReply('')
    setReplying(false)
    requestAnimationFrame(() => replyButton.current?.focus())
  }

  async function sendReply(event?: FormEvent) {
    event?.preventDefault()
    if (!reply.trim() || busy) return
    if (await run(() => threadApi.reply(documentName, thread.id, reply))) closeReply()
  }

  const classes = ['thread-card']
  if (active) classes.push('is-active')
  if (resolved) classes.push('is-resolved')
  const area = areaLabel(tCommon, thread.area)
  const summaryLabel = opener
    ? t('thread.summaryBy', { area, name: opener.authorName })
    : t('thread.summary', { area })

  return (
    <li className={classes.join(' ')} data-thread-id={thread.id}>
      <button
        type="button"
        className="thread-summary"
        aria-pressed={active}
        aria-label={
          thread.quote ? t('thread.onQuote', { summary: summaryLabel, quote: thread.quote }) : summaryLabel
        }
        onClick={() => onSelect(thread)}
      >
        <span className="thread-badges">
          <span className="area-badge" data-area={thread.area}>
            {area}
          </span>
          {orphaned && <span className="status-badge is-orphaned">{t('thread.textDeleted')}</span>}
          {resolved && <span className="status-badge is-resolved">{t('thread.resolved')}</span>}
        </span>
        {thread.kind === 'inline' && thread.quote && <span className="thread-quote">{thread.quote}</span>}
      </button>
      <ol className="comment-list">
        {thread.comments.map((comment) => (
          <CommentItem
            key={comment.id}
            comment={comment}
            documentName={documentName}
            mayEdit={mayComment && canEditComment(accountId, comment)}
            now={now}
          />
        ))}
      </ol>
      {outsideFilters && <p className="thread-filter-note">{t('thread.outsideFilters')}</p>}
      {mayComment &&
        !resolved &&
        (replying ? (
          <form className="reply-form" onSubmit={sendReply}>
            <label className="visually-hidden" htmlFor={`reply-${thread.id}`}>
              {t('thread.replyLabel')}
            </label>
            <MentionTextarea
              id={`reply-${thread.id}`}
              className="comment-input"
              placeholder={t('thread.replyPlaceholder')}
              rows={2}
              maxLength={commentLimits.maxTextLength}
              value={reply}
              autoFocus
              onText={setReply}
              onKeyDown={textareaKeys(() => void sendReply(), closeReply)}
            />
            <div className="form-actions">
              <button type="button" className="quiet small" onClick={closeReply}>
                {tCommon('cancel')}
              </button>
              <button type="submit" className="primary small" disabled={busy || !reply.trim()}>
                {t('thread.reply')}
              </button>
            </div>
          </form>
        ) : (
          <button
            ref={replyButton}
            type="button"
            className="reply-button"
            aria-label={t('thread.replyLabel')}
            onClick={() => setReplying(true)}
          >
            {t('thread.replyPlaceholder')}
          </button>
        ))}
      {mayResolve && (
        <div className="thread-actions">
          <button
            type="button"
            className="quiet small"
            disabled={busy}
            onClick={() =>
              void run(() => threadApi.setStatus(documentName, thread.id, resolved ? 'open' : 'resolved'))
            }
          >
            {resolved ? t('thread.reopen') : t('thread.resolve')}
          </button>
        </div>
      )}
      {error && (
        <p className="form-error comment-error" role="alert">
          {error}
        </p>
      )}
    </li>
  )
}

function CommentItem({
  comment,
  documentName,
  mayEdit,
  now,
}: {
  comment: CommentView
  documentName: string
  mayEdit: boolean
  now: number
}) {
  const { t } = useTranslation('comments')
  const { t: tCommon } = useTranslation()
  const { t: tError } = useTranslation('errors')
  const format = useFormatter()
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-delete'>('view')
  const [draft, setDraft] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function run(action: () => Promise<unknown>) {
    setBusy(true)
    setError(null)
    try {
      await action()
      setMode('view')
    } catch (failure) {
      setError(errorText(tError, failure))
    } finally {
      setBusy(false)
    }
  }

  function save(event?: FormEvent) {
    event?.preventDefault()
    if (!draft.trim() || busy) return
    void run(() => threadApi.editComment(documentName, comment.id, draft))
  }

  const deleted = comment.text === null
  // The author is told when an @name in their comment reached nobody.
  const people = useContext(PeopleContext)
  const unnotified = useMemo(
    () => (people && comment.text ? unknownMentions(comment.text, people) : []),
    [people, comment.text],
  )
  return (
    <li className="comment" data-comment-id={comment.id}>
      <div className="comment-header">
        <span className="comment-author">{comment.authorName}</span>
        <span
          className="delegation-tag"
          data-delegation={comment.delegation}
          title={tCommon(`delegation.${comment.delegation}`)}
        >
          {tCommon(`delegationShort.${comment.delegation}`)}
        </span>
        <time
          className="comment-time"
          dateTime={comment.createdAt}
          title={format.dateTime(comment.createdAt)}
        >
          {format.relative(comment.createdAt, now)}
        </time>
        {comment.editedAt && !deleted && (
          <span
            className="comment-edited"
            title={t('item.editedAt', { time: format.dateTime(comment.editedAt) })}
          >
            {t('item.edited')}
          </span>
        )}
      </div>
      {deleted ? (
        <p className="comment-text is-deleted">{t('item.deleted')}</p>
      ) : mode === 'edit' ? (
        <form className="edit-form" onSubmit={save}>
          <label className="visually-hidden" htmlFor={`edit-${comment.id}`}>
            {t('item.editLabel')}
          </label>
          <MentionTextarea
            id={`edit-${comment.id}`}
            className="comment-input"
            rows={3}
            maxLength={commentLimits.maxTextLength}
            value={draft}
            autoFocus
            onText={setDraft}
            onKeyDown={textareaKeys(save, () => setMode('view'))}
          />
          <div className="form-actions">
            <button type="button" className="quiet small" onClick={() => setMode('view')}>
              {tCommon('cancel')}
            </button>
            <button type="submit" className="primary small" disabled={busy || !draft.trim()}>
              {tCommon('save')}
            </button>
          </div>
        </form>
      ) : (
        <p className="comment-text">{comment.text}</p>
      )}
      {mayEdit && unnotified.length > 0 && mode === 'view' && (
        <p className="mention-unknown">
          {t('mentionNobodyNotified', { names: unnotified.join(', '), count: unnotified.length })}
        </p>
      )}
      {mayEdit && !deleted && mode === 'view' && (
        <div className="comment-actions">
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setDraft(comment.text ?? '')
              setError(null)
              setMode('edit')
            }}
          >
            {t('item.edit')}
          </button>
          <button type="button" className="link-button" onClick={() => setMode('confirm-delete')}>
            {t('item.delete')}
          </button>
        </div>
      )}
      {mode === 'confirm-delete' && (
        <div className="comment-actions confirm">
          <span>{t('item.confirmDelete')}</span>
          <button
            type="button"
            className="link-button danger"
            disabled={busy}
            onClick={() => void run(() => threadApi.deleteComment(documentName, comment.id))}
          >
            {t('item.delete')}
          </button>
          <button type="button" className="link-button" onClick={() => setMode('view')}>
            {t('item.keep')}
          </button>
        </div>
      )}
      {error && (
        <p className="form-error comment-error" role="alert">
          {error}
        </p>
      )}
    </li>
  )
}
