import type { JSONContent } from '@tiptap/core'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import {
  azerbaijaniNames,
  contentHash,
  cyrillicTitle,
  meta,
  redlineEditedDoc,
  templateDoc,
} from '../../../test/fixtures/export/exportFixtures.ts'
import { exportRedlineDocx } from './exportRedlineDocx.ts'

const baseHash = 'b'.repeat(64)

function decode(xml: string): string {
  return xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}

interface Run {
  properties: string
  text: string
}

/** The runs of a WordprocessingML part: their properties XML and their text. */
function runs(xml: string): Run[] {
  return [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((run) => {
    const body = run[1] ?? ''
    return {
      properties: /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(body)?.[0] ?? '',
      text: [...body.matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)]
        .map((text) => decode(text[1] ?? ''))
        .join(''),
    }
  })
}

const isInserted = (run: Run) => run.properties.includes('<w:u ')
const isDeleted = (run: Run) => run.properties.includes('<w:strike')

function addArticle(doc: JSONContent, area: string, text: string): void {
  const section = (doc.content ?? []).find((node) => node.attrs?.area === area)!
  section.content!.push({
    type: 'article',
    content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
  })
}

/** The HTML test's edits, plus a Cyrillic sentence reworded in Azerbaijani. */
function docs(): { baseDoc: JSONContent; doc: JSONContent } {
  const baseDoc = templateDoc()
  addArticle(baseDoc, 'investment', `Старая редакция: ${cyrillicTitle}.`)
  const doc = redlineEditedDoc()
  addArticle(doc, 'investment', `Yeni redaksiya: ${azerbaijaniNames}.`)
  return { baseDoc, doc }
}

async function parts(): Promise<Record<string, string>> {
  const buffer = await exportRedlineDocx({
    ...docs(),
    baseMeta: { ...meta, snapshotName: 'Round 2', contentHash: baseHash },
    meta,
  })
  expect(buffer.subarray(0, 2).toString()).toBe('PK')
  const files = unzipSync(new Uint8Array(buffer))
  return Object.fromEntries(
    Object.entries(files).map(([name, data]) => [name, new TextDecoder().decode(data)]),
  )
}

describe('exportRedlineDocx', async () => {
  const files = await parts()
  const xml = files['word/document.xml']!
  const all = runs(xml)

  it('underlines inserted words and strikes through deleted ones', () => {
    const inserted = all.filter(isInserted).map((run) => run.text)
    const deleted = all.filter(isDeleted).map((run) => run.text)
    expect(inserted.some((text) => text.includes('Middle Corridor'))).toBe(true)
    expect(inserted.some((text) => text.startsWith('Brand new article <img'))).toBe(true)
    expect(deleted.some((text) => text.includes('Placeholder'))).toBe(true)
    expect(deleted.some((text) => text.startsWith('[Placeholder: provisions on security cooperation'))).toBe(
      true,
    )
    // Unchanged text is plain.
    const preamble = all.find((run) => run.text === 'Preamble')
    expect(preamble).toBeDefined()
    expect(isInserted(preamble!) || isDeleted(preamble!)).toBe(false)
  })

  it('keeps Azerbaijani and Cyrillic letters', () => {
    const inserted = all
      .filter(isInserted)
      .map((run) => run.text)
      .join(' ')
    const deleted = all
      .filter(isDeleted)
      .map((run) => run.text)
      .join(' ')
    expect(inserted).toContain(azerbaijaniNames)
    expect(deleted).toContain(cyrillicTitle)
  })

  it('summarises what is compared, with both hashes', () => {
    const text = decode(xml)
    expect(text).toContain('“Round 3 — Baku”')
    expect(text).toContain('“Round 2”')
    expect(text).toContain(contentHash)
    expect(text).toContain(baseHash)
  })

  it('has the redline header, page numbers and both hashes in the footer', () => {
    const header = decode(
      Object.entries(files)
        .filter(([name]) => /^word\/header\d*\.xml$/.test(name))
        .map(([, part]) => part)
        .join(''),
    )
    const footer = decode(
      Object.entries(files)
        .filter(([name]) => /^word\/footer\d*\.xml$/.test(name))
        .map(([, part]) => part)
        .join(''),
    )
    expect(header).toContain('REDLINE — DRAFT — Round 3 — Baku')
    expect(footer).toContain('PAGE')
    expect(footer).toContain('NUMPAGES')
    expect(footer).toContain(contentHash)
    expect(footer).toContain(baseHash)
  })
})
