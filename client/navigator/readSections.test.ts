import { getSchema, type JSONContent } from '@tiptap/core'
import { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { EditorState } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { charterExtensions } from '../../shared/schema/index.ts'
import { positionOf } from './NavigatorArticles.tsx'
import { readSections, sameSections } from './readSections.ts'

const schema = getSchema(charterExtensions)

function article(clauseId: string, ...paragraphs: string[]): JSONContent {
  return {
    type: 'article',
    attrs: { clauseId },
    content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  }
}

function section(area: string, title: string, ...articles: JSONContent[]): JSONContent {
  return {
    type: 'charterSection',
    attrs: { area },
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: title }] },
      ...articles,
    ],
  }
}

const long = 'The Parties shall   develop the Middle Corridor as a reliable route for energy and trade'

function charter(): EditorState {
  const doc = ProseMirrorNode.fromJSON(schema, {
    type: 'doc',
    content: [
      section(
        'connectivity',
        'Regional connectivity',
        article('a1', 'Energy.'),
        article('a2', long, 'More.'),
      ),
      section('investment', 'Economic investment', article('b1', 'Data', 'centres.')),
    ],
  })
  return EditorState.create({ doc })
}

describe('readSections', () => {
  it('numbers articles across sections and reads their opening words', () => {
    const sections = readSections(charter().doc)
    expect(
      sections.map((entry) => [entry.area, entry.title, entry.firstArticle, entry.articleCount]),
    ).toEqual([
      ['connectivity', 'Regional connectivity', 1, 2],
      ['investment', 'Economic investment', 3, 1],
    ])
    expect(sections.flatMap((entry) => entry.articles.map((a) => [a.number, a.clauseId, a.words]))).toEqual([
      [1, 'a1', 'Energy.'],
      [2, 'a2', 'The Parties shall develop the Middle Corridor…'],
      [3, 'b1', 'Data centres.'],
    ])
  })

  it('points each entry at the position of its node', () => {
    const { doc } = charter()
    const expected: number[] = []
    doc.forEach((node, offset) => {
      expected.push(offset)
      node.forEach((child, childOffset) => {
        if (child.type.name === 'article') expected.push(offset + 1 + childOffset)
      })
    })
    const found = readSections(doc).flatMap((entry) => [
      positionOf(doc, [entry.index]),
      ...entry.articles.map((a) => positionOf(doc, a.path)),
    ])
    expect(found).toEqual(expected)
    for (const position of found.slice(1)) {
      expect(['charterSection', 'article']).toContain(doc.nodeAt(position)?.type.name)
    }
  })

  it('is unchanged by typing past the opening words, and changed by typing in them', () => {
    const state = charter()
    const before = readSections(state.doc)
    const startOf = (text: string): number => {
      let found = -1
      state.doc.descendants((node, pos) => {
        if (node.isText && node.text === text) found = pos
      })
      return found
    }
    // The investment article's position moves, its index does not: nothing the navigator shows changed.
    const typedInBody = state.apply(state.tr.insertText(' And more.', startOf('More.') + 5)).doc
    expect(sameSections(readSections(typedInBody), before)).toBe(true)
    const typedInOpening = state.apply(state.tr.insertText('New ', startOf('Energy.'))).doc
    expect(sameSections(readSections(typedInOpening), before)).toBe(false)
    expect(readSections(typedInOpening)[0]?.articles[0]?.words).toBe('New Energy.')
  })
})
