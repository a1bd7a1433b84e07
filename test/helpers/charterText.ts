import * as Y from 'yjs'

/** The text node of the first article paragraph in a section of the charter. */
export function articleText(ydoc: Y.Doc, area: string): Y.XmlText {
  const section = ydoc
    .getXmlFragment('default')
    .toArray()
    .find(
      (node) =>
        node instanceof Y.XmlElement &&
        node.nodeName === 'charterSection' &&
        node.getAttribute('area') === area,
    )
  if (!(section instanceof Y.XmlElement)) throw new Error(`no ${area} section`)
  const article = section
    .toArray()
    .find((node) => node instanceof Y.XmlElement && node.nodeName === 'article')
  const paragraph = (article as Y.XmlElement).get(0) as Y.XmlElement
  return paragraph.get(0) as Y.XmlText
}

/** The characters of a text node (its toString() would add formatting tags). */
export function plainText(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[])
    .map((part) => (typeof part.insert === 'string' ? part.insert : ''))
    .join('')
}

/** Client id of the shared test paragraph; real client ids are random 32-bit numbers, so none collides. */
const scratchClientId = 1

function scratchParagraphUpdate(): Uint8Array {
  const ydoc = new Y.Doc()
  ydoc.clientID = scratchClientId
  ydoc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph')
    ydoc.getXmlFragment('default').insert(0, [paragraph])
    paragraph.insert(0, [new Y.XmlText()])
  })
  const update = Y.encodeStateAsUpdate(ydoc)
  ydoc.destroy()
  return update
}

const scratchParagraph = scratchParagraphUpdate()

/**
 * The text of a paragraph at the root of the document, the same in every test client: each one creates it
 * with the same ids (from one fixed client id), so Yjs sees one paragraph however many clients create it.
 * Tests that only need "some shared text" write here; the server accepts it as editor content.
 */
export function scratchText(ydoc: Y.Doc): Y.XmlText {
  const find = () =>
    ydoc
      .getXmlFragment('default')
      .toArray()
      .find((node) => node instanceof Y.XmlElement && node._item?.id.client === scratchClientId)
  let paragraph = find()
  if (!paragraph) {
    // Y.applyUpdate marks the enclosing transaction remote; inside a local one, the document's own changes would
    // then look like another client's, and Yjs would switch to a new client id mid-run.
    if (ydoc._transaction !== null) throw new Error('create the scratch text before opening a transaction')
    Y.applyUpdate(ydoc, scratchParagraph)
    paragraph = find()
  }
  return (paragraph as Y.XmlElement).get(0) as Y.XmlText
}

/** The scratch text of a document rebuilt from stored updates ('' if nobody wrote it). */
export function storedScratchText(updates: readonly Uint8Array[]): string {
  const ydoc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(ydoc, update)
  const text = scratchText(ydoc).toString()
  ydoc.destroy()
  return text
}
