import { getSchema } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { EditorState, TextSelection } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { charterExtensions } from '../../../shared/schema/index.ts'
import { openBrackets, sameBrackets } from '../../negotiation/openBrackets.ts'
import { refusalOf } from './bracketGuard.ts'

const schema = getSchema(charterExtensions)
const az = { delegation: 'AZ', role: 'drafter' } as const
const coChairUs = { delegation: 'US', role: 'co-chair' } as const

function alternative(proposedBy: string, text: string) {
  return schema.nodes.bracketAlternative!.create({ id: `${proposedBy}-alt`, proposedBy }, schema.text(text))
}

/** "Parties [shall(AZ) / should(US)] agree." inside an article of the connectivity section. */
function document(): ProseMirrorNode {
  const bracket = schema.nodes.bracket!.create({ id: 'b1' }, [
    alternative('AZ', 'shall'),
    alternative('US', 'should'),
  ])
  const paragraph = schema.nodes.paragraph!.create(null, [
    schema.text('Parties '),
    bracket,
    schema.text(' agree.'),
  ])
  const article = schema.nodes.article!.create({ clauseId: 'c1' }, paragraph)
  const heading = schema.nodes.heading!.create({ level: 2 }, schema.text('Connectivity'))
  const section = schema.nodes.charterSection!.create({ area: 'connectivity' }, [heading, article])
  return schema.nodes.doc!.create(null, section)
}

function positionOf(doc: ProseMirrorNode, text: string): number {
  let found = -1
  doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text?.includes(text)) found = pos + node.text.indexOf(text)
  })
  return found
}

describe('the bracket guard (the editor refuses what the server would)', () => {
  const state = EditorState.create({ doc: document(), schema })

  it('lets a delegation edit its own alternative', () => {
    const at = positionOf(state.doc, 'shall')
    expect(refusalOf(state.tr.insertText('x', at + 1), az)).toBeNull()
  })

  it("refuses typing in, restyling or removing the other delegation's alternative", () => {
    const at = positionOf(state.doc, 'should')
    expect(refusalOf(state.tr.insertText('x', at + 1), az)).toBe('otherAlternative')
    expect(refusalOf(state.tr.addMark(at, at + 3, schema.marks.bold!.create()), az)).toBe('otherAlternative')
    const bracketPos = positionOf(state.doc, 'Parties ') + 'Parties '.length
    const bracket = state.doc.nodeAt(bracketPos)!
    expect(refusalOf(state.tr.delete(bracketPos, bracketPos + bracket.nodeSize), az)).toBe('otherAlternative')
    expect(refusalOf(state.tr.setNodeAttribute(at - 1, 'proposedBy', 'AZ'), az)).toBe('otherAlternative')
  })

  it('refuses an inserted alternative that claims another proposer; joint only for co-chairs', () => {
    const end = positionOf(state.doc, 'should') + 'should'.length + 1
    const forged = schema.nodes.bracketAlternative!.create({ id: 'f', proposedBy: 'US' })
    expect(refusalOf(state.tr.insert(end, forged), az)).toBe('proposerClaim')
    const joint = schema.nodes.bracketAlternative!.create({ id: 'j', proposedBy: 'joint' })
    expect(refusalOf(state.tr.insert(end, joint), az)).toBe('proposerClaim')
    expect(refusalOf(state.tr.insert(end, joint), coChairUs)).toBeNull()
  })

  it('leaves edits outside brackets alone', () => {
    const at = positionOf(state.doc, ' agree.')
    const tr = state.tr.setSelection(TextSelection.create(state.doc, at)).insertText('fully ')
    expect(refusalOf(tr, az)).toBeNull()
  })

  it('lists open brackets with their area, article number and proposers', () => {
    expect(openBrackets(state.doc)).toEqual([
      expect.objectContaining({
        id: 'b1',
        kind: 'inline',
        area: 'connectivity',
        article: 1,
        clauseId: 'c1',
        alternatives: [
          { proposedBy: 'AZ', text: 'shall' },
          { proposedBy: 'US', text: 'should' },
        ],
      }),
    ])
  })

  it('counts the list unchanged when only positions moved, changed when an alternative did', () => {
    const before = openBrackets(state.doc)
    const typedAbove = state.apply(state.tr.insertText('The ', positionOf(state.doc, 'Parties '))).doc
    const moved = openBrackets(typedAbove)
    expect(moved[0]?.pos).toBe((before[0]?.pos ?? 0) + 4)
    expect(sameBrackets(moved, before)).toBe(true)
    const edited = state.apply(state.tr.insertText('x', positionOf(state.doc, 'shall') + 1)).doc
    expect(sameBrackets(openBrackets(edited), before)).toBe(false)
  })
})
