import { useState } from 'react'
import type { Delegation } from '../../shared/roles/index.ts'

/** Markup (suggestions visible), Final (as if all were accepted), Original (as if none were), or Authors. */
export type SuggestionView = 'markup' | 'final' | 'original' | 'authors'

export const suggestionViews: readonly SuggestionView[] = ['markup', 'final', 'original', 'authors']

/**
 * The reader's view of suggestions and the delegation whose suggestions are shown (the other's read as the
 * original text). Final and Original are reading views: the editor is not editable there.
 */
export function useSuggestionView() {
  const [view, setView] = useState<SuggestionView>('markup')
  const [delegation, setDelegation] = useState<Delegation | null>(null)
  const className = [`suggestions-${view}`, delegation ? `suggestions-only-${delegation}` : ''].join(' ').trim()
  return { view, setView, delegation, setDelegation, className, writable: view === 'markup' || view === 'authors' }
}
