import { getSchema } from '@tiptap/core'
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { charterExtensions, createCharterTemplate } from '../../../shared/schema/index.ts'
import { articleText } from '../../../test/helpers/charterText.ts'
import { changeOf } from '../../../test/helpers/negotiationText.ts'
import { DocumentShadow } from './DocumentShadow.ts'
import {
  findSuggestionViolation,
  isSuggestionKey,
  type KnownSuggestionMarks,
} from './findSuggestionViolation.ts'
import { changedItemsOf, TextAttributeCache } from './TextAttributeCache.ts'
import type { Writer } from './Writer.ts'

const schema = getSchema(charterExtensions)
const az: Writer = { delegation: 'AZ', coChair: false, accountId: '1', name: 'Aysel', mustSuggest: false }
const us: Writer = { delegation: 'US', coChair: false, accountId: '2', name: 'Mary', mustSuggest: false }
const usSuggesting: Writer = { ...us, mustSuggest: true }

function markOf(writer: Writer, id = crypto.randomUUID()) {
  return {
    id,
    by: writer.accountId,
    name: writer.name,
    delegation: writer.delegation,
    at: '2026-01-10T10:00:00.000Z',
  }
}

/**
 * The server's shadow and a client's copy of the charter. `attempt` makes a change on a scratch copy of what the
 * shadow accepted and checks it; only an accepted change reaches the client's copy, so later changes build on
 * exactly what the server has.
 */
function setUp() {
  const ydoc = prosemirrorJSONToYDoc(schema, createCharterTemplate(), 'default')
  const shadow = new DocumentShadow()
  shadow.seed(Y.encodeStateAsUpdate(ydoc))
  const attempt = (writer: Writer, edit: (text: Y.XmlText, scratch: Y.Doc) => void): string | null => {
    const scratch = new Y.Doc()
    scratch.clientID = writer === az ? 101 : 102
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(ydoc))
    const update = changeOf(scratch, () => edit(articleText(scratch, 'connectivity'), scratch))
    const refused = shadow.check(update, false, writer)
    if (refused === null) Y.applyUpdate(ydoc, update)
    return refused
  }
  return { attempt }
}

