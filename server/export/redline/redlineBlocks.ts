import type { JSONContent } from '@tiptap/core'
import { blockText } from '../blocks/blockText.ts'
import type { ExportBlock } from '../blocks/ExportBlock.ts'
import type { NotationLabels } from '../blocks/notationLabels.ts'
import { renderBlocks } from '../blocks/renderBlocks.ts'
import { type DiffPart, diffTokens } from './diffTokens.ts'
import { wordTokens } from './wordTokens.ts'

export interface RedlineBlock {
  /** The newer block, or the older one for a deleted block: decides the block's shape when rendered. */
  block: ExportBlock
  status: 'unchanged' | 'changed' | 'inserted' | 'deleted'
  /** Word-level changes within the block's text. */
  parts: DiffPart[]
}

// Article headings are aligned by kind only: an insertion renumbers every later article, and matching
// "Article 4" to the new "Article 5" shows the renumbering instead of a cascade of replaced headings.
function alignKey(block: ExportBlock): string {
  const shape =
    block.kind === 'listItem'
      ? `${block.ordered}:${block.depth}`
      : block.kind === 'heading'
        ? block.level
        : ''
  return block.kind === 'articleHeading' ? 'articleHeading' : `${block.kind}|${shape}|${blockText(block)}`
}

function whole(block: ExportBlock, status: 'inserted' | 'deleted'): RedlineBlock {
  return {
    block,
    status,
    parts: [{ op: status === 'inserted' ? 'insert' : 'delete', tokens: [blockText(block)] }],
  }
}

function compare(before: ExportBlock, after: ExportBlock): RedlineBlock {
  const parts = diffTokens(wordTokens(blockText(before)), wordTokens(blockText(after)))
  const changed = parts.some((part) => part.op !== 'equal')
  return { block: after, status: changed ? 'changed' : 'unchanged', parts }
}

/**
 * Aligns the blocks of two versions (LCS over block texts), then diffs words inside blocks that were edited.
 * Unmatched blocks between two aligned ones are paired in order when they are of the same kind. Both
 * versions are rendered in the markup view, so brackets compare in their notation: an opened bracket, an
 * added or withdrawn alternative and a cleaned bracket each show as the glyphs and words inserted or deleted.
 */
export function redlineBlocks(
  baseDoc: JSONContent,
  doc: JSONContent,
  notation?: NotationLabels,
): RedlineBlock[] {
  const before = renderBlocks(baseDoc, { view: 'markup', notation })
  const after = renderBlocks(doc, { view: 'markup', notation })
  const result: RedlineBlock[] = []
  let deleted: ExportBlock[] = []
  let inserted: ExportBlock[] = []
  const flush = () => {
    const paired = Math.min(deleted.length, inserted.length)
    for (let k = 0; k < paired; k++) {
      const old = deleted[k]!
      const next = inserted[k]!
      if (old.kind === next.kind) result.push(compare(old, next))
      else result.push(whole(old, 'deleted'), whole(next, 'inserted'))
    }
    for (const old of deleted.slice(paired)) result.push(whole(old, 'deleted'))
    for (const next of inserted.slice(paired)) result.push(whole(next, 'inserted'))
    deleted = []
    inserted = []
  }
  let i = 0
  let j = 0
  for (const part of diffTokens(before.map(alignKey), after.map(alignKey))) {
    for (let k = 0; k < part.tokens.length; k++) {
      if (part.op === 'delete') deleted.push(before[i++]!)
      else if (part.op === 'insert') inserted.push(after[j++]!)
      else {
        flush()
        result.push(compare(before[i++]!, after[j++]!))
      }
    }
  }
  flush()
  return result
}
