import type { Editor } from '@tiptap/react'
import { useCallback, useEffect, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import { commentLimits, type ThreadArea, type ThreadView } from '../../shared/comments/index.ts'
import { canComment, type Role } from '../../shared/roles/index.ts'
import { documentField } from '../../shared/schema/index.ts'
import { encodeAnchor, quoteOf, selectedRange, type TextRange } from './anchors.ts'
import { type CommentHighlightsMeta, commentHighlightsKey } from './CommentHighlights.ts'
import { threadAreaOptions } from './format.ts'
import type { InlineDraft } from './InlineDraft.ts'
import {
  defaultThreadFilters,
  isFiltered,
  matchesThreadFilters,
  type ThreadFilters,
} from './ThreadFilters.ts'
import { useEditorDom } from './useEditorDom.ts'
import { type Mention, useSeenMentions } from './useSeenMentions.ts'
import { useSelectedRange } from './useSelectedRange.ts'
import { useThreadAnchors } from './useThreadAnchors.ts'
import { useThreadSelection } from './useThreadSelection.ts'

export interface CommentsPanelInput {
  editor: Editor
  ydoc: Y.Doc
  documentName: string
  role: Role
  accountId: number
  threads: readonly ThreadView[]
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

/**
 * The state of the comments panel: the selected thread, the filters and the threads they let through, the open
 * composer, new mentions, and what the highlighting plugin in the editor shows.
 */
export function useCommentsPanel({
  editor,
  ydoc,
  documentName,
  role,
  accountId,
  threads,
}: CommentsPanelInput) {
  const mayComment = canComment(role)
  const dom = useEditorDom(editor)
  const selection = useSelectedRange(editor, dom)
  const [filters, setFilters] = useState<ThreadFilters>(defaultThreadFilters)
  const [inlineDraft, setInlineDraft] = useState<InlineDraft | null>(null)
  const [areaComposerOpen, setAreaComposerOpen] = useState(false)
  const { unseen, markSeen } = useSeenMentions(threads, accountId, documentName)
  const { order, orphanedIds } = useThreadAnchors(editor)
  const { activeId, selectThread, listRef } = useThreadSelection(editor, dom, threads)

  // Tell the highlighting plugin what to show.
  useEffect(() => applyToEditor(editor, { threads }), [editor, threads])
  useEffect(() => applyToEditor(editor, { activeId }), [editor, activeId])
  useEffect(() => applyToEditor(editor, { draft: inlineDraft?.range ?? null }), [editor, inlineDraft])

  const visibleThreads = useMemo(() => {
    const position = (thread: ThreadView) => order.get(thread.id) ?? -1
    return threads
      .filter(
        (thread) =>
          matchesThreadFilters(thread, filters, orphanedIds.has(thread.id)) || thread.id === activeId,
      )
      .sort(
        (a, b) =>
          (areaOrder.get(a.area) ?? 99) - (areaOrder.get(b.area) ?? 99) ||
          position(a) - position(b) ||
          a.createdAt.localeCompare(b.createdAt),
      )
  }, [threads, filters, orphanedIds, activeId, order])

  // The selected thread stays listed whatever the filters say; its card then says why it is there.
  const selected = threads.find((thread) => thread.id === activeId)
  const outsideFiltersId =
    selected && !matchesThreadFilters(selected, filters, orphanedIds.has(selected.id)) ? selected.id : null

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

  /** Shows a thread the filters would hide by clearing them. */
  function showThread(thread: ThreadView, orphaned: boolean) {
    if (!matchesThreadFilters(thread, filters, orphaned)) setFilters(defaultThreadFilters)
  }

  function openMention(mention: Mention) {
    markSeen([mention.comment.id])
    showThread(mention.thread, orphanedIds.has(mention.thread.id))
    selectThread(mention.thread, 'mention')
  }

  function onInlineThreadCreated(thread: ThreadView) {
    setInlineDraft(null)
    dom?.ownerDocument.getSelection()?.removeAllRanges()
    showThread(thread, false)
    selectThread(thread, 'composer')
  }

  function onAreaThreadCreated(thread: ThreadView) {
    setAreaComposerOpen(false)
    showThread(thread, false)
    selectThread(thread, 'composer')
  }

  return {
    mayComment,
    dom,
    selection,
    activeId,
    selectThread,
    listRef,
    filters,
    setFilters,
    filtered: isFiltered(filters),
    clearFilters: () => setFilters(defaultThreadFilters),
    visibleThreads,
    outsideFiltersId,
    orphanedIds,
    openCount: threads.filter((thread) => thread.status === 'open').length,
    unseen,
    markSeen,
    openMention,
    inlineDraft,
    closeInlineDraft: () => setInlineDraft(null),
    startInlineComment,
    onInlineThreadCreated,
    areaComposerOpen,
    setAreaComposerOpen,
    onAreaThreadCreated,
  }
}
