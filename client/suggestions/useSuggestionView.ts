import type { Editor } from '@tiptap/react'
import { useEffect, useRef, useState } from 'react'
import type { Delegation } from '../../shared/roles/index.ts'
import type { SnapshotSummary } from '../../shared/snapshots/index.ts'
import { apiFetch } from '../api/apiFetch.ts'
import { suggestionFilterKey } from './SuggestionFilterMarks.ts'

/** Markup (suggestions visible), Final (as if all were accepted), Original (as if none were), or Authors. */
export type SuggestionView = 'markup' | 'final' | 'original' | 'authors'

export const suggestionViews: readonly SuggestionView[] = ['markup', 'final', 'original', 'authors']

/** A round to filter by: suggestions made since this snapshot. */
export interface Round {
  id: number
  name: string
  createdAt: string
}

/**
 * The reader's view of suggestions, and which suggestions it shows: one delegation's, those made since a round
 * (a named snapshot); the others read as the original text. Final and Original are reading views: the editor
 * is not editable there.
 */
export function useSuggestionView(editor: Editor | null, documentName: string) {
  const [view, setView] = useState<SuggestionView>('markup')
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
  const filtered = useRef(false)
  useEffect(() => {
    if (!editor || editor.isDestroyed) return
    const filter = delegation || since ? { delegation, since: since?.createdAt ?? null } : null
    if (!filter && !filtered.current) return
    filtered.current = filter !== null
    editor.view.dispatch(editor.state.tr.setMeta(suggestionFilterKey, filter).setMeta('addToHistory', false))
  }, [editor, delegation, since])
  return {
    view,
    setView,
    delegation,
    setDelegation,
    since,
    setSince,
    rounds,
    className: `suggestions-${view}`,
    writable: view === 'markup' || view === 'authors',
  }
}
