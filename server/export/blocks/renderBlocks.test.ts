import type { JSONContent } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { charterTitle } from '../../../shared/schema/index.ts'
import {
  azerbaijaniNames,
  deepList,
  negotiationDoc,
  richDoc,
  templateAreas,
  templateDoc,
} from '../../../test/fixtures/export/exportFixtures.ts'
import type { ExportBlock } from './ExportBlock.ts'
import { notationLabels } from './notationLabels.ts'
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

describe('renderBlocks with negotiated text', () => {
  const runsOf = (block: ExportBlock | undefined) =>
    block && block.kind !== 'articleHeading' ? block.runs : []
  const paragraphStarting = (blocks: ExportBlock[], start: string) =>
    blocks.find((block) => textOf(block).startsWith(start))

  it('prints inline brackets in the standard notation, each alternative followed by its proposer', () => {
    const blocks = renderBlocks(negotiationDoc())
    const paragraph = paragraphStarting(blocks, 'The Parties [')
    expect(textOf(paragraph!)).toBe(
      `The Parties [shallAZ / shouldUS] develop the Middle Corridor [with ${azerbaijaniNames}Joint], ` +
        'subject to Article 5 and Article [?].',
    )
    const runs = runsOf(paragraph)
    expect(runs.filter((run) => run.role === 'proposer').map((run) => [run.text, run.proposer])).toEqual([
      ['AZ', 'AZ'],
      ['US', 'US'],
      ['Joint', 'joint'],
    ])
    expect(runs.find((run) => run.text === 'should')).toMatchObject({ italic: true, proposer: 'US' })
    expect(runs.filter((run) => run.role === 'bracket').map((run) => run.text)).toEqual([
      '[',
      ' / ',
      ']',
      '[',
      ']',
    ])
    expect(runs.find((run) => run.text === ' develop the Middle Corridor ')).toMatchObject({
      role: 'text',
      proposer: null,
    })
  })

  it('prints paragraph-level choices as [Option 1 (AZ): …] [Option 2 (US): …]', () => {
    const texts = renderBlocks(negotiationDoc()).map(textOf)
    const start = texts.indexOf('[Option 1 (AZ): Energy projects shall be financed jointly.]')
    expect(texts.slice(start, start + 4)).toEqual([
      '[Option 1 (AZ): Energy projects shall be financed jointly.]',
      '[Option 2 (US): Energy projects may be financed by either Party.',
      'Financing follows Article 2.]',
      'Agreed closing sentence.',
    ])
    const option2 = paragraphStarting(renderBlocks(negotiationDoc()), '[Option 2')
    expect(runsOf(option2).map((run) => [run.role, run.proposer])).toEqual([
      ['optionLabel', 'US'],
      ['text', 'US'],
    ])
  })

  it('numbers cross-references by the article’s current place, and marks one to a deleted article', () => {
    const doc = negotiationDoc()
    const paragraph = (blocks: ExportBlock[]) => runsOf(paragraphStarting(blocks, 'The Parties ['))
    expect(
      paragraph(renderBlocks(doc))
        .filter((run) => run.role === 'crossReference' || run.role === 'brokenReference')
        .map((run) => [run.role, run.text]),
    ).toEqual([
      ['crossReference', 'Article 5'],
      ['brokenReference', 'Article [?]'],
    ])
    // Moving the security article to the front of the charter renumbers the reference with it.
    const sections = doc.content!
    const security = sections.find((node) => node.attrs?.area === 'security')!
    const moved = security.content!.find((node) => node.type === 'article')!
    security.content = security.content!.filter((node) => node !== moved)
    sections.find((node) => node.attrs?.area === 'preamble')!.content!.push(moved)
    const blocks = renderBlocks(doc)
    expect(paragraph(blocks).find((run) => run.role === 'crossReference')?.text).toBe('Article 1')
    expect(blocks.filter((block) => block.kind === 'articleHeading').map(textOf)).toContain('Article 7')
    expect(textOf(paragraphStarting(blocks, 'Financing follows')!)).toBe('Financing follows Article 3.]')
  })

  it('in the clean view keeps only text outside brackets, each open bracket collapsed to […]', () => {
    const blocks = renderBlocks(negotiationDoc(), { view: 'clean' })
    const texts = blocks.map(textOf)
    expect(texts).toContain(
      'The Parties […] develop the Middle Corridor […], subject to Article 5 and Article [?].',
    )
    expect(texts).toContain('Cooperation on […] infrastructure.')
    expect(texts).toContain('[…]')
    expect(texts).toContain('Agreed closing sentence.')
    const all = texts.join('\n')
    for (const word of ['shall', 'should', 'Energy projects', azerbaijaniNames, 'Option'])
      expect(all).not.toContain(word)
    const collapsed = blocks.flatMap(runsOf).filter((run) => run.role === 'collapsed')
    expect(collapsed).toHaveLength(4)
  })

  it('writes proposers and options in the export’s language', () => {
    const texts = renderBlocks(negotiationDoc(), { notation: notationLabels('az') }).map(textOf)
    expect(texts).toContain('Cooperation on [digitalABŞ] infrastructure.')
    expect(texts).toContain('[Variant 1 (AZ): Energy projects shall be financed jointly.]')
    expect(texts.find((text) => text.startsWith('The Parties'))).toContain('Ümid' + 'Birgə]')
  })

  it('survives malformed brackets: unknown proposers, stray children, no alternatives', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'A ' },
            {
              type: 'bracket',
              content: [
                {
                  type: 'bracketAlternative',
                  attrs: { proposedBy: 'FR' },
                  content: [{ type: 'text', text: 'x' }],
                },
                { type: 'mystery', content: [{ type: 'text', text: 'y' }] },
              ],
            },
            { type: 'bracket' },
            { type: 'crossReference', attrs: null },
          ],
        },
        { type: 'alternatives', content: [{ type: 'option', attrs: { proposedBy: 'joint' } }] },
      ],
    } as unknown as JSONContent
    expect(renderBlocks(doc).map(textOf)).toEqual(['A [x / y][]Article [?]', '[Option 1 (Joint): ]'])
  })
})
