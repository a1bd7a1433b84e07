import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { type Delegation, isDelegation } from '../../shared/roles/index.ts'
import { type SuggestionChange, suggestionKinds } from '../../shared/suggestions/index.ts'

/** One suggestion in the editor's document: its parts share its id. */
export interface OpenSuggestion {
  id: string
  kind: SuggestionChange
  by: string
  name: string
  delegation: Delegation
  at: string
  insertedText: string
  deletedText: string
  /** Where its first part starts, to select it. */
  from: number
  to: number
  clauseId: string | null
}

/** The open suggestions of a ProseMirror document, in document order (the client's twin of readSuggestions). */
export function openSuggestions(doc: ProseMirrorNode): OpenSuggestion[] {
  const byId = new Map<string, OpenSuggestion>()
  let clauseId: string | null = null
  doc.descendants((node, pos) => {
    if (node.type.name === 'article')
      clauseId = typeof node.attrs.clauseId === 'string' ? node.attrs.clauseId : null
    else if (node.type.name === 'charterSection') clauseId = null
    if (!node.isText) return true
    for (const kind of suggestionKinds) {
      const mark = node.marks.find((candidate) => candidate.type.name === kind)
      const attrs = mark?.attrs
      if (!attrs || typeof attrs.id !== 'string' || !isDelegation(attrs.delegation)) continue
      let suggestion = byId.get(attrs.id)
      if (!suggestion) {
        suggestion = {
          id: attrs.id,
          kind,
          by: String(attrs.by),
          name: String(attrs.name),
          delegation: attrs.delegation,
          at: String(attrs.at),
          insertedText: '',
          deletedText: '',
          from: pos,
          to: pos + node.nodeSize,
          clauseId,
        }
        byId.set(attrs.id, suggestion)
      }
      suggestion.to = Math.max(suggestion.to, pos + node.nodeSize)
      if (kind === 'insertion') suggestion.insertedText += node.text ?? ''
      else suggestion.deletedText += node.text ?? ''
      if (suggestion.kind !== kind) suggestion.kind = 'replacement'
    }
    return false
  })
  return [...byId.values()]
}
