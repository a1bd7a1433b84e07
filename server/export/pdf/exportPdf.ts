import PDFDocument from 'pdfkit'
import type { Proposer } from '../../../shared/schema/index.ts'
import { type AppendixThread, appendixThreads } from '../blocks/appendixThreads.ts'
import type { ExportBlock, InlineRun } from '../blocks/ExportBlock.ts'
import type { ExportInput } from '../blocks/ExportInput.ts'
import { defaultExportOptions, type ExportOptions } from '../blocks/ExportOptions.ts'
import { exportBlocks } from '../blocks/exportBlocks.ts'
import { type ExportLabels, exportLabels } from '../blocks/exportLabels.ts'
import { exportNotes } from '../blocks/exportNotes.ts'
import { pdfFonts } from './pdfFonts.ts'

type Doc = PDFKit.PDFDocument

const margin = { top: 72, bottom: 80, left: 68, right: 68 }
const bodySize = 11
const listIndent = 18
const quoteIndent = 20

/** Delegation colours, as in the editor; never the only signal, since each proposer is also spelled out. */
const proposerColors: Record<Proposer, string> = { AZ: '#00798c', US: '#b22234', joint: '#6a3d9a' }
const brokenColor = '#a61c1c'
const statusColors = { agreed: '#2e6b30', reopened: '#8a5a00' }
const statusSize = 8.5
// A proposer is set small; PDFKit places each fragment by its top, so the small text rides high on the line.
const superscriptScale = 0.62

function fontName(run: Pick<InlineRun, 'bold' | 'italic'>): string {
  if (run.bold && run.italic) return 'serif-bold-italic'
  if (run.bold) return 'serif-bold'
  if (run.italic) return 'serif-italic'
  // The regular face is opened by path in the constructor and must be selected by that same path: PDFKit
  // does not cache a second alias of an already-open font and would re-parse the TTF on every switch.
  return pdfFonts().regularPath
}

function contentWidth(doc: Doc): number {
  return doc.page.width - margin.left - margin.right
}

/** Starts a new page when fewer than `lines` body lines are left, so headings never end a page. */
function keepLines(doc: Doc, lines: number): void {
  const needed = doc.currentLineHeight(true) * lines
  if (doc.y + needed > doc.page.height - margin.bottom) doc.addPage()
}

/** Font, size and colour of one run: the notation's glyphs bold, proposers small, colours by proposer. */
function runStyle(
  run: InlineRun,
  size: number,
  color: string,
): { font: string; size: number; color: string } {
  const proposerColor = run.proposer ? proposerColors[run.proposer] : color
  switch (run.role) {
    case 'proposer':
      return { font: 'serif-bold', size: size * superscriptScale, color: proposerColor }
    case 'bracket':
    case 'optionLabel':
      return { font: 'serif-bold', size, color: proposerColor }
    case 'brokenReference':
      return { font: 'serif-bold', size, color: brokenColor }
    case 'collapsed':
      return { font: 'serif-bold', size, color: '#555555' }
    case 'crossReference':
    case 'text':
      return { font: fontName(run), size, color: proposerColor }
  }
}

/** Writes one paragraph of styled runs starting at x; a '\n' run is a hard line break. */
function writeRuns(
  doc: Doc,
  runs: readonly InlineRun[],
  x: number,
  width: number,
  gapAfter: number,
  size = bodySize,
  color = 'black',
): void {
  // PDFKit loses a line break inside a chain of continued fragments, so each hard-broken line is written
  // as its own chain.
  const lines: InlineRun[][] = [[]]
  for (const run of runs) {
    if (run.text === '\n') lines.push([])
    else lines[lines.length - 1]!.push(run)
  }
  for (const line of lines) {
    if (line.length === 0) continue
    const y = doc.y
    line.forEach((run, index) => {
      const style = runStyle(run, size, color)
      doc.font(style.font).fontSize(style.size).fillColor(style.color)
      const options: PDFKit.Mixins.TextOptions = {
        continued: index < line.length - 1,
        underline: run.underline || run.href !== null || run.role === 'brokenReference',
        strike: run.strike,
        link: run.href,
        lineGap: 2,
      }
      if (index === 0) doc.text(run.text, x, y, { ...options, width })
      else doc.text(run.text, options)
    })
  }
  doc.x = margin.left
  doc.fontSize(size).fillColor(color)
  doc.moveDown(gapAfter)
}

/** Headings are their runs set bold across the full width. */
function writeHeadingRuns(doc: Doc, runs: readonly InlineRun[], gapAfter: number, size: number): void {
  doc.fontSize(size)
  writeRuns(
    doc,
    runs.map((run) => ({ ...run, bold: true })),
    margin.left,
    contentWidth(doc),
    gapAfter,
    size,
  )
}

