import { type Editor, useEditorState } from '@tiptap/react'
import { type FormEvent, type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type * as Y from 'yjs'
import {
  commentLimits,
  type ThreadAnchor,
  type ThreadArea,
  type ThreadView,
} from '../../shared/comments/index.ts'
import type { Delegation, Role } from '../../shared/roles/index.ts'
import { canComment } from '../../shared/roles/index.ts'
import { documentField } from '../../shared/schema/index.ts'
import { encodeAnchor, quoteOf, selectedRange, type TextRange } from './anchors.ts'
import { type CommentHighlightsMeta, commentHighlightsKey } from './CommentHighlights.ts'
import { areaLabel, shortAreaLabel, threadAreaOptions } from './format.ts'
import { ThreadCard } from './ThreadCard.tsx'
import { errorMessage, threadApi } from './threadApi.ts'
import { useEditorDom } from './useEditorDom.ts'
import { type Mention, useSeenMentions } from './useSeenMentions.ts'
import { useSelectedRange } from './useSelectedRange.ts'

interface CommentsSidebarProps {
  editor: Editor
  ydoc: Y.Doc
  documentName: string
  role: Role
  accountId: number
  threads: ThreadView[]
  loaded: boolean
}

interface Filters {
  area: ThreadArea | 'all'
  status: 'open' | 'resolved' | 'all'
  delegation: Delegation | 'all'
  orphanedOnly: boolean
}

const defaultFilters: Filters = { area: 'all', status: 'open', delegation: 'all', orphanedOnly: false }

interface InlineDraft {
  range: TextRange
  anchor: ThreadAnchor
  quote: string
}

const areaOrder = new Map<ThreadArea, number>(threadAreaOptions.map((option, index) => [option.id, index]))

function isShortcut(event: globalThis.KeyboardEvent): boolean {
  // Mod-Alt-m; `code`, because Alt changes the character on some layouts (µ on a Mac).
  return (event.ctrlKey || event.metaKey) && event.altKey && !event.shiftKey && event.code === 'KeyM'
}

function applyToEditor(editor: Editor, meta: CommentHighlightsMeta): void {
  if (editor.isDestroyed) return
  editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, meta).setMeta('addToHistory', false))
}

