import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import {
  passesSuggestionFilter,
  type SuggestionFilter,
  suggestionKinds,
} from '../../shared/suggestions/index.ts'

/** Set the filter (or null for none) with this meta key. */
export const suggestionFilterKey = new PluginKey<DecorationSet>('suggestionFilter')

function decorate(doc: ProseMirrorNode, filter: SuggestionFilter): DecorationSet {
  const decorations: Decoration[] = []
  doc.descendants((node, pos) => {
    if (!node.isText) return true
    for (const kind of suggestionKinds) {
      const attrs = node.marks.find((mark) => mark.type.name === kind)?.attrs
      if (attrs && !passesSuggestionFilter(filter, String(attrs.delegation), String(attrs.at)))
        decorations.push(
          Decoration.inline(pos, pos + node.nodeSize, { class: `suggestion-filtered-out filtered-${kind}` }),
        )
    }
    return false
  })
  return DecorationSet.create(doc, decorations)
}

/**
 * The delegation and round filters of the suggestion views: suggestions outside the filter read as the original
 * text (their insertions hidden, their deletions plain), as in exports with the same filter. Registered on the
 * editor by the suggestion view controls.
 */
export function suggestionFilterPlugin(): Plugin<DecorationSet> {
  let filter: SuggestionFilter | null = null
  return new Plugin<DecorationSet>({
    key: suggestionFilterKey,
    state: {
      init: () => DecorationSet.empty,
      apply(transaction, value, _, state) {
        const meta = transaction.getMeta(suggestionFilterKey) as SuggestionFilter | null | undefined
        if (meta !== undefined) filter = meta
        if (!filter) return DecorationSet.empty
        if (meta === undefined && !transaction.docChanged) return value
        return decorate(state.doc, filter)
      },
    },
    props: {
      decorations(state) {
        return suggestionFilterKey.getState(state) ?? null
      },
    },
  })
}