/** The notes on the notation, clean view and broken references, boxed above the text. */
function writeNotes(doc: Doc, notes: readonly string[], labels: ExportLabels): void {
  if (notes.length === 0) return
  const left = margin.left
  const width = contentWidth(doc)
  const pad = 6
  const top = doc.y
  doc.fillColor('#333333').fontSize(9).font('sans-bold')
  doc.text(labels.notesTitle, left + pad, top + pad, { width: width - 2 * pad })
  doc.font('sans')
  for (const note of notes) doc.text(note, left + pad, doc.y + 2, { width: width - 2 * pad })
  const bottom = doc.y + pad
  doc
    .rect(left, top, width, bottom - top)
    .lineWidth(0.5)
    .strokeColor('#cccccc')
    .stroke()
  doc.x = left
  doc.y = bottom
  doc.fillColor('black').fontSize(bodySize)
  doc.moveDown(1)
}

function writeBlock(doc: Doc, block: ExportBlock): void {
  const left = margin.left
  const width = contentWidth(doc)
  doc.fillColor('black').fontSize(bodySize)
  switch (block.kind) {
    case 'title':
      writeHeadingRuns(doc, block.runs, 1, 17)
      return
    case 'sectionHeading':
      doc.fontSize(14)
      keepLines(doc, 5)
      doc.moveDown(0.6)
      writeHeadingRuns(doc, block.runs, 0.4, 14)
      return
    case 'articleHeading': {
      keepLines(doc, 4)
      doc.moveDown(0.3)
      const top = doc.y
      doc.font('serif-bold').text(block.label, left, top, { width })
      if (block.status) {
        // The status follows the number on its line, small and in the sans face like a margin note, set
        // on the heading's baseline (PDFKit places text by its top, so smaller text is moved down).
        const after = doc.y
        const x = left + doc.widthOfString(block.label) + 10
        doc
          .font('sans')
          .fontSize(statusSize)
          .fillColor(block.status.value === 'reopened' ? statusColors.reopened : statusColors.agreed)
          .text(block.status.label, x, top + (bodySize - statusSize) * 0.75, { lineBreak: false })
        doc.fillColor('black').fontSize(bodySize)
        doc.x = left
        doc.y = after
      }
      doc.moveDown(0.2)
      return
    }
    case 'heading': {
      const size = block.level === 2 ? 12.5 : 11.5
      doc.fontSize(size)
      keepLines(doc, 4)
      writeHeadingRuns(doc, block.runs, 0.3, size)
      return
    }
    case 'listItem': {
      keepLines(doc, 2)
      const quote = block.context.quote * quoteIndent
      const markerX = left + quote + listIndent * block.depth
      const textX = markerX + listIndent
      if (block.marker) {
        doc
          .font(fontName({ bold: false, italic: false }))
          .text(block.marker, markerX, doc.y, { width: listIndent - 4, lineBreak: false })
        // The marker call advanced y; the text starts on the marker's line.
        doc.moveUp()
      }
      writeRuns(doc, block.runs, textX, left + width - textX, 0.25)
      return
    }
    case 'paragraph': {
      const quote = block.context.quote * quoteIndent
      writeRuns(
        doc,
        block.runs,
        left + quote,
        width - quote,
        0.5,
        bodySize,
        block.context.quote > 0 ? '#333333' : 'black',
      )
      return
    }
  }
}

/** The blocks from `start` on that belong to signature blocks (each block's `party` is set). */
function signatureRun(blocks: readonly ExportBlock[], start: number): ExportBlock[] {
  const run: ExportBlock[] = []
  for (let index = start; index < blocks.length && blocks[index]!.context.party !== null; index++) {
    run.push(blocks[index]!)
  }
  return run
}

/**
 * Signature blocks side by side, two to a row, as the editor lays them out: each party's column starts with a
 * rule that leaves room above it for the signature, and a row is kept on one page.
 */
function writeSignatures(doc: Doc, blocks: readonly ExportBlock[]): void {
  const parties: ExportBlock[][] = []
  for (const block of blocks) {
    const current = parties.at(-1)
    if (current && current[0]!.context.party === block.context.party) current.push(block)
    else parties.push([block])
  }
  const gap = 24
  const columnWidth = (contentWidth(doc) - gap) / 2
  doc.fillColor('black').fontSize(bodySize)
  for (let row = 0; row < parties.length; row += 2) {
    keepLines(doc, 9)
    doc.moveDown(2.5)
    const top = doc.y
    let bottom = top
    parties.slice(row, row + 2).forEach((party, column) => {
      const x = margin.left + column * (columnWidth + gap)
      doc
        .moveTo(x, top)
        .lineTo(x + columnWidth - gap, top)
        .lineWidth(0.5)
        .strokeColor('#808080')
        .stroke()
      doc.y = top + doc.currentLineHeight(true) * 0.3
      for (const block of party) {
        if (block.kind === 'paragraph') writeRuns(doc, block.runs, x, columnWidth, 0.5)
        else writeBlock(doc, block)
      }
      bottom = Math.max(bottom, doc.y)
    })
    doc.x = margin.left
    doc.y = bottom
  }
}