function matches(thread: ThreadView, filters: Filters, orphaned: boolean): boolean {
  if (filters.area !== 'all' && thread.area !== filters.area) return false
  if (filters.status !== 'all' && thread.status !== filters.status) return false
  if (filters.delegation !== 'all' && thread.comments[0]?.delegation !== filters.delegation) return false
  if (filters.orphanedOnly && !orphaned) return false
  return true
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
  const mayComment = canComment(role)
  const dom = useEditorDom(editor)
  const selection = useSelectedRange(editor, dom)
  const [activeId, setActiveId] = useState<number | null>(null)
  const [filters, setFilters] = useState<Filters>(defaultFilters)
  const [inlineDraft, setInlineDraft] = useState<InlineDraft | null>(null)
  const [areaComposerOpen, setAreaComposerOpen] = useState(false)
  const [mentionsOpen, setMentionsOpen] = useState(false)
  const [revealCard, setRevealCard] = useState<{ id: number } | null>(null)
  const [now, setNow] = useState(() => Date.now())
  const listRef = useRef<HTMLOListElement>(null)
  const { unseen, markSeen } = useSeenMentions(threads, accountId, documentName)

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000)
    return () => clearInterval(timer)
  }, [])

  // Tell the highlighting plugin what to show.
  useEffect(() => applyToEditor(editor, { threads }), [editor, threads])
  useEffect(() => applyToEditor(editor, { activeId }), [editor, activeId])
  useEffect(() => applyToEditor(editor, { draft: inlineDraft?.range ?? null }), [editor, inlineDraft])

  // Where inline threads' text is now, as the plugin resolved it: their order in the text, and which are
  // orphaned (text gone). A string, so the panel re-renders only when one of those changes.
  const anchorKey = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      const state = commentHighlightsKey.getState(current.state)
      if (!state) return '|'
      const placed: [number, number][] = []
      const orphans: number[] = []
      for (const [id, range] of state.ranges) {
        if (range) placed.push([id, range.from])
        else orphans.push(id)
      }
      // Until the draft has arrived nothing resolves; that does not make a thread orphaned.
      if (orphans.length > 0 && current.state.doc.textContent.trim() === '') orphans.length = 0
      placed.sort((a, b) => a[1] - b[1])
      return `${placed.map(([id]) => id).join(',')}|${orphans.sort((a, b) => a - b).join(',')}`
    },
  })
  const [orderPart = '', orphanPart = ''] = anchorKey.split('|')
  const orphanedIds = useMemo(
    () => new Set(orphanPart ? orphanPart.split(',').map(Number) : []),
    [orphanPart],
  )

  const visibleThreads = useMemo(() => {
    const order = new Map(orderPart ? orderPart.split(',').map((id, index) => [Number(id), index]) : [])
    const position = (thread: ThreadView) => order.get(thread.id) ?? -1
    return threads
      .filter((thread) => matches(thread, filters, orphanedIds.has(thread.id)) || thread.id === activeId)
      .sort(
        (a, b) =>
          (areaOrder.get(a.area) ?? 99) - (areaOrder.get(b.area) ?? 99) ||
          position(a) - position(b) ||
          a.createdAt.localeCompare(b.createdAt),
      )
  }, [threads, filters, orphanedIds, activeId, orderPart])

  const openCount = threads.filter((thread) => thread.status === 'open').length

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
    (thread: ThreadView, from: 'card' | 'text' | 'mention') => {
      setActiveId(thread.id)
      if (from !== 'card') setRevealCard({ id: thread.id })
      if (from !== 'text') revealText(thread)
    },
    [revealText],
  )

  // Clicking highlighted text selects its thread; clicking elsewhere in the text clears the selection.
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

  const startInlineComment = useCallback(
    (range: TextRange | null) => {
      if (!mayComment || !range || editor.isDestroyed) return
      const anchor = encodeAnchor(editor.state, ydoc.getXmlFragment(documentField), range)
      if (!anchor) return
      setAreaComposerOpen(false)
      setInlineDraft({ range, anchor, quote: quoteOf(editor.state, range, commentLimits.maxQuoteLength) })
    },
    [editor, ydoc, mayComment],
  )

  useEffect(() => {
    if (!mayComment) return
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (!isShortcut(event) || editor.isDestroyed) return
      const range = selectedRange(editor.view)
      if (!range) return
      event.preventDefault()
      startInlineComment(range)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [editor, mayComment, startInlineComment])

  function openMention(mention: Mention) {
    markSeen([mention.comment.id])
    setMentionsOpen(false)
    if (!matches(mention.thread, filters, orphanedIds.has(mention.thread.id))) setFilters(defaultFilters)
    selectThread(mention.thread, 'mention')
  }

  const filtered =
    filters.area !== defaultFilters.area ||
    filters.status !== defaultFilters.status ||
    filters.delegation !== defaultFilters.delegation ||
    filters.orphanedOnly

  return (
    <aside className="comments" aria-label="Comments">
      <div className="comments-header">
        <h2 className="panel-title">
          Comments <span className="comments-count">{openCount} open</span>
        </h2>
        {mayComment && (
          <button
            type="button"
            className="quiet small comment-selection-button"
            disabled={!selection}
            title={
              selection
                ? 'Comment on the selected text (Ctrl+Alt+M)'
                : 'Select text in the draft to comment on it'
            }
            aria-label="Comment on selected text"
            aria-keyshortcuts="Control+Alt+M"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => startInlineComment(selection)}
          >
            <CommentIcon />
            Comment
          </button>
        )}
      </div>

      {unseen.length > 0 && (
        <button
          type="button"
          className="mentions-button"
          aria-expanded={mentionsOpen}
          aria-controls="mentions-list"
          onClick={() => setMentionsOpen((open) => !open)}
        >
          <BellIcon />
          {unseen.length} new {unseen.length === 1 ? 'mention' : 'mentions'}
          <span className="mentions-toggle" aria-hidden="true">
            {mentionsOpen ? 'Hide' : 'Show'}
          </span>
        </button>
      )}

      {mentionsOpen && unseen.length > 0 && (
        <section id="mentions-list" className="mentions-list" aria-label="New mentions">
          <ul>
            {unseen.map((mention) => (
              <li key={mention.comment.id}>
                <button type="button" className="mention-item" onClick={() => openMention(mention)}>
                  <span className="mention-who">
                    {mention.comment.authorName} mentioned you · {shortAreaLabel(mention.thread.area)}
                  </span>
                  <span className="mention-text">{mention.comment.text}</span>
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              markSeen(unseen.map((mention) => mention.comment.id))
              setMentionsOpen(false)
            }}
          >
            Mark all as read
          </button>
        </section>
      )}

      <fieldset className="comment-filters">
        <legend className="visually-hidden">Filter threads</legend>
        <label>
          <span>Area</span>
          <select
            value={filters.area}
            onChange={(event) => setFilters({ ...filters, area: event.target.value as Filters['area'] })}
          >
            <option value="all">All areas</option>
            {threadAreaOptions.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Status</span>
          <select
            value={filters.status}
            onChange={(event) => setFilters({ ...filters, status: event.target.value as Filters['status'] })}
          >
            <option value="open">Open</option>
            <option value="resolved">Resolved</option>
            <option value="all">All</option>
          </select>
        </label>
        <label>
          <span>Raised by</span>
          <select
            value={filters.delegation}
            onChange={(event) =>
              setFilters({ ...filters, delegation: event.target.value as Filters['delegation'] })
            }
          >
            <option value="all">Both delegations</option>
            <option value="AZ">Azerbaijan</option>
            <option value="US">United States</option>
          </select>
        </label>
        <label className="filter-check">
          <input
            type="checkbox"
            checked={filters.orphanedOnly}
            onChange={(event) => setFilters({ ...filters, orphanedOnly: event.target.checked })}
          />
          <span>Orphaned only</span>
        </label>
      </fieldset>

      {mayComment && inlineDraft && (
        <InlineComposer
          draft={inlineDraft}
          documentName={documentName}
          onClose={() => setInlineDraft(null)}
          onCreated={(thread) => {
            setInlineDraft(null)
            dom?.ownerDocument.getSelection()?.removeAllRanges()
            if (!matches(thread, filters, false)) setFilters(defaultFilters)
            setActiveId(thread.id)
            setRevealCard({ id: thread.id })
          }}
        />
      )}

      {mayComment &&
        !inlineDraft &&
        (areaComposerOpen ? (
          <AreaComposer
            documentName={documentName}
            initialArea={filters.area === 'all' ? 'general' : filters.area}
            onClose={() => setAreaComposerOpen(false)}
            onCreated={(thread) => {
              setAreaComposerOpen(false)
              if (!matches(thread, filters, false)) setFilters(defaultFilters)
              setActiveId(thread.id)
              setRevealCard({ id: thread.id })
            }}
          />
        ) : (
          <button type="button" className="new-thread-button" onClick={() => setAreaComposerOpen(true)}>
            <span aria-hidden="true">+</span> New thread on an area
          </button>
        ))}

      {!loaded ? (
        <p className="comments-empty">Loading comments…</p>
      ) : visibleThreads.length === 0 ? (
        <p className="comments-empty">
          {threads.length === 0
            ? mayComment
              ? 'No comments yet. Select text in the draft to comment on it, or start a thread on an area.'
              : 'No comments yet.'
            : 'No threads match these filters.'}
          {filtered && threads.length > 0 && (
            <>
              {' '}
              <button type="button" className="link-button" onClick={() => setFilters(defaultFilters)}>
                Clear filters
              </button>
            </>
          )}
        </p>
      ) : (
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
              now={now}
              onSelect={(selected) => selectThread(selected, 'card')}
            />
          ))}
        </ol>
      )}

      {mayComment && !inlineDraft && selection && dom && (
        <SelectionCommentButton editor={editor} range={selection} onComment={startInlineComment} />
      )}
    </aside>
  )
}

