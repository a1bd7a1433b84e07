import { BorderStyle, Document, HeadingLevel, type IBorderOptions, Packer, Paragraph, TextRun } from 'docx'
import { exportLabels } from '../blocks/exportLabels.ts'
import { docxPageSetup } from '../docx/docxPageSetup.ts'
import { docxStyles } from '../docx/docxStyles.ts'
import { listItemParagraph } from '../docx/listItemParagraph.ts'
import { countBracketChanges } from './countBracketChanges.ts'
import { countRedlineWords } from './countRedlineWords.ts'
import type { DiffPart } from './diffTokens.ts'
import type { RedlineInput } from './RedlineInput.ts'
import { type RedlineBlock, redlineBlocks } from './redlineBlocks.ts'
import { redlineSegments } from './redlineSegments.ts'

// The same colours as the HTML redline: insertions blue and underlined, deletions red and struck through.
const insertColor = '0B5394'
const deleteColor = 'A61C1C'

function insertedRun(text: string, superScript?: boolean): TextRun {
  return new TextRun({
    text,
    color: insertColor,
    underline: { type: 'single', color: insertColor },
    superScript,
  })
}

function deletedRun(text: string, superScript?: boolean): TextRun {
  return new TextRun({ text, color: deleteColor, strike: true, superScript })
}

function partRuns(parts: readonly DiffPart[]): TextRun[] {
  return redlineSegments(parts).map(({ op, text, superscript }) => {
    // A proposer stays a real superscript run, as in the plain Word export.
    const superScript = superscript || undefined
    if (op === 'insert') return insertedRun(text, superScript)
    if (op === 'delete') return deletedRun(text, superScript)
    return new TextRun({ text, superScript })
  })
}

/** A bar in the margin beside a block that was inserted or deleted whole, like the HTML's left border. */
function changeBar(status: RedlineBlock['status']): { left: IBorderOptions } | undefined {
  if (status !== 'inserted' && status !== 'deleted') return undefined
  const color = status === 'inserted' ? insertColor : deleteColor
  return { left: { style: BorderStyle.SINGLE, size: 18, color, space: 6 } }
}

function redlineParagraph({ block, status, parts }: RedlineBlock): Paragraph {
  const children = partRuns(parts)
  const border = changeBar(status)
  switch (block.kind) {
    case 'title':
      return new Paragraph({ heading: HeadingLevel.TITLE, border, children })
    case 'sectionHeading':
      return new Paragraph({ heading: HeadingLevel.HEADING_1, border, children })
    case 'articleHeading':
      return new Paragraph({ heading: HeadingLevel.HEADING_2, border, children })
    case 'heading':
      return new Paragraph({
        heading: block.level === 2 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_4,
        border,
        children,
      })
    case 'listItem':
      return listItemParagraph(block, children, border)
    case 'paragraph':
      return new Paragraph({
        indent: block.context.quote > 0 ? { left: 720 * block.context.quote } : undefined,
        spacing: { after: 120 },
        border,
        children,
      })
  }
}

/**
 * Word redline between two snapshots, from the same block model as the HTML redline: inserted words
 * underlined in blue, deleted words struck through in red. Formatted runs rather than tracked changes, so
 * every reader sees the markup the same way and nobody "accepts" a change in a paper copy by accident.
 */
export async function exportRedlineDocx(input: RedlineInput): Promise<Buffer> {
  const labels = exportLabels(input.meta)
  const base = exportLabels(input.baseMeta)
  const blocks = redlineBlocks(input.baseDoc, input.doc, labels.notation)
  const brackets = countBracketChanges(input.baseDoc, input.doc)
  const changed = blocks.filter((block) => block.status !== 'unchanged').length
  const header = labels.redlineHeader
  const [beforeInserted, beforeDeleted, afterDeleted] = labels.redlineCounts(
    changed,
    countRedlineWords(blocks, 'insert'),
    countRedlineWords(blocks, 'delete'),
  )
  const summaryBorder = { style: BorderStyle.SINGLE, size: 4, color: 'CCCCCC', space: 4 }
  const summary = new Paragraph({
    border: { top: summaryBorder, bottom: summaryBorder, left: summaryBorder, right: summaryBorder },
    spacing: { after: 360 },
    children: [
      new TextRun(labels.redlineCompared(base)),
      new TextRun({ break: 1 }),
      new TextRun(beforeInserted),
      insertedRun(labels.redlineSample),
      new TextRun(beforeDeleted),
      deletedRun(labels.redlineSample),
      new TextRun(afterDeleted),
      new TextRun({ break: 1 }),
      new TextRun(labels.redlineBrackets(brackets.opened, brackets.cleaned)),
    ],
  })

  const document = new Document({
    title: labels.title,
    subject: header,
    description: `${labels.comparedFooter}; ${base.baseFooter}`,
    creator: 'Charter Desk',
    styles: docxStyles,
    sections: [
      {
        ...docxPageSetup(labels, [labels.comparedFooter, base.baseFooter], header),
        children: [summary, ...blocks.map(redlineParagraph)],
      },
    ],
  })
  return Packer.toBuffer(document)
}
