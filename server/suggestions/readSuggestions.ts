import * as Y from 'yjs'
import type { Delegation } from '../../shared/roles/index.ts'
import { documentField } from '../../shared/schema/index.ts'
import {
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

/** A run of text carrying a suggestion mark: where it is (text and offset) and which mark. */
export interface SuggestionRun {
  text: Y.XmlText
  offset: number
  length: number
  kind: SuggestionKind
  id: string
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

/** Every run of suggested text in the document, in document order. */
export function suggestionRuns(ydoc: Y.Doc): SuggestionRun[] {
  const runs: SuggestionRun[] = []
  for (const text of textsOf(ydoc.getXmlFragment(documentField), [])) {
    let offset = 0
    for (const part of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
      const length = typeof part.insert === 'string' ? part.insert.length : 1
      for (const kind of suggestionKinds) {
        const mark = readSuggestionMark(part.attributes?.[kind])
        if (mark) runs.push({ text, offset, length, kind, id: mark.id })
      }
      offset += length
    }
  }
  return runs
}

/** The open suggestions of a document, in the order they first appear. */
export function readSuggestions(ydoc: Y.Doc): OpenSuggestion[] {
  const byId = new Map<string, OpenSuggestion>()
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
 * stays), a rejected insertion and an accepted deletion lose their text. Runs are changed from the last to the
 * first within each text, so earlier offsets stay right. Returns how many runs changed.
 */
export function applySuggestionDecisions(ydoc: Y.Doc, decisions: ReadonlyMap<string, 'accepted' | 'rejected'>): number {
  const runs = suggestionRuns(ydoc).filter((run) => decisions.has(run.id))
  ydoc.transact(() => {
    for (const run of runs.reverse()) {
      const accepted = decisions.get(run.id) === 'accepted'
      const keepText = (run.kind === 'insertion') === accepted
      if (keepText) run.text.format(run.offset, run.length, { [run.kind]: null })
      else run.text.delete(run.offset, run.length)
    }
  })
  return runs.length
}
