import { getSchema } from '@tiptap/core'
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { charterExtensions, createCharterTemplate } from '../../../shared/schema/index.ts'
import {
  articleParagraph,
  blockChoice,
  bracketAlternative,
  bracketInParagraph,
  changeOf,
  elementsNamed,
  elementWithId,
  inlineBracket,
} from '../../../test/helpers/negotiationText.ts'
import { DocumentShadow } from './DocumentShadow.ts'
import type { Writer } from './Writer.ts'

const schema = getSchema(charterExtensions)
const azDrafter: Writer = { delegation: 'AZ', coChair: false }
const usDrafter: Writer = { delegation: 'US', coChair: false }
const usCoChair: Writer = { delegation: 'US', coChair: true }

/** A client and the server's shadow, both holding the charter with one AZ bracket `b1` = [shall]. */
function setUp() {
  const ydoc = prosemirrorJSONToYDoc(schema, createCharterTemplate(), 'default')
  const shadow = new DocumentShadow()
  shadow.seed(Y.encodeStateAsUpdate(ydoc))
  const opened = changeOf(ydoc, () =>
    bracketInParagraph(
      articleParagraph(ydoc),
      inlineBracket('b1', [{ id: 'a1', proposedBy: 'AZ', text: 'shall' }]),
      5,
    ),
  )
  return { ydoc, shadow, opened }
}

describe('bracket rules (DocumentShadow with findBracketViolation)', () => {
  it('lets AZ open a bracket and US add its alternative, and reports the brackets after each', () => {
    const { ydoc, shadow, opened } = setUp()
    expect(shadow.check(opened, false, azDrafter)).toBeNull()
    const [verdict] = shadow.checkAll([
      {
        update: changeOf(ydoc, () =>
          elementWithId(ydoc, 'bracket', 'b1').insert(1, [
            bracketAlternative({ id: 'a2', proposedBy: 'US', text: 'should' }),
          ]),
        ),
        trusted: false,
        writer: usDrafter,
        sender: 0,
      },
    ])
    expect(verdict).toMatchObject({ refused: null, forbidden: false })
    expect(verdict?.brackets).toEqual([
      {
        id: 'b1',
        kind: 'inline',
        area: 'connectivity',
        clauseId: expect.any(String),
        alternatives: [
          { id: 'a1', proposedBy: 'AZ', text: 'shall' },
          { id: 'a2', proposedBy: 'US', text: 'should' },
        ],
      },
    ])
  })

  it('refuses a forged proposer, a joint proposal from a drafter, and a missing id', () => {
    const { ydoc, shadow, opened } = setUp()
    expect(shadow.check(opened, true)).toBeNull()
    const forged = changeOf(ydoc, () =>
      elementWithId(ydoc, 'bracket', 'b1').insert(1, [
        bracketAlternative({ id: 'a2', proposedBy: 'AZ', text: 'may' }),
      ]),
    )
    expect(shadow.check(forged, false, usDrafter)).toBe(
      'bracket b1: new alternative claims AZ; you write for US',
    )
    const [verdict] = shadow.checkAll([{ update: forged, trusted: false, writer: usDrafter, sender: 0 }])
    expect(verdict?.forbidden).toBe(true)
    const fresh = setUp()
    fresh.shadow.check(fresh.opened, true)
    const joint = changeOf(fresh.ydoc, () =>
      elementWithId(fresh.ydoc, 'bracket', 'b1').insert(1, [
        bracketAlternative({ id: 'a3', proposedBy: 'joint', text: 'will' }),
      ]),
    )
    expect(fresh.shadow.check(joint, false, usDrafter)).toMatch(/claims the co-chairs jointly/)
    expect(fresh.shadow.check(joint, false, usCoChair)).toBeNull()
    const anonymous = setUp()
    anonymous.shadow.check(anonymous.opened, true)
    const noId = changeOf(anonymous.ydoc, () => {
      const bracket = inlineBracket('b9', [{ id: 'x', proposedBy: 'AZ', text: 'x' }])
      bracketInParagraph(articleParagraph(anonymous.ydoc, 1), bracket, 3)
      ;(bracket.get(0) as Y.XmlElement).removeAttribute('id')
    })
    expect(anonymous.shadow.check(noId, false, azDrafter)).toBe('bracket b9: an alternative without an id')
  })

  it("refuses a change to the other side's alternative, its proposer, or its removal", () => {
    const { ydoc, shadow, opened } = setUp()
    expect(shadow.check(opened, false, azDrafter)).toBeNull()
    const alternative = () => elementWithId(ydoc, 'bracketAlternative', 'a1')
    const edit = changeOf(ydoc, () => (alternative().get(0) as Y.XmlText).insert(0, 'not '))
    expect(shadow.check(edit, false, usDrafter)).toBe('bracket b1: only AZ may change its alternative')
    expect(shadow.check(edit, false, azDrafter)).toBeNull()
    const flip = changeOf(ydoc, () => alternative().setAttribute('proposedBy', 'US'))
    expect(shadow.check(flip, false, azDrafter)).toBe('bracket b1: proposer of alternative a1 cannot change')
  })

  it('lets a delegation remove a bracket that is all its own, never one holding the other side’s', () => {
    const { ydoc, shadow, opened } = setUp()
    expect(shadow.check(opened, false, azDrafter)).toBeNull()
    const paragraph = articleParagraph(ydoc)
    const removal = changeOf(ydoc, () => paragraph.delete(1, 1))
    expect(shadow.check(removal, false, usDrafter)).toBe(
      'bracket b1 holds a proposal of AZ: only cleaning removes it',
    )
    expect(shadow.check(removal, false, azDrafter)).toBeNull()
  })

  it('sees a moved article as no change: brackets are compared by id, not by Yjs item', () => {
    const { ydoc, shadow, opened } = setUp()
    expect(shadow.check(opened, false, azDrafter)).toBeNull()
    const move = changeOf(ydoc, () => {
      const [first] = elementsNamed(ydoc, 'article')
      const section = first!.parent as Y.XmlElement
      const copy = first!.clone()
      const index = section.toArray().indexOf(first!)
      section.delete(index, 1)
      const [target] = elementsNamed(ydoc, 'charterSection').slice(-1)
      target!.insert(1, [copy])
    })
    expect(shadow.check(move, false, usDrafter)).toBeNull()
  })

  it('applies the same rules to block choices (options)', () => {
    const { ydoc, shadow, opened } = setUp()
    shadow.check(opened, true)
    const [article] = elementsNamed(ydoc, 'article')
    const choice = changeOf(ydoc, () =>
      article!.insert(1, [blockChoice('c1', [{ id: 'o1', proposedBy: 'US', text: 'Option text' }])]),
    )
    expect(shadow.check(choice, false, azDrafter)).toBe(
      'bracket c1: new alternative claims US; you write for AZ',
    )
    expect(shadow.check(choice, false, usDrafter)).toBeNull()
  })

  it('does not read the document again for typing outside brackets', () => {
    const { ydoc, shadow, opened } = setUp()
    shadow.check(opened, false, azDrafter)
    const [verdict] = shadow.checkAll([
      {
        update: changeOf(ydoc, () => (articleParagraph(ydoc, 2).get(0) as Y.XmlText).insert(0, 'x')),
        trusted: false,
        writer: usDrafter,
        sender: 0,
      },
    ])
    expect(verdict).toMatchObject({ refused: null, forbidden: false, brackets: null })
  })
})
