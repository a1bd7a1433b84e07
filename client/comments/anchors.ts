import type { EditorState } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { encodeAnchorPosition, type ThreadAnchor } from '../../shared/comments/index.ts'

/** A range of the ProseMirror document. */
export interface TextRange {
  from: number
  to: number
}

type Mapping = Parameters<typeof relativePositionToAbsolutePosition>[3]

/** The Yjs ↔ ProseMirror node mapping of the collaboration binding; null until the binding exists. */
export function bindingMapping(state: EditorState): Mapping | null {
  const syncState: unknown = ySyncPluginKey.getState(state)
  const binding = (syncState as { binding?: { mapping?: Mapping } } | undefined)?.binding
  return binding?.mapping ?? null
}

/** Encodes a ProseMirror range as Yjs relative positions, so it follows the words through everyone's edits. */
export function encodeAnchor(
  state: EditorState,
  fragment: Y.XmlFragment,
  range: TextRange,
): ThreadAnchor | null {
  const mapping = bindingMapping(state)
  if (!mapping) return null
  const start = absolutePositionToRelativePosition(range.from, fragment, mapping) as Y.RelativePosition
  const end = absolutePositionToRelativePosition(range.to, fragment, mapping) as Y.RelativePosition
  return {
    start: encodeAnchorPosition(start),
    end: encodeAnchorPosition(end),
  }
}

/** Where a decoded anchor is now; null if its text is gone (the thread is orphaned). */
export function resolveAnchor(
  mapping: Mapping | null,
  ydoc: Y.Doc,
  fragment: Y.XmlFragment,
  start: Y.RelativePosition | null,
  end: Y.RelativePosition | null,
  docSize: number,
): TextRange | null {
  if (!mapping || !start || !end) return null
  try {
    const from = relativePositionToAbsolutePosition(ydoc, fragment, start, mapping)
    const to = relativePositionToAbsolutePosition(ydoc, fragment, end, mapping)
    if (from === null || to === null || from >= to) return null
    if (from < 0 || to > docSize) return null
    return { from, to }
  } catch {
    return null
  }
}

/**
 * The text the reader has selected in the editor, or null. Only a selection the reader can see counts: the
 * DOM selection must be inside the editor. ProseMirror's selection is used when it has one; otherwise the
 * DOM selection is mapped into the document (a read-only editor may not track it).
 */
export function selectedRange(view: EditorView): TextRange | null {
  const selection = view.dom.ownerDocument.getSelection()
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  if (!view.dom.contains(range.startContainer) || !view.dom.contains(range.endContainer)) return null
  const hasText = (from: number, to: number) =>
    from < to && view.state.doc.textBetween(from, to, ' ').trim() !== ''
  const { from, to } = view.state.selection
  if (hasText(from, to)) return { from, to }
  try {
    const start = view.posAtDOM(range.startContainer, range.startOffset)
    const end = view.posAtDOM(range.endContainer, range.endOffset)
    const [low, high] = start <= end ? [start, end] : [end, start]
    return hasText(low, high) ? { from: low, to: high } : null
  } catch {
    return null
  }
}

/** The quoted text of a range, with block breaks as spaces, trimmed to `maxLength`. */
export function quoteOf(state: EditorState, range: TextRange, maxLength: number): string {
  const text = state.doc.textBetween(range.from, range.to, ' ', ' ').replace(/\s+/g, ' ').trim()
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text
}
