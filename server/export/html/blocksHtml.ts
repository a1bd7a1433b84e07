import type { BlockContext } from '../blocks/ExportBlock.ts'
import { escapeHtml } from '../blocks/escapeHtml.ts'

/** Renders blocks, opening a section, article or signature wrapper whenever the block's context changes. */
export function blocksHtml<T extends { context: BlockContext }>(
  blocks: readonly T[],
  renderBlock: (block: T) => string,
): string {
  const out: string[] = []
  let area: string | null = null
  let article: number | null = null
  let party: string | null = null
  const closeInner = () => {
    if (article !== null) out.push('</div>')
    if (party !== null) out.push('</div>')
    article = null
    party = null
  }
  for (const block of blocks) {
    const context = block.context
    if (context.area !== area) {
      closeInner()
      if (area !== null) out.push('</section>')
      area = context.area
      if (area !== null) out.push(`<section class="charter-section" data-area="${escapeHtml(area)}">`)
    }
    if (context.article !== article || context.party !== party) {
      closeInner()
      article = context.article
      party = context.party
      if (article !== null) out.push(`<div class="article" data-article="${article}">`)
      if (party !== null) out.push(`<div class="signature" data-party="${escapeHtml(party)}">`)
    }
    out.push(renderBlock(block))
  }
  closeInner()
  if (area !== null) out.push('</section>')
  return out.join('\n')
}
