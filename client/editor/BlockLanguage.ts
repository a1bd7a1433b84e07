import { Extension } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { changedRanges } from './changedRanges.ts'

/** "ə" is written only in Azerbaijani: a block holding it is Azerbaijani text in the English draft. */
const azerbaijani = /[əƏ]/

function decorate(node: ProseMirrorNode, position: number): Decoration[] {
  return azerbaijani.test(node.textContent)
    ? [Decoration.node(position, position + node.nodeSize, { lang: 'az' }, { lang: 'az' })]
    : []
}

/** Re-reads only the text blocks a transaction touched. */
function update(set: DecorationSet, transaction: Transaction): DecorationSet {
  let next = set.map(transaction.mapping, transaction.doc)
  const { doc } = transaction
  for (const [from, to] of changedRanges(transaction)) {
    doc.nodesBetween(from, to, (node, position) => {
      if (!node.isTextblock) return true
      // Inside the block's bounds, so the neighbours' decorations (which touch them) stay.
      const own = next.find(position + 1, position + node.nodeSize - 1)
      next = next.remove(own).add(doc, decorate(node, position))
      return false
    })
  }
  return next
}

/**
 * Marks Azerbaijani paragraphs of the (English) draft `lang="az"`, so the browser hyphenates and upper-cases each
 * block by its own language's rules rather than English ones.
 */
export function blockLanguagePlugin(): Plugin<DecorationSet> {
  const plugin: Plugin<DecorationSet> = new Plugin<DecorationSet>({
    key: new PluginKey('blockLanguage'),
    state: {
      init: (_config, state) => {
        const decorations: Decoration[] = []
        state.doc.descendants((node, position) => {
          if (!node.isTextblock) return true
          decorations.push(...decorate(node, position))
          return false
        })
        return DecorationSet.create(state.doc, decorations)
      },
      apply: (transaction, set) => (transaction.docChanged ? update(set, transaction) : set),
    },
    props: {
      decorations: (state) => plugin.getState(state),
    },
  })
  return plugin
}

export const BlockLanguage = Extension.create({
  name: 'blockLanguage',

  addProseMirrorPlugins() {
    return [blockLanguagePlugin()]
  },
})