function writeAppendix(doc: Doc, threads: readonly AppendixThread[], labels: ExportLabels): void {
  const left = margin.left
  const width = contentWidth(doc)
  doc.addPage()
  doc.fillColor('black').fontSize(14).font('serif-bold').text(labels.appendixTitle, left, doc.y, { width })
  doc.moveDown(0.6)
  doc.fontSize(10)
  if (threads.length === 0)
    doc.font(fontName({ bold: false, italic: false })).text(labels.noThreads, left, doc.y, { width })
  for (const thread of threads) {
    keepLines(doc, 4)
    doc.font('serif-bold').text(thread.heading, left, doc.y, { width })
    if (thread.quote) {
      doc
        .font('serif-italic')
        .fillColor('#333333')
        .text(`“${thread.quote}”`, left + 14, doc.y, { width: width - 14 })
      doc.fillColor('black')
    }
    for (const comment of thread.comments) {
      doc.font('serif-bold').text(comment.byline, left + 14, doc.y, { width: width - 14, continued: true })
      doc.font(fontName({ bold: false, italic: false })).text(`, ${comment.date}: `, { continued: true })
      if (comment.text === null) doc.font('serif-italic').fillColor('#777777').text(labels.commentDeleted)
      else doc.text(comment.text)
      doc.fillColor('black')
    }
    doc.moveDown(0.6)
  }
}

/** Shortens a footer text so it stays on one line (the full name is in the document info). */
function fitLine(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text
  let end = text.length
  while (end > 1 && doc.widthOfString(`${text.slice(0, end)}…`) > width) end = Math.floor(end * 0.9)
  return `${text.slice(0, end)}…`
}

/** Running header, page numbers and the snapshot footer, drawn once every page exists so "of Y" is known. */
function writePageFurniture(doc: Doc, labels: ExportLabels): void {
  const range = doc.bufferedPageRange()
  const width = contentWidth(doc)
  doc.font('sans-bold').fontSize(8)
  const header = fitLine(doc, labels.header, width)
  doc.font('sans').fontSize(7)
  const snapshot = fitLine(doc, labels.snapshotLine, width)
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index)
    const bottom = doc.page.height
    // Writing inside the bottom margin would otherwise make PDFKit start a new page.
    const savedBottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    const line = { width, align: 'center' as const, lineBreak: false }
    doc.fillColor('#8a1c1c').font('sans-bold').fontSize(8).text(header, margin.left, 36, line)
    doc.fillColor('#555555').font('sans').fontSize(8)
    doc.text(labels.pageOf(index - range.start + 1, range.count), margin.left, bottom - 62, line)
    doc.fontSize(7)
    doc.text(snapshot, margin.left, bottom - 50, line)
    doc.text(`SHA-256 ${labels.contentHash}`, margin.left, bottom - 40, line)
    doc.page.margins.bottom = savedBottom
  }
}

/**
 * A print-ready PDF of a charter snapshot, in the markup or the clean view, with embedded DejaVu fonts (text stays extractable and searchable).
 * Pure input to bytes with no shared state besides the font cache, so it can run in a worker thread.
 */
export function exportPdf(
  input: ExportInput,
  options: ExportOptions = defaultExportOptions,
): Promise<Buffer> {
  const view = options.view ?? 'markup'
  const labels = exportLabels(input.meta, view)
  const fonts = pdfFonts()
  const doc = new PDFDocument({
    size: 'A4',
    margins: margin,
    bufferPages: true,
    font: fonts.regularPath,
    lang: labels.language,
    displayTitle: true,
    info: {
      Title: labels.title,
      Subject: labels.header,
      Keywords: labels.contentHash,
      Creator: 'Charter Desk',
    },
  })
  doc.registerFont('serif-bold', fonts.bold)
  doc.registerFont('serif-italic', fonts.italic)
  doc.registerFont('serif-bold-italic', fonts.boldItalic)
  doc.registerFont('sans', fonts.sans)
  doc.registerFont('sans-bold', fonts.sansBold)

  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  doc.font(fontName({ bold: false, italic: false })).fontSize(bodySize)
  const blocks = exportBlocks(input, view, labels, options)
  writeNotes(doc, exportNotes(blocks, view, labels), labels)
  for (let index = 0; index < blocks.length; ) {
    const signatures = signatureRun(blocks, index)
    if (signatures.length > 0) writeSignatures(doc, signatures)
    else writeBlock(doc, blocks[index]!)
    index += Math.max(signatures.length, 1)
  }
  if (options.includeThreads) writeAppendix(doc, appendixThreads(input.threads, labels.language), labels)
  writePageFurniture(doc, labels)
  doc.end()
  return done
}
