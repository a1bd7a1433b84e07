import * as Y from 'yjs'
import type { Delegation } from '../../shared/roles/index.ts'
import { documentField } from '../../shared/schema/index.ts'
import {
  readBlockSuggestion,
  readSuggestionMark,
  type SuggestionChange,
  type SuggestionKind,
  suggestionKinds,
} from '../../shared/suggestions/index.ts'

/** One suggestion as it stands in the text: its parts (insertions and deletions) share its id. */
export interface OpenSuggestion {
  id: string
  kind: SuggestionChange
  author: { accountId: string; name: string; delegation: Delegation }
  at: string
  insertedText: string
  deletedText: string
  /** The clause (article) it lies in, or null outside articles. */
  clauseId: string | null
}

function clauseOf(text: Y.XmlText): string | null {
  for (let parent: unknown = text.parent; parent instanceof Y.XmlElement; parent = parent.parent) {
    if (parent.nodeName === 'article') {
      const clauseId = parent.getAttribute('clauseId')
      return typeof clauseId === 'string' ? clauseId : null
    }
  }
  return null
}

function textsOf(parent: Y.XmlFragment | Y.XmlElement, into: Y.XmlText[]): Y.XmlText[] {
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) into.push(child)
    else if (child instanceof Y.XmlElement) textsOf(child, into)
  }
  return into
}

/** Every paragraph suggested as a whole (its `suggestion` attribute), in document order. */
function suggestedBlocksOf(parent: Y.XmlFragment | Y.XmlElement, into: Y.XmlElement[]): Y.XmlElement[] {
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue
    if (readBlockSuggestion(child.getAttribute('suggestion'))) into.push(child)
    suggestedBlocksOf(child, into)
  }
  return into
}

function clauseOfElement(element: Y.XmlElement): string | null {
  for (let current: unknown = element; current instanceof Y.XmlElement; current = current.parent) {
    if (current.nodeName === 'article') {
      const clauseId = current.getAttribute('clauseId')
      return typeof clauseId === 'string' ? clauseId : null
    }
  }
  return null
}

/** The open suggestions of a document, in the order they first appear. */
export function readSuggestions(ydoc: Y.Doc): OpenSuggestion[] {
  const byId = new Map<string, OpenSuggestion>()
  for (const element of suggestedBlocksOf(ydoc.getXmlFragment(documentField), [])) {
    const block = readBlockSuggestion(element.getAttribute('suggestion'))
    if (!block || byId.has(block.id)) continue
    byId.set(block.id, {
      id: block.id,
      kind: block.kind,
      author: { accountId: block.by, name: block.name, delegation: block.delegation },
      at: block.at,
      insertedText: '',
      deletedText: '',
      clauseId: clauseOfElement(element),
    })
  }
  for (const text of textsOf(ydoc.getXmlFragment(documentField), [])) {
    for (const part of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
      if (typeof part.insert !== 'string') continue
      for (const kind of suggestionKinds) {
        const mark = readSuggestionMark(part.attributes?.[kind])
        if (!mark) continue
        let suggestion = byId.get(mark.id)
        if (!suggestion) {
          suggestion = {
            id: mark.id,
            kind,
            author: { accountId: mark.by, name: mark.name, delegation: mark.delegation },
            at: mark.at,
            insertedText: '',
            deletedText: '',
            clauseId: clauseOf(text),
          }
          byId.set(mark.id, suggestion)
        }
        if (kind === 'insertion') suggestion.insertedText += part.insert
        else suggestion.deletedText += part.insert
        if (suggestion.kind !== kind) suggestion.kind = 'replacement'
      }
    }
  }
  return [...byId.values()]
}

/**
 * Carries out decisions in the document: an accepted insertion and a rejected deletion lose their mark (the text
 * stays), a rejected insertion and an accepted deletion lose their text. A run may carry an insertion and a
 * deletion (one side proposing to delete the other's insertion): it is deleted if either decision removes the
 * text. Runs are changed from the last to the first within each text, so earlier offsets stay right. Returns
 * how many runs changed.
 */
export function applySuggestionDecisions(
  ydoc: Y.Doc,
  decisions: ReadonlyMap<string, 'accepted' | 'rejected'>,
): number {
  let changed = 0
  ydoc.transact(() => {
    // A suggested paragraph: kept (its attribute goes) or removed with its content, by the same rule as text.
    for (const element of suggestedBlocksOf(ydoc.getXmlFragment(documentField), []).reverse()) {
      const block = readBlockSuggestion(element.getAttribute('suggestion'))
      const decision = block ? decisions.get(block.id) : undefined
      if (!block || !decision) continue
      const parent = element.parent
      if ((block.kind === 'insertion') === (decision === 'accepted')) element.removeAttribute('suggestion')
      else if (parent instanceof Y.XmlElement || parent instanceof Y.XmlFragment)
        parent.delete(parent.toArray().indexOf(element), 1)
      changed++
    }
    for (const text of textsOf(ydoc.getXmlFragment(documentField), [])) {
      const actions: { offset: number; length: number; remove: boolean; unmark: SuggestionKind[] }[] = []
      let offset = 0
      for (const part of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
        const length = typeof part.insert === 'string' ? part.insert.length : 1
        let remove = false
        const unmark: SuggestionKind[] = []
        for (const kind of suggestionKinds) {
          const mark = readSuggestionMark(part.attributes?.[kind])
          const decision = mark ? decisions.get(mark.id) : undefined
          if (!decision) continue
          if ((kind === 'insertion') === (decision === 'accepted')) unmark.push(kind)
          else remove = true
        }
        if (remove || unmark.length > 0) actions.push({ offset, length, remove, unmark })
        offset += length
      }
      for (const action of actions.reverse()) {
        if (action.remove) text.delete(action.offset, action.length)
        else
          text.format(
            action.offset,
            action.length,
            Object.fromEntries(action.unmark.map((kind) => [kind, null])),
          )
        changed++
      }
    }
  })
  return changed
}
