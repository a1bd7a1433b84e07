import {
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from 'docx'
import { type AppendixThread, appendixThreads } from '../blocks/appendixThreads.ts'
import type { ExportBlock, InlineRun } from '../blocks/ExportBlock.ts'
import type { ExportInput } from '../blocks/ExportInput.ts'
import { defaultExportOptions, type ExportOptions } from '../blocks/ExportOptions.ts'
import { type ExportLabels, exportLabels } from '../blocks/exportLabels.ts'
import { renderBlocks } from '../blocks/renderBlocks.ts'
import { docxPageSetup } from './docxPageSetup.ts'
import { docxStyles } from './docxStyles.ts'
import { listItemParagraph } from './listItemParagraph.ts'

function runChildren(runs: InlineRun[]): ParagraphChild[] {
  return runs.map((run) => {
    if (run.text === '\n') return new TextRun({ break: 1 })
    const textRun = new TextRun({
      text: run.text,
      bold: run.bold || undefined,
      italics: run.italic || undefined,
      underline: run.underline || run.href ? {} : undefined,
      strike: run.strike || undefined,
      style: run.href ? 'Hyperlink' : undefined,
    })
    return run.href ? new ExternalHyperlink({ link: run.href, children: [textRun] }) : textRun
  })
}

function blockParagraph(block: ExportBlock, previous: ExportBlock | null): Paragraph {
  switch (block.kind) {
    case 'title':
      return new Paragraph({ heading: HeadingLevel.TITLE, children: runChildren(block.runs) })
    case 'sectionHeading':
      return new Paragraph({ heading: HeadingLevel.HEADING_1, children: runChildren(block.runs) })
    case 'articleHeading':
      return new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(block.label)] })
    case 'heading':
      return new Paragraph({
        heading: block.level === 2 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_4,
        children: runChildren(block.runs),
      })
    case 'listItem':
      return listItemParagraph(block, runChildren(block.runs))
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
        children: runChildren(block.runs),
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

/** A Word document of a charter snapshot; pure input to bytes, so it can run in a worker. */
export async function exportDocx(
  input: ExportInput,
  options: ExportOptions = defaultExportOptions,
): Promise<Buffer> {
  const labels = exportLabels(input.meta)
  const blocks = renderBlocks(input.doc)
  const children = blocks.map((block, index) => blockParagraph(block, blocks[index - 1] ?? null))
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
