import { getSchema } from '@tiptap/core'
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { charterExtensions, createCharterTemplate } from '../../shared/schema/index.ts'
import { validateDocumentUpdate } from './validateDocumentUpdate.ts'

function updateOf(change: (fragment: Y.XmlFragment) => void): Uint8Array {
  const ydoc = new Y.Doc()
  change(ydoc.getXmlFragment('default'))
  return Y.encodeStateAsUpdate(ydoc)
}

describe('validateDocumentUpdate', () => {
  it('accepts the charter template and ordinary text edits', () => {
    const ydoc = prosemirrorJSONToYDoc(getSchema(charterExtensions), createCharterTemplate(), 'default')
    expect(validateDocumentUpdate(Y.encodeStateAsUpdate(ydoc))).toBeNull()
    const text = new Y.Doc().getText('notes')
    text.insert(0, 'plain text', { bold: true })
    expect(validateDocumentUpdate(Y.encodeStateAsUpdate(text.doc!))).toBeNull()
  })

  it('refuses node types outside the schema', () => {
    const update = updateOf((fragment) => fragment.insert(0, [new Y.XmlElement('script')]))
    expect(validateDocumentUpdate(update)).toMatch(/unknown node type "script"/)
  })

  it('refuses event-handler attributes', () => {
    const update = updateOf((fragment) => {
      const paragraph = new Y.XmlElement('paragraph')
      fragment.insert(0, [paragraph])
      paragraph.setAttribute('onclick', 'alert(1)')
    })
    expect(validateDocumentUpdate(update)).toMatch(/event-handler/)
  })

  it('refuses javascript: links and unknown marks, even written straight into Yjs', () => {
    const link = updateOf((fragment) => {
      const paragraph = new Y.XmlElement('paragraph')
      const text = new Y.XmlText()
      fragment.insert(0, [paragraph])
      paragraph.insert(0, [text])
      text.insert(0, 'click', { link: { href: ' JaVaScRiPt:alert(1)' } })
    })
    expect(validateDocumentUpdate(link)).toMatch(/link/)
    const mark = updateOf((fragment) => {
      const text = new Y.XmlText()
      fragment.insert(0, [text])
      text.insert(0, 'x', { blink: true })
    })
    expect(validateDocumentUpdate(mark)).toMatch(/unknown mark "blink"/)
  })

  it('refuses garbage', () => {
    expect(validateDocumentUpdate(new Uint8Array([1, 2, 3, 200, 200, 200]))).toBe('malformed update')
  })
})
