import { type Editor, useEditorState } from '@tiptap/react'
import { type OpenBracket, openBrackets } from './openBrackets.ts'

/** The open brackets of the live document, re-read when the document changes (cached per document version). */
export function useOpenBrackets(editor: Editor | null): OpenBracket[] {
  return (
    useEditorState({
      editor,
      selector: ({ editor: current }) => (current ? openBrackets(current.state.doc) : []),
    }) ?? []
  )
}
