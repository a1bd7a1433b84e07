import type { JSONContent } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import {
  azerbaijaniNames,
  bracketRounds,
  contentHash,
  cyrillicTitle,
  meta,
  redlineEditedDoc,
  templateDoc,
} from '../../../test/fixtures/export/exportFixtures.ts'
import { type DocxRun, readDocx } from '../../../test/fixtures/export/readDocx.ts'
import { exportRedlineDocx } from './exportRedlineDocx.ts'

const baseHash = 'b'.repeat(64)

const isInserted = (run: DocxRun) => run.change?.kind === 'inserted'
const isDeleted = (run: DocxRun) => run.change?.kind === 'deleted'

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

describe('exportRedlineDocx', async () => {
  const docx = readDocx(
    await exportRedlineDocx({
      ...docs(),
      baseMeta: { ...meta, snapshotName: 'Round 2', contentHash: baseHash },
      meta,
    }),
  )
  const all = docx.body.flatMap((paragraph) => paragraph.runs)

  it('writes inserted and deleted words as tracked changes, dated, by an unknown author without a record', () => {
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
    const changed = all.filter((run) => run.change !== null)
    expect(new Set(changed.map((run) => run.change?.author))).toEqual(new Set(['Charter Desk']))
    expect(new Set(changed.map((run) => run.change?.date))).toEqual(new Set([meta.date]))
    // A block inserted whole has its paragraph mark tracked too, so rejecting it removes the paragraph.
    const marks = [...docx.documentXml.matchAll(/<w:pPr>.*?<\/w:pPr>/g)].map((match) => match[0])
    expect(marks.filter((mark) => /<w:rPr><w:ins /.test(mark)).length).toBeGreaterThan(0)
    expect(marks.filter((mark) => /<w:rPr><w:del /.test(mark)).length).toBeGreaterThan(0)
    // Word needs a distinct id on every tracked change.
    const ids = [...docx.documentXml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((match) => match[1])
    expect(ids.length).toBeGreaterThan(0)
    expect(new Set(ids).size).toBe(ids.length)
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

  it('opens with a summary of what is compared, with both hashes', () => {
    const summary = docx.body[0]!.text
    expect(summary).toContain('“Round 3 — Baku”')
    expect(summary).toContain('“Round 2”')
    expect(summary).toContain(contentHash)
    expect(summary).toContain(baseHash)
    expect(summary).toMatch(/\d+ changed blocks; \d+ words inserted/)
  })

  it('has the redline header, page numbers and both hashes in the footer', () => {
    expect(docx.headers.map((paragraph) => paragraph.text).join('\n')).toContain(
      'REDLINE — DRAFT — Round 3 — Baku',
    )
    expect(docx.footerFields).toEqual(expect.arrayContaining(['PAGE', 'NUMPAGES']))
    const footer = docx.footers.map((paragraph) => paragraph.text).join('\n')
    expect(footer).toContain(contentHash)
    expect(footer).toContain(baseHash)
  })
})

describe('exportRedlineDocx with brackets', async () => {
  const rounds = bracketRounds()
  const docx = readDocx(
    await exportRedlineDocx({
      baseDoc: rounds[0]!,
      doc: rounds[2]!,
      baseMeta: { ...meta, snapshotName: 'Round 0' },
      meta,
    }),
  )

  it('marks the opened bracket with its alternatives inserted, proposers as superscript runs', () => {
    const paragraph = docx.body.find((candidate) => candidate.text.startsWith('The Parties'))!
    expect(paragraph.text).toBe('The Parties [shallAZ / shouldUS] develop the Corridor.')
    const inserted = paragraph.runs.filter(isInserted)
    expect(inserted.map((run) => run.text).join('')).toContain('[')
    expect(
      paragraph.runs
        .filter((run) => run.properties.includes('w:vertalign'))
        .map((run) => [run.text, isInserted(run)]),
    ).toEqual([
      ['AZ', true],
      ['US', true],
    ])
    expect(docx.body[0]!.text).toContain('Brackets: 1 opened, 0 cleaned.')
  })
})
