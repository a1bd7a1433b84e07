import { Extension } from '@tiptap/core'
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { decodeAnchorPosition, type ThreadView } from '../../shared/comments/index.ts'
import { bindingMapping, resolveAnchor, type TextRange } from './anchors.ts'

interface AnchoredThread {
  id: number
  open: boolean
  start: Y.RelativePosition | null
  end: Y.RelativePosition | null
}

export interface CommentHighlightsState {
  threads: AnchoredThread[]
  activeId: number | null
  /** The range a new comment is being written about, shown while the composer is open. */
  draft: TextRange | null
  /** Where each inline thread's text is now; null if the text was deleted (orphaned). */
  ranges: ReadonlyMap<number, TextRange | null>
  decorations: DecorationSet
}

/** What the UI tells the plugin, as transaction meta. Absent keys stay as they were. */
export interface CommentHighlightsMeta {
  threads?: readonly ThreadView[]
  activeId?: number | null
  draft?: TextRange | null
}

export const commentHighlightsKey = new PluginKey<CommentHighlightsState>('commentHighlights')

interface CommentHighlightsOptions {
  document: Y.Doc | null
  field: string
}

function anchored(threads: readonly ThreadView[]): AnchoredThread[] {
  return threads
    .filter((thread) => thread.kind === 'inline' && thread.anchor)
    .map((thread) => ({
      id: thread.id,
      open: thread.status === 'open',
      start: decodeAnchorPosition(thread.anchor!.start),
      end: decodeAnchorPosition(thread.anchor!.end),
    }))
}

function decorate(
  doc: EditorState['doc'],
  threads: AnchoredThread[],
  ranges: ReadonlyMap<number, TextRange | null>,
  activeId: number | null,
  draft: TextRange | null,
): DecorationSet {
  const decorations: Decoration[] = []
  for (const thread of threads) {
    const range = ranges.get(thread.id)
    if (!thread.open || !range) continue
    decorations.push(
      Decoration.inline(
        range.from,
        range.to,
        {
          class: thread.id === activeId ? 'comment-highlight is-active' : 'comment-highlight',
          'data-thread-id': String(thread.id),
        },
        { inclusiveStart: false, inclusiveEnd: false },
      ),
    )
  }
  if (draft && draft.from < draft.to) {
    decorations.push(Decoration.inline(draft.from, draft.to, { class: 'comment-highlight is-draft' }))
  }
  return DecorationSet.create(doc, decorations)
}

/**
 * Highlights the text of open inline comment threads (`span.comment-highlight[data-thread-id]`, `.is-active`
 * for the selected one). Anchors are Yjs relative positions; they are resolved again whenever the document
 * changes from Yjs (remote edits, undo), and mapped through local edits until then.
 */
export const CommentHighlights = Extension.create<CommentHighlightsOptions>({
  name: 'commentHighlights',

  addOptions() {
    return { document: null, field: 'default' }
  },

  addProseMirrorPlugins() {
    const ydoc = this.options.document
    if (!ydoc) return []
    const fragment = ydoc.getXmlFragment(this.options.field)

    function resolveAll(
      state: EditorState,
      previousState: EditorState,
      threads: AnchoredThread[],
    ): Map<number, TextRange | null> {
      const ranges = new Map<number, TextRange | null>()
      // The binding (and its node mapping) lives in the sync plugin's state from the start.
      const mapping = bindingMapping(state) ?? bindingMapping(previousState)
      const size = state.doc.content.size
      for (const thread of threads) {
        ranges.set(thread.id, resolveAnchor(mapping, ydoc!, fragment, thread.start, thread.end, size))
      }
      return ranges
    }

    function mapAll(
      tr: Transaction,
      ranges: ReadonlyMap<number, TextRange | null>,
    ): Map<number, TextRange | null> {
      const mapped = new Map<number, TextRange | null>()
      for (const [id, range] of ranges) {
        if (!range) {
          mapped.set(id, null)
          continue
        }
        // Like the Yjs anchors: typing at the start joins the range, typing at the end does not.
        const from = tr.mapping.map(range.from, -1)
        const to = tr.mapping.map(range.to, -1)
        mapped.set(id, from < to ? { from, to } : null)
      }
      return mapped
    }

    return [
      new Plugin<CommentHighlightsState>({
        key: commentHighlightsKey,
        state: {
          init: (_config, state) => ({
            threads: [],
            activeId: null,
            draft: null,
            ranges: new Map(),
            decorations: DecorationSet.create(state.doc, []),
          }),
          apply: (tr, previous, oldState, newState) => {
            const meta = tr.getMeta(commentHighlightsKey) as CommentHighlightsMeta | undefined
            // The collaboration binding marks the transactions that bring changes from Yjs (remote, undo).
            const change = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined
            const fromYjs = change?.isChangeOrigin === true
            if (!meta && !tr.docChanged && !fromYjs) return previous
            const threads = meta?.threads ? anchored(meta.threads) : previous.threads
            const activeId = meta && 'activeId' in meta ? (meta.activeId ?? null) : previous.activeId
            let draft = meta && 'draft' in meta ? (meta.draft ?? null) : previous.draft
            if (draft && tr.docChanged && !(meta && 'draft' in meta)) {
              const from = tr.mapping.map(draft.from, -1)
              const to = tr.mapping.map(draft.to, -1)
              draft = from < to ? { from, to } : null
            }
            const ranges =
              fromYjs || meta?.threads
                ? resolveAll(newState, oldState, threads)
                : tr.docChanged
                  ? mapAll(tr, previous.ranges)
                  : previous.ranges
            return {
              threads,
              activeId,
              draft,
              ranges,
              decorations: decorate(newState.doc, threads, ranges, activeId, draft),
            }
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations ?? DecorationSet.empty,
        },
      }),
    ]
  },
})

/** Where an inline thread's text is now: a range, null if orphaned, undefined if not known (yet). */
export function threadRange(state: EditorState, threadId: number): TextRange | null | undefined {
  return commentHighlightsKey.getState(state)?.ranges.get(threadId)
}
