import type { JSONContent } from '@tiptap/core'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { meta } from '../../../test/fixtures/export/exportFixtures.ts'
import { parseMarkup } from '../../../test/fixtures/export/parseMarkup.ts'
import { exportHtml } from '../html/exportHtml.ts'
import { exportDocx } from './exportDocx.ts'

const aysel = {
  id: '6f1c3e4a-0b7d-4a51-9a8e-1f2d3c4b5a69',
  by: '1',
  name: 'Aysel Mammadova',
  delegation: 'AZ',
  at: '2026-02-08T09:30:00.000Z',
}
const mary = {
  id: '0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d',
  by: '2',
  name: 'Mary Smith',
  delegation: 'US',
  at: '2026-02-08T10:15:00.000Z',
}

/** A paragraph where AZ suggests inserting "promptly " and US suggests deleting "all". */
function suggestedDoc(): JSONContent {
  return {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'The Parties shall ' },
          { type: 'text', text: 'promptly ', marks: [{ type: 'insertion', attrs: aysel }] },
          { type: 'text', text: 'inform each other of ' },
          { type: 'text', text: 'all', marks: [{ type: 'deletion', attrs: mary }] },
          { type: 'text', text: ' measures.' },
        ],
      },
    ],
  }
}

async function documentXml(suggestions?: 'markup' | 'final' | 'original') {
  const buffer = await exportDocx({ doc: suggestedDoc(), meta }, { includeThreads: false, suggestions })
  const files = unzipSync(new Uint8Array(buffer))
  return parseMarkup(new TextDecoder().decode(files['word/document.xml']))
}

describe('suggestions in exports', () => {
  it('writes Word tracked changes (w:ins / w:del) with the author, delegation and date', async () => {
    const xml = await documentXml()
    const insertions = xml.findAll('w:ins')
    const deletions = xml.findAll('w:del')
    expect(insertions).toHaveLength(1)
    expect(deletions).toHaveLength(1)
    expect(insertions[0]?.attributes.get('w:author')).toBe('Aysel Mammadova (AZ)')
    expect(insertions[0]?.attributes.get('w:date')).toMatch(/^2026-02-08T09:30:00/)
    expect(
      insertions[0]
        ?.findAll('w:t')
        .map((text) => text.text)
        .join(''),
    ).toBe('promptly ')
    expect(deletions[0]?.attributes.get('w:author')).toBe('Mary Smith (US)')
    expect(
      deletions[0]
        ?.findAll('w:deltext')
        .map((text) => text.text)
        .join(''),
    ).toBe('all')
    expect(insertions[0]?.attributes.get('w:id')).not.toBe(deletions[0]?.attributes.get('w:id'))
  })

  it('prints the final text (suggestions accepted) and the original (none accepted) without tracked changes', async () => {
    const final = await documentXml('final')
    expect(final.findAll('w:ins')).toHaveLength(0)
    expect(final.findAll('w:del')).toHaveLength(0)
    expect(
      final
        .findAll('w:t')
        .map((text) => text.text)
        .join(''),
    ).toContain('The Parties shall promptly inform each other of  measures.')
    const original = await documentXml('original')
    expect(
      original
        .findAll('w:t')
        .map((text) => text.text)
        .join(''),
    ).toContain('The Parties shall inform each other of all measures.')
  })

  it('marks suggestions in HTML with the delegation of their author', () => {
    const html = exportHtml({ doc: suggestedDoc(), meta }, { includeThreads: false })
    expect(html).toMatch(
      /<ins class="suggestion p-AZ" data-delegation="AZ" data-author="Aysel Mammadova"[^>]*>promptly <\/ins>/,
    )
    expect(html).toMatch(/<del class="suggestion p-US" data-delegation="US"[^>]*>all<\/del>/)
  })
})
