import type { JSONContent } from '@tiptap/core'
import { findPriorityArea, isAreaId } from '../../../shared/schema/index.ts'
import type { AreaChange } from '../../../shared/snapshots/index.ts'
import { bracketAreas } from './bracketAreas.ts'
import type { ChangeAttribution } from './ChangeAttribution.ts'
import { diffTokens } from './diffTokens.ts'
import { wordTokens } from './wordTokens.ts'

function textOf(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? ''
  return (node.content ?? []).map(textOf).join(' ')
}

/** Text of each top-level section, keyed by area. */
function sectionTexts(doc: JSONContent): Map<string, string> {
  const texts = new Map<string, string>()
  for (const node of doc.content ?? []) {
    if (node.type !== 'charterSection') continue
    const area = isAreaId(node.attrs?.area) ? node.attrs.area : 'other'
    texts.set(area, `${texts.get(area) ?? ''} ${textOf(node)}`)
  }
  return texts
}

/** How many of `from`'s brackets stand in `area` and are missing from `other`. */
function missingIn(from: Map<string, string>, other: Map<string, string>, area: string): number {
  let count = 0
  for (const [id, bracketArea] of from) if (bracketArea === area && !other.has(id)) count++
  return count
}

/**
 * Words inserted and deleted, and brackets opened and cleaned, in each priority area between two versions:
 * the summary of a comparison. A bracket is followed by its id, so one that moved is neither.
 */
export function areaChanges(
  baseDoc: JSONContent,
  doc: JSONContent,
  attribution?: ChangeAttribution,
): AreaChange[] {
  const beforeTexts = sectionTexts(baseDoc)
  const afterTexts = sectionTexts(doc)
  const beforeBrackets = bracketAreas(baseDoc)
  const afterBrackets = bracketAreas(doc)
  const areas: AreaChange[] = []
  const allAreas = [
    ...beforeTexts.keys(),
    ...afterTexts.keys(),
    ...beforeBrackets.values(),
    ...afterBrackets.values(),
  ]
  for (const area of new Set(allAreas)) {
    let insertedWords = 0
    let deletedWords = 0
    for (const part of diffTokens(
      wordTokens(beforeTexts.get(area) ?? ''),
      wordTokens(afterTexts.get(area) ?? ''),
    )) {
      const words = part.tokens.filter((token) => /[\p{L}\p{N}]/u.test(token)).length
      if (part.op === 'insert') insertedWords += words
      if (part.op === 'delete') deletedWords += words
    }
    areas.push({
      area,
      title: isAreaId(area) ? findPriorityArea(area).title : area,
      insertedWords,
      deletedWords,
      bracketsOpened: missingIn(afterBrackets, beforeBrackets, area),
      bracketsCleaned: missingIn(beforeBrackets, afterBrackets, area),
      ...(attribution ? { byDelegation: wordsByDelegation(attribution, area) } : {}),
    })
  }
  return areas
}

function countWords(text: string): number {
  return wordTokens(text).filter((token) => /[\p{L}\p{N}]/u.test(token)).length
}

/** Words inserted and deleted in `area` by each delegation, from the attributed changes. */
function wordsByDelegation(
  attribution: ChangeAttribution,
  area: string,
): NonNullable<AreaChange['byDelegation']> {
  const counts = { AZ: { insertedWords: 0, deletedWords: 0 }, US: { insertedWords: 0, deletedWords: 0 } }
  for (const [runs, key] of [
    [attribution.inserted, 'insertedWords'],
    [attribution.deleted, 'deletedWords'],
  ] as const) {
    // Runs are split wherever the author changes, so a word cut in two by two authors counts for both.
    for (const run of runs) {
      const delegation = run.author?.delegation
      if ((run.area ?? 'other') === area && delegation) counts[delegation][key] += countWords(run.text)
    }
  }
  return counts
}
