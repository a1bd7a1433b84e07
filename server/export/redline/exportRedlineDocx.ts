import {
  BorderStyle,
  DeletedTextRun,
  Document,
  HeadingLevel,
  type IBorderOptions,
  InsertedTextRun,
  type IParagraphRunOptions,
  Packer,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from 'docx'
import { exportLabels } from '../blocks/exportLabels.ts'
import { docxPageSetup } from '../docx/docxPageSetup.ts'
import { docxStyles } from '../docx/docxStyles.ts'
import { listItemParagraph } from '../docx/listItemParagraph.ts'
import { attributeChanges } from './attributeChanges.ts'
import { authorsOfParts } from './authorsOfParts.ts'
import type { ChangeAuthor } from './ChangeAttribution.ts'
import { countBracketChanges } from './countBracketChanges.ts'
import { countRedlineWords } from './countRedlineWords.ts'
import type { DiffPart } from './diffTokens.ts'
import type { RedlineInput } from './RedlineInput.ts'
import { type RedlineBlock, redlineBlocks } from './redlineBlocks.ts'
import { redlineSegments } from './redlineSegments.ts'

// The summary's legend, in the HTML redline's colours (insertions blue, underlined; deletions red, struck).
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

/** How Word names the author of a tracked change it cannot attribute (no authorship record, or the server's). */
const unknownAuthor = 'Charter Desk'

/** Who and when each tracked change is, and the running w:id every w:ins and w:del of a document needs. */
interface TrackedChanges {
  authors: ReadonlyMap<DiffPart, ChangeAuthor | null> | undefined
  /** The newer version's time, for a change whose own time is not known. */
  fallbackDate: string
  next: number
}

/** "Aysel Mammadova (AZ)", as the HTML redline's tooltip and the markup export's tracked changes name people. */
function authorLabel(author: ChangeAuthor | null | undefined): string {
  if (!author) return unknownAuthor
  return author.delegation ? `${author.name} (${author.delegation})` : author.name
}

function partRuns(parts: readonly DiffPart[], changes: TrackedChanges): ParagraphChild[] {
  return redlineSegments(parts, changes.authors).map(({ op, text, superscript, author }) => {
    // A proposer stays a real superscript run, as in the plain Word export.
    const superScript = superscript || undefined
    if (op === 'equal') return new TextRun({ text, superScript })
    const change = {
      text,
      superScript,
      id: changes.next++,
      author: authorLabel(author),
      date: author?.at ?? changes.fallbackDate,
    }
    return op === 'insert' ? new InsertedTextRun(change) : new DeletedTextRun(change)
  })
}

/** A bar in the margin beside a block that was inserted or deleted whole, like the HTML's left border. */
function changeBar(status: RedlineBlock['status']): { left: IBorderOptions } | undefined {
  if (status !== 'inserted' && status !== 'deleted') return undefined
  const color = status === 'inserted' ? insertColor : deleteColor
  return { left: { style: BorderStyle.SINGLE, size: 18, color, space: 6 } }
}

/**
 * A block inserted or deleted whole also has its paragraph mark tracked, named after the author of its first
 * change: rejecting the insertion (or accepting the deletion) in Word then removes the paragraph, not only its words.
 */
function paragraphMark(
  { status, parts }: RedlineBlock,
  changes: TrackedChanges,
): IParagraphRunOptions | undefined {
  if (status !== 'inserted' && status !== 'deleted') return undefined
  const first = parts.find((part) => part.op !== 'equal')
  const author = first ? changes.authors?.get(first) : null
  const mark = { id: changes.next++, author: authorLabel(author), date: author?.at ?? changes.fallbackDate }
  return status === 'inserted' ? { insertion: mark } : { deletion: mark }
}

function redlineParagraph(redlined: RedlineBlock, changes: TrackedChanges): Paragraph {
  const { block, status, parts } = redlined
  const children = partRuns(parts, changes)
  const border = changeBar(status)
  const run = paragraphMark(redlined, changes)
  switch (block.kind) {
    case 'title':
      return new Paragraph({ heading: HeadingLevel.TITLE, border, run, children })
    case 'sectionHeading':
      return new Paragraph({ heading: HeadingLevel.HEADING_1, border, run, children })
    case 'articleHeading':
      return new Paragraph({ heading: HeadingLevel.HEADING_2, border, run, children })
    case 'heading':
      return new Paragraph({
        heading: block.level === 2 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_4,
        border,
        run,
        children,
      })
    case 'listItem':
      return listItemParagraph(block, children, border, run)
    case 'paragraph':
      return new Paragraph({
        indent: block.context.quote > 0 ? { left: 720 * block.context.quote } : undefined,
        spacing: { after: 120 },
        border,
        run,
        children,
      })
  }
}

/**
 * Word redline between two snapshots, from the same block model as the HTML redline: every inserted and
 * deleted word is a real tracked change (w:ins / w:del) named after its author and delegation, as the HTML
 * redline names them, and dated, so each delegation reviews the other's changes natively in Word (issue 14).
 * A whole inserted or deleted block also gets a bar in the margin.
 */
export async function exportRedlineDocx(input: RedlineInput): Promise<Buffer> {
  const labels = exportLabels(input.meta)
  const base = exportLabels(input.baseMeta)
  const blocks = redlineBlocks(input.baseDoc, input.doc, labels.notation)
  const changes: TrackedChanges = {
    authors: input.authorship ? authorsOfParts(blocks, attributeChanges(input.authorship)) : undefined,
    fallbackDate: input.meta.date,
    next: 1,
  }
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
        children: [summary, ...blocks.map((block) => redlineParagraph(block, changes))],
      },
    ],
  })
  return Packer.toBuffer(document)
}
