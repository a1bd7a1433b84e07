import type { Editor } from '@tiptap/react'
import { useEffect, useRef } from 'react'
import type { Delegation } from '../../shared/roles/index.ts'
import { apiFetch } from '../api/apiFetch.ts'
import { authorHighlightsKey } from './AuthorHighlights.ts'

/** Fetches who wrote with each client id while the "Show authors" view is on, and hands it to the editor. */
export function useAuthorHighlights(editor: Editor, documentName: string, active: boolean): void {
  const shown = useRef(false)
  useEffect(() => {
    if (editor.isDestroyed) return
    const show = (writers: ReadonlyMap<number, Delegation | null> | null) => {
      shown.current = writers !== null
      editor.view.dispatch(
        editor.state.tr.setMeta(authorHighlightsKey, writers).setMeta('addToHistory', false),
      )
    }
    if (!active) {
      if (shown.current) show(null)
      return
    }
    let current = true
    apiFetch<{ clientId: number; delegation: Delegation | null }[]>(
      `/api/documents/${encodeURIComponent(documentName)}/authors`,
    ).then(
      (authors) => {
        if (current && !editor.isDestroyed)
          show(new Map(authors.map((author) => [author.clientId, author.delegation])))
      },
      () => {},
    )
    return () => {
      current = false
    }
  }, [editor, documentName, active])
}
