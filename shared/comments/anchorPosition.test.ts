import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { decodeAnchorPosition, encodeAnchorPosition } from './anchorPosition.ts'

function textWith(content: string): { ydoc: Y.Doc; text: Y.Text } {
  const ydoc = new Y.Doc()
  const text = ydoc.getText('body')
  text.insert(0, content)
  return { ydoc, text }
}

function indexOf(encoded: string, ydoc: Y.Doc): number | null {
  const position = decodeAnchorPosition(encoded)
  if (!position) return null
  return Y.createAbsolutePositionFromRelativePosition(position, ydoc)?.index ?? null
}

describe('anchor position codec', () => {
  it('round-trips a relative position that still follows its character after edits', () => {
    const { ydoc, text } = textWith('connectivity corridor')
    const encoded = encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(text, 13))
    text.insert(0, 'Trans-Caspian ')
    expect(indexOf(encoded, ydoc)).toBe(27)
    expect(text.toString().slice(27)).toBe('corridor')
  })

  it('produces plain base64 that Node decodes the same way', () => {
    const { ydoc, text } = textWith('ə ğ ı ş ç ö ü')
    const position = Y.createRelativePositionFromTypeIndex(text, 4)
    const encoded = encodeAnchorPosition(position)
    expect(encoded).toBe(Buffer.from(Y.encodeRelativePosition(position)).toString('base64'))
    expect(indexOf(encoded, ydoc)).toBe(4)
  })

  it.each([
    ['an empty string', ''],
    ['text that is not base64', 'not base64!'],
    ['base64 of junk bytes', btoa('\u00ff\u00ff\u00ff')],
    ['a position that points nowhere', btoa('\u0000\u0000')],
  ])('refuses %s', (_label, encoded) => {
    expect(decodeAnchorPosition(encoded)).toBeNull()
  })
})
