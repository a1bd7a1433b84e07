import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { sliceUpdate } from './sliceUpdate.ts'

function paragraphs(ydoc: Y.Doc, count: number, word: string): void {
  const fragment = ydoc.getXmlFragment('default')
  ydoc.transact(() => {
    for (let index = 0; index < count; index++) {
      const paragraph = new Y.XmlElement('paragraph')
      const text = new Y.XmlText()
      paragraph.insert(0, [text])
      fragment.insert(fragment.length, [paragraph])
      text.insert(0, `${word} ${index} `)
      text.insert(text.length, 'bold', { bold: true })
    }
  })
}

function snapshotOf(ydoc: Y.Doc) {
  return {
    content: ydoc.getXmlFragment('default').toJSON(),
    stateVector: Array.from(Y.encodeStateVector(ydoc)),
  }
}

describe('sliceUpdate', () => {
  it('cuts a large paste into slices that, applied in order, give what the whole update gives', () => {
    const base = new Y.Doc()
    paragraphs(base, 20, 'existing')
    const baseState = Y.encodeStateAsUpdate(base)

    const author = new Y.Doc()
    Y.applyUpdate(author, baseState)
    const before = Y.encodeStateVector(author)
    author.transact(() => {
      paragraphs(author, 3000, 'pasted')
      // Deletions of older content travel in the delete set.
      author.getXmlFragment('default').delete(0, 5)
    })
    const update = Y.encodeStateAsUpdate(author, before)

    const slices = sliceUpdate(update, 500)
    expect(slices).not.toBeNull()
    expect(slices!.length).toBeGreaterThan(10)
    for (const slice of slices!) expect(Y.decodeUpdate(slice).structs.length).toBeLessThanOrEqual(500)

    const whole = new Y.Doc()
    Y.applyUpdate(whole, baseState)
    Y.applyUpdate(whole, update)
    const sliced = new Y.Doc()
    Y.applyUpdate(sliced, baseState)
    for (const slice of slices!) Y.applyUpdate(sliced, slice)
    expect(snapshotOf(sliced)).toEqual(snapshotOf(whole))
    expect(snapshotOf(sliced)).toEqual(snapshotOf(author))
    // Nothing is left waiting for a missing dependency.
    expect(sliced.store.pendingStructs).toBeNull()
  })

  it('keeps each client’s structs in order when the update carries several clients', () => {
    const first = new Y.Doc()
    const second = new Y.Doc()
    paragraphs(first, 400, 'first')
    Y.applyUpdate(second, Y.encodeStateAsUpdate(first))
    paragraphs(second, 400, 'second')
    const update = Y.encodeStateAsUpdate(second)
    const slices = sliceUpdate(update, 300)!
    const target = new Y.Doc()
    for (const slice of slices) Y.applyUpdate(target, slice)
    expect(snapshotOf(target)).toEqual(snapshotOf(second))
  })

  it('leaves a small update whole', () => {
    const ydoc = new Y.Doc()
    paragraphs(ydoc, 2, 'small')
    expect(sliceUpdate(Y.encodeStateAsUpdate(ydoc), 500)).toBeNull()
  })

  it('leaves a merged update with gaps whole', () => {
    const ydoc = new Y.Doc()
    const updates: Uint8Array[] = []
    ydoc.on('update', (update: Uint8Array) => updates.push(update))
    paragraphs(ydoc, 300, 'a')
    paragraphs(ydoc, 300, 'b')
    paragraphs(ydoc, 300, 'c')
    // The first and third transactions only: a gap where the second was.
    const gapped = Y.mergeUpdates([updates[0]!, updates[2]!])
    expect(sliceUpdate(gapped, 100)).toBeNull()
  })
})
