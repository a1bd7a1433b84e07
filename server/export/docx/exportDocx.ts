import {
  BorderStyle,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from 'docx'
import type { Proposer } from '../../../shared/schema/index.ts'
import { type AppendixThread, appendixThreads } from '../blocks/appendixThreads.ts'
import type { ExportBlock, InlineRun } from '../blocks/ExportBlock.ts'
import type { ExportInput } from '../blocks/ExportInput.ts'
import { defaultExportOptions, type ExportOptions } from '../blocks/ExportOptions.ts'
import { exportBlocks } from '../blocks/exportBlocks.ts'
import { type ExportLabels, exportLabels } from '../blocks/exportLabels.ts'
import { exportNotes } from '../blocks/exportNotes.ts'
import { docxPageSetup } from './docxPageSetup.ts'
import { docxStyles } from './docxStyles.ts'
import { listItemParagraph } from './listItemParagraph.ts'

/** Delegation colours, as in the editor; never the only signal, since each proposer is also spelled out. */
const proposerColors: Record<Proposer, string> = { AZ: '00798C', US: 'B22234', joint: '6A3D9A' }
const brokenColor = 'A61C1C'
const statusColors = { agreed: '2E6B30', reopened: '8A5A00' }

function notationRun(run: InlineRun): TextRun | null {
  const color = run.proposer ? proposerColors[run.proposer] : undefined
  switch (run.role) {
    case 'proposer':
      // A real superscript run, so Word keeps it raised and small wherever the text is pasted.
      return new TextRun({ text: run.text, superScript: true, bold: true, color })
    case 'bracket':
    case 'optionLabel':
      return new TextRun({ text: run.text, bold: true, color })
    case 'brokenReference':
      return new TextRun({
        text: run.text,
        bold: true,
        color: brokenColor,
        underline: { type: 'wave', color: brokenColor },
      })
    case 'collapsed':
      return new TextRun({ text: run.text, bold: true, color: '555555' })
    case 'crossReference':
    case 'text':
      return null
  }
}

/** Word numbers its tracked changes; each run of a suggestion is one change, numbered through the document. */
interface ChangeNumbers {
  next: number
}

function runChildren(runs: InlineRun[], changes: ChangeNumbers): ParagraphChild[] {
  return runs.map((run) => {
    if (run.text === '\n') return new TextRun({ break: 1 })
    const notation = notationRun(run)
    if (notation) return notation
    const options = {
      text: run.text,
      bold: run.bold || undefined,
      italics: run.italic || undefined,
      underline: run.underline || run.href ? {} : undefined,
      strike: run.strike || undefined,
      style: run.href ? 'Hyperlink' : undefined,
      color: run.proposer && !run.href ? proposerColors[run.proposer] : undefined,
    }
    if (run.suggestion) {
      // A real tracked change (w:ins / w:del), named "Aysel Mammadova (AZ)" so Word's reviewing pane shows the side.
      const change = {
        ...options,
        id: changes.next++,
        author: `${run.suggestion.name} (${run.suggestion.delegation})`,
        date: run.suggestion.at,
      }
      return run.suggestion.kind === 'insertion' ? new InsertedTextRun(change) : new DeletedTextRun(change)
    }
    const textRun = new TextRun(options)
    return run.href ? new ExternalHyperlink({ link: run.href, children: [textRun] }) : textRun
  })
}

/** The notes on the notation, clean view and broken references, boxed above the text. */
function notesParagraphs(notes: readonly string[], labels: ExportLabels): Paragraph[] {
  if (notes.length === 0) return []
  const border = { style: BorderStyle.SINGLE, size: 4, color: 'CCCCCC', space: 4 }
  const box = { top: border, bottom: border, left: border, right: border }
  return [labels.notesTitle, ...notes].map(
    (text, index) =>
      new Paragraph({
        border: box,
        spacing: { after: index === notes.length ? 360 : 0 },
        children: [new TextRun({ text, size: 19, bold: index === 0 || undefined })],
      }),
  )
}

function blockParagraph(block: ExportBlock, previous: ExportBlock | null, changes: ChangeNumbers): Paragraph {
  switch (block.kind) {
    case 'title':
      return new Paragraph({ heading: HeadingLevel.TITLE, children: runChildren(block.runs, changes) })
    case 'sectionHeading':
      return new Paragraph({ heading: HeadingLevel.HEADING_1, children: runChildren(block.runs, changes) })
    case 'articleHeading': {
      const children = [new TextRun(block.label)]
      if (block.status) {
        // A small label after the number, not bold like the heading, so it reads as a note on the article.
        children.push(
          new TextRun({
            text: `    ${block.status.label}`,
            bold: false,
            italics: true,
            size: 18,
            color: block.status.value === 'reopened' ? statusColors.reopened : statusColors.agreed,
          }),
        )
      }
      return new Paragraph({ heading: HeadingLevel.HEADING_2, children })
    }
    case 'heading':
      return new Paragraph({
        heading: block.level === 2 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_4,
        children: runChildren(block.runs, changes),
      })
    case 'listItem':
      return listItemParagraph(block, runChildren(block.runs, changes))
    case 'paragraph': {
      const startsSignature = block.context.party !== null && previous?.context.party !== block.context.party
      return new Paragraph({
        indent: block.context.quote > 0 ? { left: 720 * block.context.quote } : undefined,
        // A rule above each signatory's block leaves room for the signature on paper.
        border: startsSignature
          ? { top: { style: BorderStyle.SINGLE, size: 6, color: '808080', space: 4 } }
          : undefined,
        spacing: startsSignature ? { before: 720, after: 120 } : { after: 120 },
        keepNext: startsSignature || undefined,
        children: runChildren(block.runs, changes),
      })
    }
  }
}

function appendixParagraphs(threads: readonly AppendixThread[], labels: ExportLabels): Paragraph[] {
  const out = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new TextRun(labels.appendixTitle)],
    }),
  ]
  if (threads.length === 0) out.push(new Paragraph(labels.noThreads))
  for (const thread of threads) {
    out.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_3,
        keepNext: true,
        children: [new TextRun(thread.heading)],
      }),
    )
    if (thread.quote) {
      out.push(
        new Paragraph({
          indent: { left: 360 },
          children: [new TextRun({ text: `“${thread.quote}”`, italics: true })],
        }),
      )
    }
    for (const comment of thread.comments) {
      out.push(
        new Paragraph({
          indent: { left: 360 },
          spacing: { after: 80 },
          children: [
            new TextRun({ text: comment.byline, bold: true }),
            new TextRun(`, ${comment.date}: `),
            comment.text === null
              ? new TextRun({ text: labels.commentDeleted, italics: true, color: '777777' })
              : new TextRun(comment.text),
          ],
        }),
      )
    }
  }
  return out
}

/** A Word document of a charter snapshot, in the markup or the clean view; pure input to bytes, so it can run in a worker. */
export async function exportDocx(
  input: ExportInput,
  options: ExportOptions = defaultExportOptions,
): Promise<Buffer> {
  const view = options.view ?? 'markup'
  const labels = exportLabels(input.meta, view)
  const blocks = exportBlocks(input, view, labels, options)
  const changes: ChangeNumbers = { next: 1 }
  const children = [
    ...notesParagraphs(exportNotes(blocks, view, labels), labels),
    ...blocks.map((block, index) => blockParagraph(block, blocks[index - 1] ?? null, changes)),
  ]
  if (options.includeThreads)
    children.push(...appendixParagraphs(appendixThreads(input.threads, labels.language), labels))

  const document = new Document({
    title: labels.title,
    subject: labels.header,
    description: labels.footer,
    creator: 'Charter Desk',
    styles: docxStyles,
    sections: [
      {
        ...docxPageSetup(labels, [labels.footer]),
        children,
      },
    ],
  })
  return Packer.toBuffer(document)
}
