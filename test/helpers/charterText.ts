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
