import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { mergeCompaction } from './mergeCompaction.ts'

/** A document and the log of its updates, one per edit, as a room would have appended them. */
function loggedDocument(): { doc: Y.Doc; log: Uint8Array[] } {
  const doc = new Y.Doc()
  const log: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => log.push(update))
  return { doc, log }
}

function textOf(updates: readonly Uint8Array[]): string {
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, update)
  return doc.getText('t').toString()
}

describe('mergeCompaction', () => {
  it('stores the state as it is when it already holds every replaced entry', () => {
    const { doc, log } = loggedDocument()
    for (let index = 0; index < 50; index++) doc.getText('t').insert(0, `${index} `)
    doc.getText('t').delete(0, 10)
    const state = Y.encodeStateAsUpdate(doc)
    expect(mergeCompaction(state, log)).toBe(state)
  })

  it('keeps an insertion the state lacks', () => {
    const { doc, log } = loggedDocument()
    doc.getText('t').insert(0, 'ours ')
    const state = Y.encodeStateAsUpdate(doc)
    const other = new Y.Doc()
    Y.applyUpdate(other, state)
    other.on('update', (update: Uint8Array) => log.push(update))
    other.getText('t').insert(5, 'theirs')
    expect(textOf([mergeCompaction(state, log)])).toBe('ours theirs')
  })

  it('keeps a deletion the state lacks, although its state vector covers every insertion', () => {
    const { doc, log } = loggedDocument()
    doc.getText('t').insert(0, 'keep drop')
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    other.on('update', (update: Uint8Array) => log.push(update))
    other.getText('t').delete(4, 5)
    const state = Y.encodeStateAsUpdate(doc)
    expect(textOf([mergeCompaction(state, log)])).toBe('keep')
  })

  it('leaves out an entry that cannot be decoded, and fails on a state that is no update', () => {
    const { doc, log } = loggedDocument()
    doc.getText('t').insert(0, 'text')
    const state = Y.encodeStateAsUpdate(doc)
    expect(textOf([mergeCompaction(state, [...log, new Uint8Array([255, 255, 255])])])).toBe('text')
    expect(() => mergeCompaction(new Uint8Array([255, 1, 2]), log)).toThrow()
  })

  it('compacts a log of 20,000 keystrokes in well under a second', () => {
    const { doc, log } = loggedDocument()
    const text = doc.getText('t')
    for (let index = 0; index < 20_000; index++) {
      if (index % 10 === 9) text.delete(Math.floor(text.length / 2), 1)
      else text.insert(Math.floor((index * 7919) % (text.length + 1)), 'x')
    }
    const state = Y.encodeStateAsUpdate(doc)
    const started = performance.now()
    const compacted = mergeCompaction(state, log)
    const ms = performance.now() - started
    console.info(`mergeCompaction of ${log.length} entries: ${ms.toFixed(0)} ms`)
    expect(compacted).toBe(state)
    expect(ms).toBeLessThan(1500)
  })
})
