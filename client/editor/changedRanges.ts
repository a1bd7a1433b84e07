import type { Transaction } from '@tiptap/pm/state'

/** The ranges `transaction` changed, as positions in the document after it (empty ranges for pure deletions). */
export function changedRanges(transaction: Transaction): [from: number, to: number][] {
  const { doc, mapping } = transaction
  const ranges: [number, number][] = []
  mapping.maps.forEach((stepMap, index) => {
    const after = mapping.slice(index + 1)
    stepMap.forEach((_oldStart, _oldEnd, start, end) => {
      ranges.push([Math.max(0, after.map(start, -1)), Math.min(doc.content.size, after.map(end, 1))])
    })
  })
  return ranges
}
