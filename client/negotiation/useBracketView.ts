import type { Editor } from '@tiptap/react'
import { useEffect, useState } from 'react'

export type BracketView = 'markup' | 'clean'

function storageKey(accountId: number): string {
  return `charter-desk:bracket-view:${accountId}`
}

function readView(accountId: number): BracketView {
  try {
    return localStorage.getItem(storageKey(accountId)) === 'clean' ? 'clean' : 'markup'
  } catch {
    return 'markup'
  }
}

/**
 * The reader's choice between Markup (brackets visible, coloured by proposer) and Clean (only agreed text, each
 * bracket a marker), remembered per account in this browser. Clean is a reading view: the text is not editable
 * there, because typing beside hidden alternatives would put words where the writer cannot see them.
 */
export function useBracketView(editor: Editor | null, editable: boolean, accountId: number) {
  const [view, setViewState] = useState<BracketView>(() => readView(accountId))
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.setEditable(editable && view === 'markup')
  }, [editor, editable, view])
  function setView(next: BracketView) {
    setViewState(next)
    try {
      localStorage.setItem(storageKey(accountId), next)
    } catch {
      // Private mode or a full quota: the choice lasts for this page only.
    }
  }
  return { view, setView }
}
