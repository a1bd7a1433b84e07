import { getSchema, type JSONContent } from '@tiptap/core'
import { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { describe, expect, it } from 'vitest'
import { articleNumbers } from './articleNumbers.ts'
import { charterExtensions } from './charterExtensions.ts'
import { createCharterTemplate } from './charterTemplate.ts'

function article(clauseId: string | null, words = 'text'): JSONContent {
  return {
    type: 'article',
    attrs: { clauseId },
    content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }],
  }
}

function section(area: string, ...body: JSONContent[]): JSONContent {
  return {
    type: 'charterSection',
    attrs: { area },
    content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: area }] }, ...body],
  }
}

const doc: JSONContent = {
  type: 'doc',
  content: [
    section('preamble', { type: 'paragraph', content: [{ type: 'text', text: 'The Parties' }] }),
    section('connectivity', article('a'), article('b')),
    section('investment'),
    section('security', article(null), article('c')),
    section('final', article('b'), article('d')),
  ],
}

describe('articleNumbers', () => {
  it('numbers articles in document order across sections, first holder of a duplicate id wins', () => {
    expect([...articleNumbers(doc)]).toEqual([
      ['a', 1],
      ['b', 2],
      // An article without an id keeps its place in the count.
      ['c', 4],
      ['d', 6],
    ])
  })

  it('gives the same numbers for a ProseMirror document and its JSON', () => {
    const schema = getSchema(charterExtensions)
    const node = ProseMirrorNode.fromJSON(schema, doc)
    expect(articleNumbers(node)).toEqual(articleNumbers(doc))
    const template = createCharterTemplate()
    const numbers = articleNumbers(ProseMirrorNode.fromJSON(schema, template))
    expect([...numbers.values()]).toEqual([1, 2, 3, 4, 5])
    expect(articleNumbers(template)).toEqual(numbers)
  })

  it('leaves a deleted article out, so a reference to it reads as broken', () => {
    expect(articleNumbers(doc).get('gone')).toBeUndefined()
  })

  it('walks hostile JSON without recursion and ignores junk', () => {
    let deep: JSONContent = article('deep')
    for (let i = 0; i < 100_000; i++) deep = { type: 'blockquote', content: [deep] }
    const junk = { type: 'doc', content: [null, 7, { type: 5 }, deep] } as unknown as JSONContent
    expect([...articleNumbers(junk)]).toEqual([['deep', 1]])
  })
})
