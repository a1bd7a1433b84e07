import type { Editor } from '@tiptap/react'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { documentField } from '../../shared/schema/index.ts'
import { authorHighlightsKey, authorHighlightsPlugin } from './AuthorHighlights.ts'
import { suggestionFilterKey, suggestionFilterPlugin } from './SuggestionFilterMarks.ts'
import type { SuggestionView } from './SuggestionView.ts'
import { SuggestionViewSwitch } from './SuggestionViewSwitch.tsx'
import { useAuthorHighlights } from './useAuthorHighlights.ts'
import { useSuggestionFilter } from './useSuggestionFilter.ts'

export interface SuggestionViewControlsProps {
  editor: Editor
  ydoc: Y.Doc
  documentName: string
  view: SuggestionView
  onView: (view: SuggestionView) => void
}

/**
 * The suggestion views' controls and the editor plugins behind them (the delegation and round filters, the
 * authors' colours), loaded after the first paint: the plugins are registered on the editor when this mounts.
 */
export function SuggestionViewControls({
  editor,
  ydoc,
  documentName,
  view,
  onView,
}: SuggestionViewControlsProps) {
  const [registered, setRegistered] = useState(false)
  useEffect(() => {
    if (editor.isDestroyed) return
    editor.registerPlugin(suggestionFilterPlugin())
    editor.registerPlugin(authorHighlightsPlugin(ydoc, documentField))
    setRegistered(true)
    return () => {
      if (!editor.isDestroyed) editor.unregisterPlugin([suggestionFilterKey, authorHighlightsKey])
      setRegistered(false)
    }
  }, [editor, ydoc])
  return registered ? (
    <RegisteredControls editor={editor} documentName={documentName} view={view} onView={onView} />
  ) : null
}

function RegisteredControls({
  editor,
  documentName,
  view,
  onView,
}: Omit<SuggestionViewControlsProps, 'ydoc'>) {
  const filter = useSuggestionFilter(editor, documentName)
  useAuthorHighlights(editor, documentName, view === 'authors')
  return (
    <SuggestionViewSwitch
      view={view}
      delegation={filter.delegation}
      since={filter.since}
      rounds={filter.rounds}
      onView={onView}
      onDelegation={filter.setDelegation}
      onSince={filter.setSince}
    />
  )
}