function useSubmit(action: () => Promise<ThreadView>, onCreated: (thread: ThreadView) => void) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  async function submit() {
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      onCreated(await action())
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, submit }
}

function composerKeys(submit: () => void, close: () => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      close()
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      submit()
    }
  }
}

/** The text box, error and buttons shared by both composers. */
function ComposerBody({
  id,
  text,
  onText,
  error,
  busy,
  submitLabel,
  onSend,
  onClose,
}: {
  id: string
  text: string
  onText: (text: string) => void
  error: string | null
  busy: boolean
  submitLabel: string
  onSend: () => void
  onClose: () => void
}) {
  return (
    <>
      <textarea
        id={id}
        className="comment-input"
        rows={3}
        maxLength={commentLimits.maxTextLength}
        placeholder="Mention someone with @name"
        value={text}
        // biome-ignore lint/a11y/noAutofocus: the reader just asked to write this comment
        autoFocus
        onChange={(event) => onText(event.target.value)}
        onKeyDown={composerKeys(onSend, onClose)}
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="quiet small" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary small" disabled={busy || !text.trim()}>
          {submitLabel}
        </button>
      </div>
    </>
  )
}

function InlineComposer({
  draft,
  documentName,
  onClose,
  onCreated,
}: {
  draft: InlineDraft
  documentName: string
  onClose: () => void
  onCreated: (thread: ThreadView) => void
}) {
  const [text, setText] = useState('')
  const { busy, error, submit } = useSubmit(
    () => threadApi.createInlineThread(documentName, draft.anchor, draft.quote, text),
    onCreated,
  )
  const send = (event?: FormEvent) => {
    event?.preventDefault()
    if (text.trim()) void submit()
  }
  return (
    <form className="composer" aria-label="New comment on the selected text" onSubmit={send}>
      <p className="composer-quote">{draft.quote}</p>
      <label htmlFor="inline-comment-text" className="composer-label">
        Your comment
      </label>
      <ComposerBody
        id="inline-comment-text"
        text={text}
        onText={setText}
        error={error}
        busy={busy}
        submitLabel="Post comment"
        onSend={send}
        onClose={onClose}
      />
    </form>
  )
}

