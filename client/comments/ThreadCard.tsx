import { type FormEvent, type KeyboardEvent, useState } from 'react'
import type { CommentView, ThreadView } from '../../shared/comments/index.ts'
import { commentLimits } from '../../shared/comments/index.ts'
import { delegationLabels } from '../../shared/presence/delegationColors.ts'
import { canComment, canEditComment, canResolveThread, type Role } from '../../shared/roles/index.ts'
import { absoluteTime, areaLabel, relativeTime } from './format.ts'
import { errorMessage, threadApi } from './threadApi.ts'

interface ThreadCardProps {
  thread: ThreadView
  documentName: string
  role: Role
  accountId: number
  active: boolean
  orphaned: boolean
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
  now,
  onSelect,
}: ThreadCardProps) {
  const [reply, setReply] = useState('')
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
      setError(errorMessage(failure))
      return false
    } finally {
      setBusy(false)
    }
  }

  async function sendReply(event?: FormEvent) {
    event?.preventDefault()
    if (!reply.trim() || busy) return
    if (await run(() => threadApi.reply(documentName, thread.id, reply))) setReply('')
  }

  const classes = ['thread-card']
  if (active) classes.push('is-active')
  if (resolved) classes.push('is-resolved')
  const summaryLabel = `${areaLabel(thread.area)} thread${opener ? ` by ${opener.authorName}` : ''}`

  return (
    <li className={classes.join(' ')} data-thread-id={thread.id}>
      <button
        type="button"
        className="thread-summary"
        aria-pressed={active}
        aria-label={`${summaryLabel}${thread.quote ? `, on “${thread.quote}”` : ''}`}
        onClick={() => onSelect(thread)}
      >
        <span className="thread-badges">
          <span className="area-badge" data-area={thread.area}>
            {areaLabel(thread.area)}
          </span>
          {orphaned && <span className="status-badge is-orphaned">Text deleted</span>}
          {resolved && <span className="status-badge is-resolved">Resolved</span>}
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
      {mayComment && !resolved && (
        <form className="reply-form" onSubmit={sendReply}>
          <label className="visually-hidden" htmlFor={`reply-${thread.id}`}>
            Reply to this thread
          </label>
          <textarea
            id={`reply-${thread.id}`}
            className="comment-input"
            placeholder="Reply…"
            rows={1}
            maxLength={commentLimits.maxTextLength}
            value={reply}
            onChange={(event) => setReply(event.target.value)}
            onKeyDown={textareaKeys(
              () => void sendReply(),
              () => setReply(''),
            )}
          />
          {reply.trim() !== '' && (
            <div className="form-actions">
              <button type="button" className="quiet" onClick={() => setReply('')}>
                Cancel
              </button>
              <button type="submit" className="primary small" disabled={busy}>
                Reply
              </button>
            </div>
          )}
        </form>
      )}
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
            {resolved ? 'Reopen' : 'Resolve'}
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
      setError(errorMessage(failure))
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
  return (
    <li className="comment" data-comment-id={comment.id}>
      <div className="comment-header">
        <span className="comment-author">{comment.authorName}</span>
        <span
          className="delegation-tag"
          data-delegation={comment.delegation}
          title={delegationLabels[comment.delegation]}
        >
          {comment.delegation}
        </span>
        <time className="comment-time" dateTime={comment.createdAt} title={absoluteTime(comment.createdAt)}>
          {relativeTime(comment.createdAt, now)}
        </time>
        {comment.editedAt && !deleted && (
          <span className="comment-edited" title={`Edited ${absoluteTime(comment.editedAt)}`}>
            (edited)
          </span>
        )}
      </div>
      {deleted ? (
        <p className="comment-text is-deleted">Comment deleted</p>
      ) : mode === 'edit' ? (
        <form className="edit-form" onSubmit={save}>
          <label className="visually-hidden" htmlFor={`edit-${comment.id}`}>
            Edit your comment
          </label>
          <textarea
            id={`edit-${comment.id}`}
            className="comment-input"
            rows={3}
            maxLength={commentLimits.maxTextLength}
            value={draft}
            // biome-ignore lint/a11y/noAutofocus: the reader just asked to edit this comment
            autoFocus
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={textareaKeys(save, () => setMode('view'))}
          />
          <div className="form-actions">
            <button type="button" className="quiet small" onClick={() => setMode('view')}>
              Cancel
            </button>
            <button type="submit" className="primary small" disabled={busy || !draft.trim()}>
              Save
            </button>
          </div>
        </form>
      ) : (
        <p className="comment-text">{comment.text}</p>
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
            Edit
          </button>
          <button type="button" className="link-button" onClick={() => setMode('confirm-delete')}>
            Delete
          </button>
        </div>
      )}
      {mode === 'confirm-delete' && (
        <div className="comment-actions confirm">
          <span>Delete this comment?</span>
          <button
            type="button"
            className="link-button danger"
            disabled={busy}
            onClick={() => void run(() => threadApi.deleteComment(documentName, comment.id))}
          >
            Delete
          </button>
          <button type="button" className="link-button" onClick={() => setMode('view')}>
            Keep
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
