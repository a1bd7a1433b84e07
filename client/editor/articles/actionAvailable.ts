import type { Editor } from '@tiptap/core'
import type { ArticleAction } from './articleActions.ts'
import { articleCommands } from './articleCommands.ts'
import { findArticle } from './findArticle.ts'

/** Whether an article action applies where the caret is (a picker applies if its command could run at all). */
export function actionAvailable(editor: Editor, action: ArticleAction): boolean {
  if (!editor.isEditable) return false
  const { run } = action
  if (typeof run === 'function') return run(editor, false)
  if (run.pick === 'area') return findArticle(editor.state.selection.$from) !== null
  return articleCommands.insertReference('')(editor, false)
}
