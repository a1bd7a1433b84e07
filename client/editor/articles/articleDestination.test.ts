import { getSchema, type JSONContent } from '@tiptap/core'
import { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { describe, expect, it } from 'vitest'
import { charterExtensions, createCharterTemplate } from '../../../shared/schema/index.ts'
import { type ArticleMove, articleDestination } from './articleDestination.ts'

const schema = getSchema(charterExtensions)

function charter(): ProseMirrorNode {
  const template = createCharterTemplate()
  // A second article in connectivity, so moves inside a section are covered too.
  const connectivity = template.content?.[2] as JSONContent
  connectivity.content?.push({
    type: 'article',
    attrs: { clauseId: 'second' },
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'second' }] }],
  })
  return ProseMirrorNode.fromJSON(schema, template)
}

interface Place {
  area: string
  /** The article's index among the articles of its section. */
  index: number
}

function articles(doc: ProseMirrorNode): { pos: number; node: ProseMirrorNode; area: string }[] {
  const found: { pos: number; node: ProseMirrorNode; area: string }[] = []
  doc.forEach((section, offset) => {
    section.forEach((child, childOffset) => {
      if (child.type.name === 'article')
        found.push({ pos: offset + 1 + childOffset, node: child, area: section.attrs.area })
    })
  })
  return found
}

/** Where the article numbered `number` lands after the move (its area and place among that area's articles). */
function landing(doc: ProseMirrorNode, number: number, move: ArticleMove): Place | null {
  const moving = articles(doc)[number - 1]!
  const destination = articleDestination(doc, moving.pos, move)
  if (destination === null) return null
  // Apply the move as the editor does: delete, then insert at the mapped destination.
  const deleted = doc.replace(moving.pos, moving.pos + moving.node.nodeSize, doc.slice(0, 0))
  const target = destination > moving.pos ? destination - moving.node.nodeSize : destination
  const moved = deleted.replace(target, target, doc.slice(moving.pos, moving.pos + moving.node.nodeSize))
  const after = articles(moved)
  const landed = after.find((article) => article.node.attrs.clauseId === moving.node.attrs.clauseId)!
  return {
    area: landed.area,
    index: after.filter((article) => article.area === landed.area).indexOf(landed),
  }
}

describe('articleDestination', () => {
  const doc = charter()

  it('swaps with the neighbouring article inside a section', () => {
    expect(landing(doc, 2, { direction: 'up' })).toEqual({ area: 'connectivity', index: 0 })
    expect(landing(doc, 1, { direction: 'down' })).toEqual({ area: 'connectivity', index: 1 })
  })

  it('crosses into the neighbouring section at a section’s edge', () => {
    expect(landing(doc, 2, { direction: 'down' })).toEqual({ area: 'investment', index: 0 })
    expect(landing(doc, 3, { direction: 'up' })).toEqual({ area: 'connectivity', index: 2 })
    expect(landing(doc, 4, { direction: 'down' })).toEqual({ area: 'other', index: 0 })
    expect(landing(doc, 5, { direction: 'down' })).toEqual({ area: 'final', index: 0 })
  })

  it('never moves an article into the preamble or past the end', () => {
    expect(landing(doc, 1, { direction: 'up' })).toBeNull()
    expect(landing(doc, 6, { direction: 'down' })).toBeNull()
  })

  it('moves into a priority area as its last article, and lands before the signature blocks', () => {
    expect(landing(doc, 1, { area: 'security' })).toEqual({ area: 'security', index: 1 })
    expect(landing(doc, 1, { area: 'final' })).toEqual({ area: 'final', index: 1 })
    expect(landing(doc, 1, { area: 'connectivity' })).toBeNull()
  })
})