function AreaComposer({
  documentName,
  initialArea,
  onClose,
  onCreated,
}: {
  documentName: string
  initialArea: ThreadArea
  onClose: () => void
  onCreated: (thread: ThreadView) => void
}) {
  const [area, setArea] = useState<ThreadArea>(initialArea)
  const [text, setText] = useState('')
  const { busy, error, submit } = useSubmit(
    () => threadApi.createAreaThread(documentName, area, text),
    onCreated,
  )
  const send = (event?: FormEvent) => {
    event?.preventDefault()
    if (text.trim()) void submit()
  }
  return (
    <form className="composer" aria-label="New thread on an area" onSubmit={send}>
      <label htmlFor="area-thread-area" className="composer-label">
        Area
      </label>
      <select
        id="area-thread-area"
        value={area}
        onChange={(event) => setArea(event.target.value as ThreadArea)}
        onKeyDown={composerKeys(send, onClose)}
      >
        {threadAreaOptions.map((option) => (
          <option key={option.id} value={option.id}>
            {areaLabel(option.id)}
          </option>
        ))}
      </select>
      <label htmlFor="area-thread-text" className="composer-label">
        Your comment
      </label>
      <ComposerBody
        id="area-thread-text"
        text={text}
        onText={setText}
        error={error}
        busy={busy}
        submitLabel="Start thread"
        onSend={send}
        onClose={onClose}
      />
    </form>
  )
}

/** A small "Comment" button just below the end of the selected text. */
function SelectionCommentButton({
  editor,
  range,
  onComment,
}: {
  editor: Editor
  range: TextRange
  onComment: (range: TextRange) => void
}) {
  const [, setLayout] = useState(0)
  useEffect(() => {
    const relayout = () => setLayout((count) => count + 1)
    window.addEventListener('scroll', relayout, true)
    window.addEventListener('resize', relayout)
    return () => {
      window.removeEventListener('scroll', relayout, true)
      window.removeEventListener('resize', relayout)
    }
  }, [])
  let position: { top: number; left: number } | null = null
  try {
    const end = editor.view.coordsAtPos(range.to, -1)
    const page = editor.view.dom.getBoundingClientRect()
    // Just below the selection's end, kept on screen when that end is scrolled out of view.
    position = {
      top: Math.min(Math.max(end.bottom + 6, 60), window.innerHeight - 44),
      left: Math.max(page.left, Math.min(end.left - 40, page.right - 100)),
    }
  } catch {
    position = null
  }
  if (!position) return null
  return (
    <button
      type="button"
      className="selection-comment-button"
      style={{ top: position.top, left: position.left }}
      title="Comment on the selected text (Ctrl+Alt+M)"
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => onComment(range)}
    >
      <CommentIcon />
      Comment
    </button>
  )
}

function BellIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M12 3a6 6 0 0 0-6 6v3.6L4.3 16a1 1 0 0 0 .9 1.5h13.6a1 1 0 0 0 .9-1.5L18 12.6V9a6 6 0 0 0-6-6Zm-2.5 16a2.5 2.5 0 0 0 5 0"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  )
}

function CommentIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M5 5h14a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1h-8l-4 3.5V16H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
    </svg>
  )
}
