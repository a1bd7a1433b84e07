import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import { articleNumbers } from '../../../shared/schema/index.ts'
import { changedRangesHold } from '../changedRangesHold.ts'
import { revealNode } from '../revealNode.ts'

/**
 * Interface texts of the article structure (tooltips), in the reader's language; the references and article
 * headings themselves are draft text, in the draft's language.
 */
export interface CrossReferenceLabels {
  goTo: (number: number) => string
  broken: string
  dragHandle: string
}

interface CrossReferenceState {
  labels: CrossReferenceLabels
  decorations: DecorationSet
  /** Each article's number when the decorations were built. */
  numbers: Map<string, number>
}

export const crossReferencePluginKey = new PluginKey<CrossReferenceState>('crossReferences')

const englishLabels: CrossReferenceLabels = {
  goTo: (number) => `Go to Article ${number}`,
  broken: 'The article this reference pointed to has been deleted',
  dragHandle: 'Drag to move this article',
}

/** The number a cross-reference shows, carried by its decoration; null when its article no longer exists. */
export function referenceNumber(decorations: readonly Decoration[]): number | null {
  for (const decoration of decorations) {
    const value: unknown = decoration.spec.articleNumber
    if (typeof value === 'number') return value
    if (value === null) return null
  }
  return null
}

function sameNumbers(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false
  for (const [clauseId, number] of a) if (b.get(clauseId) !== number) return false
  return true
}

function build(doc: ProseMirrorNode, labels: CrossReferenceLabels): CrossReferenceState {
  const numbers = articleNumbers(doc)
  return { labels, decorations: decorate(doc, labels, numbers), numbers }
}

/**
 * After an edit that renumbers no article and touches no reference, each decoration still says the right number:
 * map them (walking every paragraph of the charter for references on each keystroke was most of the typing cost).
 */
function afterEdit(tr: Transaction, previous: CrossReferenceState): CrossReferenceState {
  const numbers = articleNumbers(tr.doc)
  if (
    sameNumbers(numbers, previous.numbers) &&
    !changedRangesHold(tr, (node) => node.type.name === 'crossReference')
  ) {
    return { ...previous, decorations: previous.decorations.map(tr.mapping, tr.doc), numbers }
  }
  return { labels: previous.labels, decorations: decorate(tr.doc, previous.labels, numbers), numbers }
}

function decorate(
  doc: ProseMirrorNode,
  labels: CrossReferenceLabels,
  numbers: ReadonlyMap<string, number>,
): DecorationSet {
  const decorations: Decoration[] = []
  doc.descendants((node, pos) => {
    if (node.type.name !== 'crossReference') return true
    const clauseId = node.attrs.clauseId
    const number = typeof clauseId === 'string' ? (numbers.get(clauseId) ?? null) : null
    // The attributes differ whenever the number does, which is what makes ProseMirror update the node view.
    const attrs =
      number === null
        ? { class: 'is-broken', title: labels.broken, 'data-number': '' }
        : { title: labels.goTo(number), 'data-number': String(number) }
    decorations.push(Decoration.node(pos, pos + node.nodeSize, attrs, { articleNumber: number }))
    return false
  })
  return DecorationSet.create(doc, decorations)
}

/** Places the caret at the start of the article with this clause id and brings it into view. */
export function goToArticle(view: EditorView, clauseId: string): boolean {
  let target: number | null = null
  view.state.doc.descendants((node, pos) => {
    if (target !== null) return false
    if (node.type.name === 'article' && node.attrs.clauseId === clauseId) {
      target = pos
      return false
    }
    return !node.isTextblock
  })
  if (target === null) return false
  revealNode(view, target, 'center')
  return true
}

/** Sets the tooltips' language (the interface language can change while the editor lives). */
export function setCrossReferenceLabels(view: EditorView, labels: CrossReferenceLabels): void {
  view.dispatch(view.state.tr.setMeta(crossReferencePluginKey, labels))
}

/**
 * Keeps every cross-reference's number current: recomputed from document order on each change, so a
 * reference follows its article through moves and turns broken when the article is deleted. A click on a
 * reference goes to its article.
 */
export function crossReferencePlugin(): Plugin<CrossReferenceState> {
  return new Plugin<CrossReferenceState>({
    key: crossReferencePluginKey,
    state: {
      init: (_config, state: EditorState) => build(state.doc, englishLabels),
      apply(tr, previous) {
        const labels: CrossReferenceLabels | undefined = tr.getMeta(crossReferencePluginKey)
        if (labels) return build(tr.doc, labels)
        return tr.docChanged ? afterEdit(tr, previous) : previous
      },
    },
    props: {
      decorations: (state) => crossReferencePluginKey.getState(state)?.decorations ?? DecorationSet.empty,
      handleClickOn(view, _pos, node, _nodePos, _event, direct) {
        if (!direct || node.type.name !== 'crossReference') return false
        const clauseId = node.attrs.clauseId
        return typeof clauseId === 'string' && goToArticle(view, clauseId)
      },
    },
  })
}
