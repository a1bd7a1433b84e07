import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  type IStylesOptions,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Tab,
  TextRun,
} from 'docx'
import { type AppendixThread, appendixThreads, deletedCommentText } from './appendixThreads.ts'
import type { ExportBlock, InlineRun } from './ExportBlock.ts'
import { defaultExportOptions, type ExportInput, type ExportOptions } from './ExportInput.ts'
import { exportLabels } from './exportLabels.ts'
import { renderBlocks } from './renderBlocks.ts'

// Times New Roman ships with Word on every platform and covers Azerbaijani Latin (ə, ğ, ı, ş) and Cyrillic.
export const font = 'Times New Roman'
export const listIndent = 360 // twips per list level (0.25 in)

/** Paragraph and heading styles shared by the Word exports. */
export const docxStyles: IStylesOptions = {
  default: {
    document: { run: { font, size: 24 }, paragraph: { spacing: { line: 276 } } },
    title: { run: { font, size: 36, bold: true, color: '000000' }, paragraph: { alignment: 'center' } },
    heading1: {
      run: { font, size: 28, bold: true, color: '000000' },
      paragraph: { spacing: { before: 360, after: 160 }, keepNext: true },
    },
    heading2: {
      run: { font, size: 25, bold: true, color: '000000' },
      paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
    },
    heading3: { run: { font, size: 24, bold: true, color: '000000' }, paragraph: { keepNext: true } },
    heading4: { run: { font, size: 24, italics: true, color: '000000' }, paragraph: { keepNext: true } },
  },
}

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
    case 'listItem': {
      const left = listIndent * (block.depth + 1)
      return new Paragraph({
        indent: { left, hanging: listIndent },
        tabStops: [{ type: 'left', position: left }],
        spacing: { after: 80 },
        children: [new TextRun({ children: [block.marker, new Tab()] }), ...runChildren(block.runs)],
      })
    }
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

function appendixParagraphs(threads: readonly AppendixThread[]): Paragraph[] {
  const out = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new TextRun('Appendix — Comment threads')],
    }),
  ]
  if (threads.length === 0) out.push(new Paragraph('No comment threads.'))
  for (const thread of threads) {
    out.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_3,
        keepNext: true,
        children: [new TextRun(`Thread ${thread.number} — ${thread.areaTitle} — ${thread.status}`)],
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
              ? new TextRun({ text: deletedCommentText, italics: true, color: '777777' })
              : new TextRun(comment.text),
          ],
        }),
      )
    }
  }
  return out
}

/**
 * Page setup shared by every Word export: margins, the red "DRAFT" header, and a footer with page numbers
 * followed by `footerLines` (snapshot names, dates and hashes).
 */
export function pageFurniture(header: string, footerLines: readonly string[]) {
  const small = { font, size: 16, color: '555555' }
  const centered = (children: TextRun[]) => new Paragraph({ alignment: AlignmentType.CENTER, children })
  return {
    properties: { page: { margin: { top: 1300, bottom: 1300, left: 1300, right: 1300 } } },
    headers: {
      default: new Header({
        children: [centered([new TextRun({ text: header, font, size: 18, bold: true, color: '8A1C1C' })])],
      }),
    },
    footers: {
      default: new Footer({
        children: [
          centered([
            new TextRun({
              ...small,
              children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
            }),
          ]),
          ...footerLines.map((line) => centered([new TextRun({ ...small, text: line })])),
        ],
      }),
    },
  }
}

/** A Word document of a charter snapshot; pure input to bytes, so it can run in a worker. */
export async function exportDocx(
  input: ExportInput,
  options: ExportOptions = defaultExportOptions,
): Promise<Buffer> {
  const labels = exportLabels(input.meta)
  const blocks = renderBlocks(input.doc)
  const children = blocks.map((block, index) => blockParagraph(block, blocks[index - 1] ?? null))
  if (options.includeThreads) children.push(...appendixParagraphs(appendixThreads(input.threads)))

  const document = new Document({
    title: labels.title,
    subject: labels.header,
    description: labels.footer,
    creator: 'Charter Desk',
    styles: docxStyles,
    sections: [
      {
        ...pageFurniture(labels.header, [labels.footer]),
        children,
      },
    ],
  })
  return Packer.toBuffer(document)
}
