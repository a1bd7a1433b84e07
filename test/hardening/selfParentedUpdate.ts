import * as Y from 'yjs'

/**
 * Two updates from one client (id 5): `first` adds a paragraph with an empty text; `second` adds a character to
 * that text, rewritten so the character names itself (5:2) as its parent. `second` applies without error to an
 * empty document (it waits there for 5:0–5:1 as pending) but throws in Yjs (getItem → findIndexSS "Unexpected
 * case") on any document that holds `first`: only a check against the live state can refuse it.
 */
export function selfParentedUpdates(): { first: Uint8Array; second: Uint8Array } {
  const ydoc = new Y.Doc()
  ydoc.clientID = 5
  const text = new Y.XmlText()
  ydoc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph')
    ydoc.getXmlFragment('default').insert(0, [paragraph])
    paragraph.insert(0, [text])
  })
  const first = Y.encodeStateAsUpdate(ydoc)
  const before = Y.encodeStateVector(ydoc)
  text.insert(0, 'x')
  const second = Y.encodeStateAsUpdate(ydoc, before)
  ydoc.destroy()
  // V1 item without origins: parent info 0 (an id), then the parent id (client 5, clock 1), then "x".
  const parentId = [0, 5, 1, 1, 0x78]
  const at = second.findIndex((_, index) => parentId.every((byte, offset) => second[index + offset] === byte))
  if (at < 0) throw new Error('unexpected encoding of the second update')
  second[at + 2] = 2
  return { first, second }
}