describe('suggestion rules (DocumentShadow with findSuggestionViolation)', () => {
  it("accepts a writer's own insertion and deletion, and refuses one claiming someone else", () => {
    const { attempt } = setUp()
    expect(attempt(az, (text) => text.insert(0, 'Mine ', { insertion: markOf(az) }))).toBeNull()
    expect(attempt(az, (text) => text.format(5, 3, { deletion: markOf(az) }))).toBeNull()
    expect(attempt(us, (text) => text.insert(0, 'Forged ', { insertion: markOf(az) }))).toMatch(
      /claims Aysel \(AZ\)/,
    )
    expect(
      attempt(us, (text) => text.insert(0, 'X', { insertion: { ...markOf(us), at: 'yesterday' } })),
    ).toMatch(/without a valid id/)
  })

  it("refuses removing or rewriting someone else's suggestion mark; the author may undo it", () => {
    const { attempt } = setUp()
    expect(attempt(az, (text) => text.format(0, 4, { deletion: markOf(az) }))).toBeNull()
    expect(attempt(us, (text) => text.format(0, 4, { deletion: null }))).toMatch(/only a decision/)
    expect(attempt(az, (text) => text.format(0, 4, { deletion: null }))).toBeNull()
    expect(attempt(az, (text) => text.format(0, 4, { insertion: markOf(az) }))).toMatch(/only new text/)
  })

  it('where suggestions are required, refuses plain typing, deleting base text and formatting it', () => {
    const { attempt } = setUp()
    expect(attempt(usSuggesting, (text) => text.insert(0, 'Plain '))).toMatch(
      /takes suggestions only: new text must be a suggested insertion/,
    )
    expect(attempt(usSuggesting, (text) => text.delete(0, 2))).toMatch(/can only be marked for deletion/)
    expect(attempt(usSuggesting, (text) => text.format(0, 2, { bold: {} }))).toMatch(
      /formatting cannot change/,
    )
    expect(
      attempt(usSuggesting, (text) =>
        (text.parent!.parent as Y.XmlElement).insert(0, [new Y.XmlElement('paragraph')]),
      ),
    ).toMatch(/cannot be added/)
    // A suggestion lands, and its author may delete inside it (editing their own suggestion).
    expect(attempt(usSuggesting, (text) => text.insert(0, 'Kindly ', { insertion: markOf(us) }))).toBeNull()
    expect(attempt(usSuggesting, (text) => text.delete(0, 2))).toBeNull()
    expect(attempt(usSuggesting, (text) => text.format(0, 2, { bold: {} }))).toBeNull()
  })

  it('where suggestions are required, a paragraph may come and go only as the writer’s suggested paragraph', () => {
    const { attempt } = setUp()
    const paragraphWith = (suggestion: unknown, text: string, mark: unknown) => {
      const paragraph = new Y.XmlElement('paragraph')
      if (suggestion) paragraph.setAttribute('suggestion', suggestion as string)
      const content = new Y.XmlText()
      content.insert(0, text, mark ? { insertion: mark } : {})
      paragraph.insert(0, [content])
      return paragraph
    }
    const article = (text: Y.XmlText) => text.parent!.parent as Y.XmlElement
    const mine = { ...markOf(us), kind: 'insertion' }
    expect(
      attempt(usSuggesting, (text) =>
        article(text).insert(1, [paragraphWith({ ...markOf(az), kind: 'insertion' }, 'X', null)]),
      ),
    ).toMatch(/cannot be added/)
    expect(
      attempt(usSuggesting, (text) => article(text).insert(1, [paragraphWith(mine, 'Plain', null)])),
    ).toMatch(/new text must be a suggested insertion/)
    const { kind: _kind, ...mark } = mine
    expect(
      attempt(usSuggesting, (text) => article(text).insert(1, [paragraphWith(mine, 'Mine', mark)])),
    ).toBeNull()
    // Undo takes it away again.
    expect(attempt(usSuggesting, (text) => article(text).delete(1, 1))).toBeNull()
    // Editing directly, a paragraph claiming someone else's suggestion is still refused.
    expect(
      attempt(us, (text) =>
        article(text).insert(1, [paragraphWith({ ...markOf(az), kind: 'insertion' }, 'X', null)]),
      ),
    ).toMatch(/claims Aysel \(AZ\)/)
  })

  it('after the server accepts a suggestion, its text is base text to the next keystroke check', () => {
    const ydoc = prosemirrorJSONToYDoc(schema, createCharterTemplate(), 'default')
    const shadow = new DocumentShadow()
    shadow.seed(Y.encodeStateAsUpdate(ydoc))
    const text = articleText(ydoc, 'connectivity')
    const mark = markOf(us)
    expect(
      shadow.check(
        changeOf(ydoc, () => text.insert(0, 'Kindly ', { insertion: mark })),
        false,
        usSuggesting,
      ),
    ).toBeNull()
    // Deleting inside one's own suggestion is allowed, and teaches the shadow the paragraph.
    expect(
      shadow.check(
        changeOf(ydoc, () => text.delete(5, 1)),
        false,
        usSuggesting,
      ),
    ).toBeNull()
    // The server carries out the acceptance: the mark goes, the words stay.
    expect(
      shadow.check(
        changeOf(ydoc, () => text.format(0, 6, { insertion: null })),
        true,
      ),
    ).toBeNull()
    expect(
      shadow.check(
        changeOf(ydoc, () => text.delete(0, 2)),
        false,
        usSuggesting,
      ),
    ).toMatch(/can only be marked for deletion/)
  })

  it("lets a writer move text holding someone's suggestion (the document held that mark already)", () => {
    const { attempt } = setUp()
    const mark = markOf(az)
    expect(attempt(az, (text) => text.insert(0, 'Moved ', { insertion: mark }))).toBeNull()
    // A move is a deletion and an insertion of a copy, possibly in two updates.
    expect(attempt(us, (text) => text.delete(0, 6))).toBeNull()
    expect(
      attempt(us, (_, scratch) => articleText(scratch, 'security').insert(0, 'Moved ', { insertion: mark })),
    ).toBeNull()
  })
})

