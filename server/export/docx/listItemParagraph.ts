import {
  type IBorderOptions,
  type IParagraphRunOptions,
  Paragraph,
  type ParagraphChild,
  Tab,
  TextRun,
} from 'docx'
import type { ExportBlock } from '../blocks/ExportBlock.ts'
import { listIndent } from './docxStyles.ts'

type ListItemBlock = Extract<ExportBlock, { kind: 'listItem' }>

/** A list item as a hanging-indent paragraph: marker, tab, then the item's runs (plain or redlined). */
export function listItemParagraph(
  block: ListItemBlock,
  children: readonly ParagraphChild[],
  border?: { left: IBorderOptions },
  /** The paragraph mark's properties: a tracked insertion or deletion of the whole item, in a redline. */
  run?: IParagraphRunOptions,
): Paragraph {
  const left = listIndent * (block.depth + 1)
  return new Paragraph({
    indent: { left, hanging: listIndent },
    tabStops: [{ type: 'left', position: left }],
    spacing: { after: 80 },
    border,
    run,
    children: [new TextRun({ children: [block.marker, new Tab()] }), ...children],
  })
}
