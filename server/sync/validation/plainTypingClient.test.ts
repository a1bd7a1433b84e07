import { getSchema } from '@tiptap/core'
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { charterExtensions, createCharterTemplate } from '../../../shared/schema/index.ts'
import { articleParagraph, bracketInParagraph, inlineBracket } from '../../../test/helpers/negotiationText.ts'
import { type CandidateUpdate, DocumentShadow, type ShadowVerdict } from './DocumentShadow.ts'
import { plainTypingClient } from './plainTypingClient.ts'
import type { Writer } from './Writer.ts'

const schema = getSchema(charterExtensions)

/** A small deterministic generator (mulberry32), so a failure names its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Every live text of the document, in document order (paragraphs, bracket alternatives, headings…). */
function textsOf(ydoc: Y.Doc): Y.XmlText[] {
  const texts: Y.XmlText[] = []
  const visit = (parent: Y.XmlFragment | Y.XmlElement): void => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlText) texts.push(child)
      else if (child instanceof Y.XmlElement) visit(child)
    }
  }
  visit(ydoc.getXmlFragment('default'))
  return texts
}

function articles(ydoc: Y.Doc): Y.XmlElement[] {
  return [
    ...ydoc
      .getXmlFragment('default')
      .createTreeWalker((node) => node instanceof Y.XmlElement && node.nodeName === 'article'),
  ] as Y.XmlElement[]
}

interface Typist {
  ydoc: Y.Doc
  writer: Writer
}

const writers: Writer[] = [
  { delegation: 'AZ', coChair: false, accountId: '1', name: 'Aysel' },
  { delegation: 'US', coChair: false, accountId: '2', name: 'Beth' },
  { delegation: 'US', coChair: true, accountId: '3', name: 'Carl' },
  { delegation: 'AZ', coChair: false, accountId: '4', name: 'Dana', mustSuggest: true },
]

/** A well-formed suggestion mark naming `writer`, as the editor sets it. */
function suggestionMark(writer: Writer, next: () => number): Record<string, string> {
  const hex = (length: number) => Array.from({ length }, () => Math.floor(next() * 16).toString(16)).join('')
  return {
    id: `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`,
    by: writer.accountId ?? '',
    name: writer.name ?? '',
    delegation: writer.delegation ?? 'AZ',
    at: '2026-12-03T18:00:00.000Z',
  }
}

/**
 * One edit by a typist on its own (possibly stale) copy: mostly typing anywhere, including inside a bracket
 * alternative and an agreed article, sometimes deleting, formatting, suggesting or adding a paragraph.
 */
function edit(typist: Typist, next: () => number): Uint8Array {
  const before = Y.encodeStateVector(typist.ydoc)
  const texts = textsOf(typist.ydoc)
  const text = texts[Math.floor(next() * texts.length)] as Y.XmlText
  const roll = next()
  typist.ydoc.transact(() => {
    if (roll < 0.7 || text.length === 0) {
      text.insert(Math.floor(next() * (text.length + 1)), 'abc'.slice(0, 1 + Math.floor(next() * 3)))
    } else if (roll < 0.82) {
      const at = Math.floor(next() * text.length)
      text.delete(at, Math.min(text.length - at, 1 + Math.floor(next() * 3)))
    } else if (roll < 0.86) {
      const at = Math.floor(next() * text.length)
      text.format(at, Math.min(text.length - at, 2), { bold: {} })
    } else if (roll < 0.9) {
      // A suggested insertion of the typist's own (later typing inside it inherits the mark)…
      text.insert(Math.floor(next() * (text.length + 1)), 'sug', {
        insertion: suggestionMark(typist.writer, next),
      })
    } else if (roll < 0.94) {
      // …or a suggested deletion.
      const at = Math.floor(next() * text.length)
      text.format(at, Math.min(text.length - at, 2), { deletion: suggestionMark(typist.writer, next) })
    } else {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText('new')])
      ;(articles(typist.ydoc)[0] as Y.XmlElement).insert(0, [paragraph])
    }
  })
  return Y.encodeStateAsUpdate(typist.ydoc, before)
}

/** The charter with an AZ bracket in its first article, and the clause id of its second article (to agree). */
function charterWithBracket(): { live: Y.Doc; agreed: string } {
  const live = prosemirrorJSONToYDoc(schema, createCharterTemplate(), 'default')
  live.transact(() =>
    bracketInParagraph(
      articleParagraph(live),
      inlineBracket('b1', [{ id: 'a1', proposedBy: 'AZ', text: 'shall' }]),
      3,
    ),
  )
  return { live, agreed: articles(live)[1]?.getAttribute('clauseId') as string }
}

function comparable(verdict: ShadowVerdict | undefined): unknown {
  return verdict && { ...verdict, refused: verdict.refused !== null }
}

