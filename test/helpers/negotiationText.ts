import * as Y from 'yjs'

/** What a test proposes: an alternative's id, its proposer (as a client would claim it) and its text. */
export interface TestAlternative {
  id: string
  proposedBy: string
  text: string
}

/** An inline bracket element as the editor (y-tiptap) stores it. */
export function inlineBracket(id: string, alternatives: readonly TestAlternative[]): Y.XmlElement {
  const bracket = new Y.XmlElement('bracket')
  bracket.setAttribute('id', id)
  bracket.insert(
    0,
    alternatives.map((alternative) => bracketAlternative(alternative)),
  )
  return bracket
}

export function bracketAlternative({ id, proposedBy, text }: TestAlternative): Y.XmlElement {
  const element = new Y.XmlElement('bracketAlternative')
  element.setAttribute('id', id)
  element.setAttribute('proposedBy', proposedBy)
  element.insert(0, [new Y.XmlText(text)])
  return element
}

/** A block choice (`alternatives`) whose options each hold one paragraph. */
export function blockChoice(id: string, options: readonly TestAlternative[]): Y.XmlElement {
  const choice = new Y.XmlElement('alternatives')
  choice.setAttribute('id', id)
  choice.insert(
    0,
    options.map(({ id: optionId, proposedBy, text }) => {
      const option = new Y.XmlElement('option')
      option.setAttribute('id', optionId)
      option.setAttribute('proposedBy', proposedBy)
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText(text)])
      option.insert(0, [paragraph])
      return option
    }),
  )
  return choice
}

/** Every element named `nodeName` in the document, in document order. */
export function elementsNamed(ydoc: Y.Doc, nodeName: string): Y.XmlElement[] {
  return [
    ...ydoc
      .getXmlFragment('default')
      .createTreeWalker((node) => node instanceof Y.XmlElement && node.nodeName === nodeName),
  ] as Y.XmlElement[]
}

/** The element named `nodeName` whose `id` attribute is `id`. */
export function elementWithId(ydoc: Y.Doc, nodeName: string, id: string): Y.XmlElement {
  const found = elementsNamed(ydoc, nodeName).find((element) => element.getAttribute('id') === id)
  if (!found) throw new Error(`no ${nodeName} with id ${id}`)
  return found
}

/** The first paragraph of the n-th article (0-based). */
export function articleParagraph(ydoc: Y.Doc, article = 0): Y.XmlElement {
  const found = elementsNamed(ydoc, 'article')[article]
  if (!found) throw new Error(`no article ${article}`)
  return found.get(0) as Y.XmlElement
}

/**
 * Puts `[bracket]` into a paragraph the way the editor does: the paragraph's text, the bracket element (in
 * place of the `replacing` characters it brackets), then the text after it. `paragraph` must hold one text node.
 */
export function bracketInParagraph(
  paragraph: Y.XmlElement,
  bracket: Y.XmlElement,
  at: number,
  replacing = 0,
): void {
  const text = paragraph.get(0) as Y.XmlText
  const plain = (text.toDelta() as { insert: unknown }[]).map((part) => String(part.insert)).join('')
  const rest = plain.slice(at + replacing)
  text.delete(at, text.length - at)
  paragraph.insert(1, [bracket, new Y.XmlText(rest)])
}

/** The change `edit` makes to `ydoc`, as one update. */
export function changeOf(ydoc: Y.Doc, edit: () => void): Uint8Array {
  const before = Y.encodeStateVector(ydoc)
  ydoc.transact(edit)
  return Y.encodeStateAsUpdate(ydoc, before)
}
