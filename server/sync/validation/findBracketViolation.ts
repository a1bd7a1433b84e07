import * as Y from 'yjs'
import { isProposer, type Proposer } from '../../../shared/schema/index.ts'
import { bracketNodeNames, type IndexedBracket, readBracketAt } from '../../negotiation/readBrackets.ts'
import type { Writer } from './Writer.ts'

/** Any shared type; Yjs types their event parameter, which does not matter here. */
type SharedType = Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>>

/** True if `writer` speaks for `proposer`: its own delegation, or (joint proposals) any co-chair. */
export function speaksFor(writer: Writer, proposer: string | null): boolean {
  if (proposer === 'joint') return writer.coChair
  return proposer !== null && proposer === writer.delegation
}

function short(id: string | null): string {
  if (id === null) return '(no id)'
  return id.length > 36 ? `${id.slice(0, 36)}…` : id
}

/** Deleting an element deletes what it holds, but a deleted ancestor is checked too, to be sure. */
function isDeleted(type: SharedType): boolean {
  for (let item = type._item; item !== null; ) {
    if (item.deleted) return true
    const parent: unknown = item.parent
    item = parent instanceof Y.AbstractType ? (parent as SharedType)._item : null
  }
  return false
}

function isNew(type: SharedType, transaction: Y.Transaction): boolean {
  const item = type._item
  return item !== null && item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0)
}

/** Adds every bracket (`bracket`, `alternatives`) among `type` and its ancestors to `into`; true if inside one. */
function enclosingBrackets(type: SharedType, into: Set<Y.XmlElement>): boolean {
  let inside = false
  for (let current: SharedType | null = type; current; ) {
    if (current instanceof Y.XmlElement && bracketNodeNames.has(current.nodeName)) {
      inside = true
      if (current.nodeName === 'bracket' || current.nodeName === 'alternatives') into.add(current)
    }
    const parent: unknown = current._item?.parent
    current = parent instanceof Y.AbstractType ? (parent as SharedType) : null
  }
  return inside
}

/** Adds the brackets in a new element's subtree (itself included) to `into`; true if there are any. */
function bracketsWithin(element: Y.XmlElement, into: Set<Y.XmlElement>): boolean {
  let found = bracketNodeNames.has(element.nodeName)
  if (element.nodeName === 'bracket' || element.nodeName === 'alternatives') into.add(element)
  for (let item = element._start; item !== null; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentType)) continue
    const child = item.content.type
    if (child instanceof Y.XmlElement && bracketsWithin(child, into)) found = true
  }
  return found
}

/**
 * What `transaction` did to brackets, or null if it cannot have changed any: the brackets of `before` it deleted,
 * and the live bracket elements to read again (changed inside, or new). Costs what the change touched plus one
 * check per known bracket, so typing outside brackets never pays for a walk of the document, and typing inside
 * one re-reads that bracket only.
 */
export function touchedBrackets(
  transaction: Y.Transaction,
  before: readonly IndexedBracket[],
): { deleted: Set<IndexedBracket>; reread: Set<Y.XmlElement> } | null {
  const deleted = new Set<IndexedBracket>()
  const reread = new Set<Y.XmlElement>()
  let touched = false
  for (const bracket of before) {
    if (!isDeleted(bracket.element as unknown as SharedType)) continue
    deleted.add(bracket)
    touched = true
  }
  for (const [type, keys] of transaction.changed) {
    if (enclosingBrackets(type, reread)) touched = true
    if (!keys.has(null) || !(type instanceof Y.XmlElement || type instanceof Y.XmlFragment)) continue
    for (let item = type._start; item !== null; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentType)) continue
      const child = item.content.type
      if (child instanceof Y.XmlElement && isNew(child as unknown as SharedType, transaction))
        if (bracketsWithin(child, reread)) touched = true
    }
  }
  return touched ? { deleted, reread } : null
}