describe('plain typing judged against the live document', () => {
  it('gives every verdict the full check gives, and leaves the copy equal to the live document (seeded run)', () => {
    const seed = Number(process.env.PLAIN_TYPING_SEED ?? 20261203)
    const next = random(seed)
    const { live, agreed } = charterWithBracket()
    const judged = new DocumentShadow()
    const reference = new DocumentShadow()
    for (const shadow of [judged, reference]) {
      shadow.seed(Y.encodeStateAsUpdate(live))
      shadow.protect({ [agreed]: 'agreed' })
    }
    const typists: Typist[] = writers.map((writer) => {
      const ydoc = new Y.Doc()
      Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(live))
      return { ydoc, writer }
    })
    const protectedClauses = new Map([[agreed, 'agreed' as const]])
    let plain = 0
    let candidatesSeen = 0
    let refusals = 0
    for (let round = 0; round < 400; round++) {
      const batch: CandidateUpdate[] = []
      const size = 1 + Math.floor(next() * 4)
      for (let index = 0; index < size; index++) {
        const typistIndex = Math.floor(next() * typists.length)
        const typist = typists[typistIndex] as Typist
        batch.push({ update: edit(typist, next), trusted: false, writer: typist.writer, sender: typistIndex })
      }
      for (const candidate of batch)
        if (plainTypingClient(candidate.update, live, protectedClauses, candidate.writer) !== null) plain++
      candidatesSeen += batch.length
      const verdicts = judged.checkAll(batch, live)
      const expected = reference.checkAll(batch)
      expect(verdicts.map(comparable), `seed ${seed}, round ${round}`).toEqual(expected.map(comparable))
      // What the room does next: store the accepted updates, apply them to the live document, send them out.
      const accepted = batch.filter((_, index) => verdicts[index]?.refused === null)
      refusals += batch.length - accepted.length
      live.transact(() => {
        for (const { update } of accepted) Y.applyUpdate(live, update)
      })
      // A typist refused is closed and starts again from the live state, as a reconnecting client would.
      for (const [index, typist] of typists.entries()) {
        if (batch.some((candidate, at) => candidate.sender === index && verdicts[at]?.refused !== null)) {
          typist.ydoc = new Y.Doc()
        }
        Y.applyUpdate(typist.ydoc, Y.encodeStateAsUpdate(live))
      }
      if (round % 50 === 49) {
        const copy = new Y.Doc()
        Y.applyUpdate(copy, judged.encodeState())
        expect(copy.getXmlFragment('default').toString()).toBe(live.getXmlFragment('default').toString())
        expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(live))
      }
    }
    // Not vacuous: most updates take the short way, and the full way still refuses.
    expect(plain / candidatesSeen).toBeGreaterThan(0.3)
    expect(refusals).toBeGreaterThan(10)
  })

  it('leaves typing inside a bracket, an agreed article or a suggestions-only document to the full check', () => {
    const { live, agreed } = charterWithBracket()
    const protectedClauses = new Map([[agreed, 'agreed' as const]])
    const typist = new Y.Doc()
    Y.applyUpdate(typist, Y.encodeStateAsUpdate(live))
    const isBracketText = (text: Y.XmlText) => (text.parent as Y.XmlElement).nodeName === 'bracketAlternative'
    const inAgreed = (text: Y.XmlText) => {
      for (let type: unknown = text; type instanceof Y.AbstractType; type = type._item?.parent)
        if (type instanceof Y.XmlElement && type.getAttribute('clauseId') === agreed) return true
      return false
    }
    const az: Writer = { delegation: 'AZ', coChair: false }
    const plainText = (texts: Y.XmlText[]) =>
      texts.find((text) => !isBracketText(text) && !inAgreed(text) && text.length > 2) as Y.XmlText
    // Judged before it is applied: each update is built, judged, then applied, as the room does.
    const judge = (pick: (texts: Y.XmlText[]) => Y.XmlText, writer: Writer) => {
      const before = Y.encodeStateVector(typist)
      pick(textsOf(typist)).insert(1, 'x')
      const update = Y.encodeStateAsUpdate(typist, before)
      const verdict = plainTypingClient(update, live, protectedClauses, writer)
      Y.applyUpdate(live, update)
      return verdict
    }
    expect(judge(plainText, az)).toBe(typist.clientID)
    expect(judge((texts) => texts.find(isBracketText) as Y.XmlText, az)).toBeNull()
    expect(judge((texts) => texts.find(inAgreed) as Y.XmlText, az)).toBeNull()
    expect(judge(plainText, { ...az, mustSuggest: true })).toBeNull()
    // Typing whose predecessor the live document has not seen, or two keystrokes in one update, go the full way.
    const unseen = Y.encodeStateVector(typist)
    plainText(textsOf(typist)).insert(1, 'y')
    const afterFirst = Y.encodeStateVector(typist)
    plainText(textsOf(typist)).insert(5, 'z')
    expect(
      plainTypingClient(Y.encodeStateAsUpdate(typist, afterFirst), live, protectedClauses, az),
    ).toBeNull()
    expect(plainTypingClient(Y.encodeStateAsUpdate(typist, unseen), live, protectedClauses, az)).toBeNull()
  })
})
