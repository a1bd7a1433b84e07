import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { relativePositionToAbsolutePosition } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import type { Delegation } from '../../shared/roles/index.ts'
import { bindingMapping } from '../comments/anchors.ts'

/** Set the delegation of each Yjs client id (or null to switch the view off) with this meta key. */
export const authorHighlightsKey = new PluginKey<DecorationSet>('authorHighlights')

/** Walks every live text of the document: each run of one client's characters, with its index in its text. */
function decorate(
  state: EditorState,
  ydoc: Y.Doc,
  fragment: Y.XmlFragment,
  writers: ReadonlyMap<number, Delegation | null>,
): DecorationSet {
  const mapping = bindingMapping(state)
  if (!mapping) return DecorationSet.empty
  const decorations: Decoration[] = []
  const visitText = (text: Y.XmlText) => {
    let index = 0
    for (let item = text._start; item !== null; item = item.right) {
      if (item.deleted || !item.countable) continue
      const delegation = writers.get(item.id.client)
      if (delegation && item.content instanceof Y.ContentString) {
        const start = Y.createRelativePositionFromTypeIndex(text, index)
        const from = relativePositionToAbsolutePosition(ydoc, fragment, start, mapping)
        if (from !== null)
          decorations.push(Decoration.inline(from, from + item.length, { class: `written-by-${delegation}` }))
      }
      index += item.length
    }
  }
  const visit = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlText) visitText(child)
      else if (child instanceof Y.XmlElement) visit(child)
    }
  }
  visit(fragment)
  return DecorationSet.create(state.doc, decorations)
}

/**
 * The "Show authors" view: live text coloured by the delegation whose member wrote it, from the server's record
 * of who writes with each Yjs client id. Off (no work at all) until a map of writers is set. Registered on the
 * editor only once the suggestion view controls load (they are not part of the first script).
 */
export function authorHighlightsPlugin(ydoc: Y.Doc, field: string): Plugin<DecorationSet> {
  let writers: ReadonlyMap<number, Delegation | null> | null = null
  return new Plugin<DecorationSet>({
    key: authorHighlightsKey,
    state: {
      init: () => DecorationSet.empty,
      apply(transaction, value, _, state) {
        const meta = transaction.getMeta(authorHighlightsKey) as
          | ReadonlyMap<number, Delegation | null>
          | null
          | undefined
        if (meta !== undefined) writers = meta
        if (!writers) return DecorationSet.empty
        if (meta === undefined && !transaction.docChanged) return value
        return decorate(state, ydoc, ydoc.getXmlFragment(field), writers)
      },
    },
    props: {
      decorations(state) {
        return authorHighlightsKey.getState(state) ?? null
      },
    },
  })
}
