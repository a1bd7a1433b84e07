import type { Editor } from '@tiptap/react'
import { useEffect, useState } from 'react'
import type { Role } from '../../shared/roles/index.ts'
import {
  defaultSuggestionPolicy,
  type SuggestionPolicy,
  type TextAccess,
  textAccessOf,
} from '../../shared/suggestions/index.ts'
import { apiFetch } from '../api/apiFetch.ts'
import type { SuggestionMode } from '../editor/suggestions/SuggestionEditing.ts'

/** The modes a user may choose under their text access: Editing only with direct access. */
export function modesFor(access: TextAccess): SuggestionMode[] {
  if (access === 'edit') return ['editing', 'suggesting', 'viewing']
  if (access === 'suggest') return ['suggesting', 'viewing']
  return ['viewing']
}

function storageKey(accountId: number): string {
  return `charter-desk:suggestion-mode:${accountId}`
}

function readMode(accountId: number, allowed: SuggestionMode[]): SuggestionMode {
  try {
    const stored = localStorage.getItem(storageKey(accountId))
    const mode = allowed.find((candidate) => candidate === stored)
    if (mode) return mode
  } catch {
    // No storage: the default below.
  }
  return allowed[0] ?? 'viewing'
}

/**
 * The document's suggestion policy (from the server), what it lets this user do, and their chosen mode
 * (Editing / Suggesting / Viewing, remembered per account in this browser), applied to the editor. A change of
 * policy closes the socket (1008), which reopens the document and reads the policy again.
 */
export function useSuggestionMode(
  editor: Editor | null,
  documentName: string,
  role: Role,
  accountId: number,
) {
  const [policy, setPolicy] = useState<SuggestionPolicy | null>(null)
  useEffect(() => {
    let current = true
    apiFetch<SuggestionPolicy>(`/api/documents/${encodeURIComponent(documentName)}/suggestion-policy`).then(
      (loaded) => current && setPolicy(loaded),
      () => current && setPolicy(defaultSuggestionPolicy),
    )
    return () => {
      current = false
    }
  }, [documentName])
  const access = textAccessOf(role, policy ?? defaultSuggestionPolicy)
  const allowed = modesFor(access)
  const [chosen, setChosen] = useState<SuggestionMode | null>(null)
  const mode = chosen && allowed.includes(chosen) ? chosen : readMode(accountId, allowed)
  // The mode the editor is in: Suggesting applies once its rewrite has loaded (the editor is not editable
  // meanwhile), so no keystroke slips through as a direct edit.
  const [applied, setApplied] = useState<SuggestionMode | null>(null)
  useEffect(() => {
    if (!editor || editor.isDestroyed) return
    if (mode !== 'suggesting') {
      editor.commands.setSuggestionMode(mode)
      setApplied(mode)
      return
    }
    let current = true
    import('../editor/suggestions/suggestTransaction.ts').then(
      ({ suggestTransaction }) => {
        if (!current || editor.isDestroyed) return
        editor.commands.setSuggestionMode(mode, suggestTransaction)
        setApplied(mode)
      },
      () => {},
    )
    return () => {
      current = false
    }
  }, [editor, mode])
  function setMode(next: SuggestionMode) {
    setChosen(next)
    try {
      localStorage.setItem(storageKey(accountId), next)
    } catch {
      // Private mode or a full quota: the choice lasts for this page only.
    }
  }
  return { policy, access, allowed, mode, applied, ready: applied === mode, setMode, setPolicy }
}
