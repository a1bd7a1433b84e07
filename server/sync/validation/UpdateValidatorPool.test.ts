import { getSchema } from '@tiptap/core'
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { charterExtensions, createCharterTemplate } from '../../../shared/schema/index.ts'
import { Logger } from '../../logging/Logger.ts'
import type { CandidateUpdate } from './DocumentShadow.ts'
import { inlineStateLimitBytes, inlineUpdateLimitBytes, UpdateValidatorPool } from './UpdateValidatorPool.ts'

const schema = getSchema(charterExtensions)
const writer = { delegation: 'AZ' as const, coChair: true }

/** A live document and a client of it whose changes are returned as updates. */
function liveCharter(): { live: Y.Doc; change: (edit: (fragment: Y.XmlFragment) => void) => Uint8Array } {
  const live = prosemirrorJSONToYDoc(schema, createCharterTemplate(), 'default')
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(live))
  return {
    live,
    change(edit) {
      const before = Y.encodeStateVector(client)
      client.transact(() => edit(client.getXmlFragment('default')))
      return Y.encodeStateAsUpdate(client, before)
    },
  }
}

function candidate(update: Uint8Array): CandidateUpdate {
  return { update, trusted: false, sender: 1, writer }
}

function appendParagraph(text: string): (fragment: Y.XmlFragment) => void {
  return (fragment) => {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(text)])
    fragment.push([paragraph])
  }
}

describe('UpdateValidatorPool', () => {
  const pools: UpdateValidatorPool[] = []
  afterEach(async () => {
    for (const pool of pools.splice(0)) await pool.destroy()
  })

  function pool(): UpdateValidatorPool {
    const created = new UpdateValidatorPool(new Logger('silent'))
    pools.push(created)
    return created
  }

  it('checks keystrokes of a small document inline, and keeps checking them correctly', async () => {
    const { live, change } = liveCharter()
    const validator = pool().forDocument('charter', () => Y.encodeStateAsUpdate(live))
    for (let index = 0; index < 5; index++) {
      const update = change(appendParagraph(`Paragraph ${index}`))
      const [verdict] = await validator.check([candidate(update)])
      expect(verdict?.refused).toBeNull()
      Y.applyUpdate(live, update)
    }
    expect(validator.placement).toBe('inline')
    // The inline shadow has every accepted paragraph: a schema violation is still refused.
    const bad = change((fragment) => fragment.push([new Y.XmlElement('marquee')]))
    const [verdict] = await validator.check([candidate(bad)])
    expect(verdict?.refused).not.toBeNull()
  })

  it('moves a document to the worker for a large update, a large state or a refused update', async () => {
    const validators = pool()
    const large = liveCharter()
    const pasted = validators.forDocument('pasted', () => Y.encodeStateAsUpdate(large.live))
    const paste = large.change(appendParagraph('x'.repeat(inlineUpdateLimitBytes)))
    const [pasteVerdict] = await pasted.check([candidate(paste)])
    expect(pasteVerdict?.refused).toBeNull()
    expect(pasted.placement).toBe('worker')
    Y.applyUpdate(large.live, paste)
    // Later keystrokes are checked on the worker, against a shadow that has the paste.
    const keystroke = large.change(appendParagraph('after the paste'))
    const [keystrokeVerdict] = await pasted.check([candidate(keystroke)])
    expect(keystrokeVerdict?.refused).toBeNull()
    expect(pasted.placement).toBe('worker')

    const big = liveCharter()
    for (let index = 0; index * 8_000 < inlineStateLimitBytes; index++)
      Y.applyUpdate(big.live, big.change(appendParagraph('y'.repeat(8_000))))
    const loaded = validators.forDocument('big', () => Y.encodeStateAsUpdate(big.live))
    const [bigVerdict] = await loaded.check([candidate(big.change(appendParagraph('one more')))])
    expect(bigVerdict?.refused).toBeNull()
    expect(loaded.placement).toBe('worker')

    const small = liveCharter()
    const refusing = validators.forDocument('small', () => Y.encodeStateAsUpdate(small.live))
    const [refused] = await refusing.check([
      candidate(small.change((fragment) => fragment.push([new Y.XmlElement('marquee')]))),
    ])
    expect(refused?.refused).not.toBeNull()
    expect(refusing.placement).toBe('worker')
  })
})