/** The index after a change: `before` without what it deleted or re-reads, plus what it re-reads, still live. */
export function updatedIndex(
  before: readonly IndexedBracket[],
  change: { deleted: Set<IndexedBracket>; reread: Set<Y.XmlElement> },
): IndexedBracket[] {
  const kept = before.filter((bracket) => !change.deleted.has(bracket) && !change.reread.has(bracket.element))
  const reread = [...change.reread]
    .filter((element) => !isDeleted(element as unknown as SharedType))
    .map(readBracketAt)
  return [...kept, ...reread]
}

interface AlternativeState {
  bracketId: string | null
  proposedBy: string | null
  fingerprint: string
}

function alternativesById(brackets: readonly IndexedBracket[]): Map<string, AlternativeState[]> {
  const byId = new Map<string, AlternativeState[]>()
  for (const bracket of brackets) {
    bracket.alternatives.forEach((alternative, index) => {
      if (alternative.id === null) return
      const state = {
        bracketId: bracket.id,
        proposedBy: alternative.proposedBy,
        fingerprint: bracket.fingerprints[index] ?? '',
      }
      const list = byId.get(alternative.id)
      if (list) list.push(state)
      else byId.set(alternative.id, [state])
    })
  }
  return byId
}

function describe(proposer: string | null): string {
  return proposer === 'joint' ? 'the co-chairs jointly' : (proposer ?? 'nobody')
}

/**
 * The bracket rules, comparing the brackets before and after an update by id, never by Yjs item: moving an
 * article deletes its brackets and inserts copies, which changes nothing here. Refused (the reason names the
 * bracket): a new alternative not proposed by the writer's delegation (a joint one only by a co-chair), or
 * without an id; a changed proposer; a change to the content of, or the removal of, an alternative the
 * writer does not speak for; the disappearance of a bracket holding such an alternative (that is cleaning, a
 * server operation). A delegation may withdraw its own alternatives and remove a bracket that is all its own.
 */
export function findBracketViolation(
  before: readonly IndexedBracket[],
  after: readonly IndexedBracket[],
  writer: Writer,
): string | null {
  const previous = alternativesById(before)
  const afterIds = new Set<string>()
  for (const bracket of after) {
    if (bracket.id === null) return `a ${bracket.kind === 'inline' ? 'bracket' : 'choice'} without an id`
    for (const [index, alternative] of bracket.alternatives.entries()) {
      const label = `bracket ${short(bracket.id)}`
      if (alternative.id === null) return `${label}: an alternative without an id`
      afterIds.add(alternative.id)
      const known = previous.get(alternative.id)
      if (!known) {
        if (!isProposer(alternative.proposedBy))
          return `${label}: alternative ${short(alternative.id)} has no valid proposer`
        if (!speaksFor(writer, alternative.proposedBy))
          return `${label}: new alternative claims ${describe(alternative.proposedBy)}; you write for ${writer.delegation ?? 'no delegation'}`
        continue
      }
      if (!known.some((state) => state.proposedBy === alternative.proposedBy))
        return `${label}: proposer of alternative ${short(alternative.id)} cannot change`
      const proposer = alternative.proposedBy as Proposer
      if (speaksFor(writer, proposer)) continue
      const fingerprint = bracket.fingerprints[index]
      if (!known.some((state) => state.fingerprint === fingerprint))
        return `${label}: only ${describe(proposer)} may change its alternative`
      if (!known.some((state) => state.bracketId === bracket.id))
        return `${label}: only ${describe(proposer)} may move its alternative`
    }
  }
  const afterBrackets = new Set(after.map((bracket) => bracket.id))
  for (const bracket of before) {
    const foreign = bracket.alternatives.find(
      (alternative) =>
        alternative.id !== null &&
        !afterIds.has(alternative.id) &&
        !speaksFor(writer, alternative.proposedBy),
    )
    if (!foreign) continue
    if (!afterBrackets.has(bracket.id))
      return `bracket ${short(bracket.id)} holds a proposal of ${describe(foreign.proposedBy)}: only cleaning removes it`
    return `bracket ${short(bracket.id)}: only ${describe(foreign.proposedBy)} may withdraw its alternative`
  }
  return null
}
