import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { Editor } from '@tiptap/react'
import { useMemo } from 'react'
import { useEditorSelector } from '../editor/useEditorSelector.ts'
import { commentHighlightsKey } from './CommentHighlights.ts'

export interface ThreadAnchors {
  /** Inline threads' index in text order. */
  order: ReadonlyMap<number, number>
  /** Inline threads whose text is gone. */
  orphanedIds: ReadonlySet<number>
}

/**
 * Where inline threads' text is now, as the highlighting plugin resolved it: their order in the text, and which
 * are orphaned. Selected as a string, so the panel re-renders only when one of those changes.
 */
/** Whether any text has arrived, stopping at the first (the whole text of a long draft costs a copy of it). */
function hasText(doc: ProseMirrorNode): boolean {
  let found = false
  doc.descendants((node) => {
    if (node.isText && node.text?.trim()) found = true
    return !found
  })
  return found
}

export function useThreadAnchors(editor: Editor): ThreadAnchors {
  const anchorKey = useEditorSelector(
    editor,
    (current) => {
      const state = commentHighlightsKey.getState(current.state)
      if (!state) return '|'
      const placed: [number, number][] = []
      const orphans: number[] = []
      for (const [id, range] of state.ranges) {
        if (range) placed.push([id, range.from])
        else orphans.push(id)
      }
      // Until the draft has arrived nothing resolves; that does not make a thread orphaned.
      if (orphans.length > 0 && !hasText(current.state.doc)) orphans.length = 0
      placed.sort((a, b) => a[1] - b[1])
      return `${placed.map(([id]) => id).join(',')}|${orphans.sort((a, b) => a - b).join(',')}`
    },
    Object.is,
    '|',
  )
  const [orderPart = '', orphanPart = ''] = anchorKey.split('|')
  const orphanedIds = useMemo(
    () => new Set(orphanPart ? orphanPart.split(',').map(Number) : []),
    [orphanPart],
  )
  const order = useMemo(
    () => new Map(orderPart ? orderPart.split(',').map((id, index) => [Number(id), index]) : []),
    [orderPart],
  )
  return { order, orphanedIds }
}
