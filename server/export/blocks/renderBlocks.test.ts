import type { JSONContent } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { charterTitle } from '../../../shared/schema/index.ts'
import {
  deepList,
  richDoc,
  templateAreas,
  templateDoc,
} from '../../../test/fixtures/export/exportFixtures.ts'
import type { ExportBlock } from './ExportBlock.ts'
import { maxListDepth, renderBlocks } from './renderBlocks.ts'

function textOf(block: ExportBlock): string {
  return block.kind === 'articleHeading' ? block.label : block.runs.map((run) => run.text).join('')
}

describe('renderBlocks', () => {
  it('renders the template: title, section headings, articles numbered by order, signature blocks', () => {
    const blocks = renderBlocks(templateDoc())
    expect(blocks[0]).toMatchObject({ kind: 'title' })
    expect(textOf(blocks[0]!)).toBe(charterTitle)
    const sections = blocks.filter((block) => block.kind === 'sectionHeading')
    expect(sections.map((block) => block.context.area)).toEqual(templateAreas)
    const articles = blocks.filter((block) => block.kind === 'articleHeading')
    expect(articles.map(textOf)).toEqual(['Article 1', 'Article 2', 'Article 3', 'Article 4', 'Article 5'])
    const signatures = blocks.filter((block) => block.context.party !== null)
    expect(signatures.map((block) => block.context.party)).toEqual(['AZ', 'AZ', 'US', 'US'])
    expect(signatures[0]!.kind === 'paragraph' && signatures[0]!.runs[0]!.bold).toBe(true)
  })

  it('keeps only http, https and mailto links, and the text of every link', () => {
    const blocks = renderBlocks(richDoc())
    const runs = blocks.flatMap((block) => (block.kind === 'articleHeading' ? [] : block.runs))
    expect(runs.filter((run) => run.href !== null).map((run) => run.href)).toEqual([
      'https://example.org/charter?a=1&b=2',
    ])
    const linkParagraph = blocks.find((block) => textOf(block).startsWith('Evil link'))!
    expect(textOf(linkParagraph)).toBe('Evil link and tabbed evil and the treaty site and struck.')
  })

  it('reduces unknown nodes to their text and drops unknown atoms', () => {
    const texts = renderBlocks(richDoc()).map(textOf)
    expect(texts).toContain('Mystery words kept')
    expect(JSON.stringify(renderBlocks(richDoc()))).not.toMatch(/mysteryWidget|alert\(6\)|alert\(7\)/)
  })

  it('caps list depth and keeps every item', () => {
    const items = renderBlocks({ type: 'doc', content: [deepList(40)] }).filter(
      (block) => block.kind === 'listItem',
    )
    expect(items).toHaveLength(40)
    expect(Math.max(...items.map((item) => (item.kind === 'listItem' ? item.depth : 0)))).toBe(
      maxListDepth - 1,
    )
    expect(textOf(items[39]!)).toBe('level 40')
  })

  it('survives nesting far deeper than any call stack', () => {
    let node: JSONContent = { type: 'paragraph', content: [{ type: 'text', text: 'bottom' }] }
    for (let level = 0; level < 100_000; level++) node = { type: 'blockquote', content: [node] }
    const lists = deepList(5_000)
    const blocks = renderBlocks({ type: 'doc', content: [node, lists] })
    expect(blocks.map(textOf).join(' ')).toContain('bottom')
    expect(blocks.map(textOf).join(' ')).toContain('level 5000')
  })

  it('tolerates malformed JSON and strips control characters', () => {
    const doc = {
      type: 'doc',
      content: [
        null,
        { type: 'paragraph', content: 'not an array' },
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'a\u0000b\u0007c\ud800d', marks: [null, { type: 'bold' }] }],
        },
        { type: 'article', attrs: null, content: [{ type: 'text', text: 42 }] },
      ],
    } as unknown as JSONContent
    const blocks = renderBlocks(doc)
    expect(blocks.map(textOf)).toEqual(['abc\uFFFDd', 'Article 1'])
  })
})
