import type { Editor } from '@tiptap/react'
import { useEffect, useState } from 'react'
import type { Delegation } from '../../shared/roles/index.ts'
import type { SnapshotSummary } from '../../shared/snapshots/index.ts'
import { apiFetch } from '../api/apiFetch.ts'
import { suggestionFilterKey } from './SuggestionFilterMarks.ts'

/** A round to filter by: suggestions made since this snapshot. */
export interface Round {
  id: number
  name: string
  createdAt: string
}

/**
 * Which suggestions the views show: one delegation's, those made since a round (a named snapshot); the others
 * read as the original text. Hands the filter to the editor's filter plugin (registered by the caller).
 */
export function useSuggestionFilter(editor: Editor, documentName: string) {
  const [delegation, setDelegation] = useState<Delegation | null>(null)
  const [since, setSince] = useState<Round | null>(null)
  const [rounds, setRounds] = useState<Round[]>([])
  useEffect(() => {
    let current = true
    apiFetch<SnapshotSummary[]>(`/api/documents/${encodeURIComponent(documentName)}/snapshots`).then(
      (snapshots) => {
        if (current) setRounds(snapshots.map(({ id, name, createdAt }) => ({ id, name, createdAt })))
      },
      () => {},
    )
    return () => {
      current = false
    }
  }, [documentName])
  useEffect(() => {
    if (editor.isDestroyed) return
    const filter = delegation || since ? { delegation, since: since?.createdAt ?? null } : null
    editor.view.dispatch(editor.state.tr.setMeta(suggestionFilterKey, filter).setMeta('addToHistory', false))
  }, [editor, delegation, since])
  return { delegation, setDelegation, since, setSince, rounds }
}