describe('the cost of checking a keystroke where suggestions are required', () => {
  /** The shadow's steps for one client update (see DocumentShadow.check), with the cache it keeps. */
  function checker(shadow: Y.Doc, writer: Writer) {
    const attributes = new TextAttributeCache()
    const known: KnownSuggestionMarks = new Set()
    const check = (update: Uint8Array): string | null => {
      let refusal: string | null = null
      const introduced: KnownSuggestionMarks = new Set()
      Y.transact(shadow, (transaction) => {
        Y.applyUpdate(shadow, update)
        const changes = changedItemsOf(transaction, isSuggestionKey)
        attributes.forget(changes)
        refusal = findSuggestionViolation(
          transaction,
          writer,
          () => () => 'this document takes suggestions only',
          known,
          introduced,
          attributes,
          changes,
        )
      })
      for (const key of introduced) known.add(key)
      return refusal
    }
    return { check, attributes }
  }

  /** A 20,000-character paragraph of 2,000 Yjs items (written back to front, so they never merge). */
  function longParagraph(): { client: Y.Doc; shadow: Y.Doc; text: Y.XmlText } {
    const client = new Y.Doc()
    const paragraph = new Y.XmlElement('paragraph')
    client.getXmlFragment('default').insert(0, [paragraph])
    const text = new Y.XmlText()
    paragraph.insert(0, [text])
    for (let index = 0; index < 2_000; index++) text.insert(0, `${String(index).padStart(9, '0')} `)
    const shadow = new Y.Doc()
    Y.applyUpdate(shadow, Y.encodeStateAsUpdate(client))
    return { client, shadow, text }
  }

  it('visits the few items around each keystroke, not the 20,000-character paragraph it lands in', () => {
    const { client, shadow, text } = longParagraph()
    const { check, attributes } = checker(shadow, usSuggesting)
    const mark = markOf(us)
    const visits: number[] = []
    const started = performance.now()
    for (let keystroke = 0; keystroke < 500; keystroke++) {
      const update = changeOf(client, () => text.insert(10_000 + keystroke, 'x', { insertion: mark }))
      const before = attributes.visited
      expect(check(update)).toBeNull()
      visits.push(attributes.visited - before)
    }
    const elapsed = performance.now() - started
    // The first keystroke opens the suggestion (new formatting items): the paragraph is walked and learnt once.
    expect(visits[0]).toBeGreaterThanOrEqual(2_000)
    const later = visits.slice(1)
    expect(Math.max(...later)).toBeLessThanOrEqual(4)
    expect(later.reduce((sum, count) => sum + count, 0)).toBeLessThan(2_000)
    // Generous: the client's own Yjs inserts with marks walk the paragraph; the server's checks do not.
    expect(elapsed).toBeLessThan(5_000)
  })

  it('still refuses plain typing in a paragraph it has learnt, and allows editing one’s own suggestion', () => {
    const { client, shadow, text } = longParagraph()
    const { check } = checker(shadow, usSuggesting)
    const mark = markOf(us)
    expect(check(changeOf(client, () => text.insert(5_000, 'Kindly ', { insertion: mark })))).toBeNull()
    expect(check(changeOf(client, () => text.insert(5_007, 'and ', { insertion: mark })))).toBeNull()
    expect(check(changeOf(client, () => text.delete(5_008, 2)))).toBeNull()
    // Typed into base text, new characters inherit no mark (and bring no formatting items).
    expect(check(changeOf(client, () => text.insert(12_000, 'plain')))).toMatch(
      /new text must be a suggested insertion/,
    )
  })

  it('refuses deleting base text in a paragraph it has learnt', () => {
    const { client, shadow, text } = longParagraph()
    const { check } = checker(shadow, usSuggesting)
    expect(check(changeOf(client, () => text.insert(5_000, 'Kindly ', { insertion: markOf(us) })))).toBeNull()
    expect(check(changeOf(client, () => text.delete(12_000, 3)))).toMatch(/can only be marked for deletion/)
  })
})
