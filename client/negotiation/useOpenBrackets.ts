import type { Editor } from '@tiptap/react'
import { useEditorSelector } from '../editor/useEditorSelector.ts'
import { type OpenBracket, openBrackets, sameBrackets } from './openBrackets.ts'

const none: OpenBracket[] = []

/** The open brackets of the live document, re-read when the document changes (cached per document version). */
export function useOpenBrackets(editor: Editor | null): OpenBracket[] {
  return useEditorSelector(editor, (current) => openBrackets(current.state.doc), sameBrackets, none)
}
