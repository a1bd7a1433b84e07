import type { Editor } from '@tiptap/core'
import type { BracketEditingOptions } from './BracketEditing.ts'
import type { BracketWriter } from './BracketWriter.ts'

/** The writer the editor's bracket extension was configured with (null before it is set up). */
export function writerOf(editor: Editor): BracketWriter | null {
  const extension = editor.extensionManager.extensions.find(
    (candidate) => candidate.name === 'bracketEditing',
  )
  return (extension?.options as BracketEditingOptions | undefined)?.writer ?? null
}
