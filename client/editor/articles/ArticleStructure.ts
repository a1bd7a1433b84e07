import { Extension, type KeyboardShortcutCommand } from '@tiptap/core'
import { NodeSelection } from '@tiptap/pm/state'
import { articleActions } from './articleActions.ts'
import { articleCommands } from './articleCommands.ts'
import { articleDropPlugin } from './articleDropPlugin.ts'
import { clauseIdPlugin } from './clauseIdPlugin.ts'
import { crossReferencePlugin, goToArticle } from './crossReferencePlugin.ts'
import { paletteRequests } from './paletteRequests.ts'

/**
 * The drafting structure of a negotiated text in the editor: unique clause ids, the article commands and their
 * keys, live cross-reference numbers, dragging articles by their handle, and Mod-K for the command palette.
 * Runs before the default keymap (priority) so Enter at the end of an article can start the next one.
 */
export const ArticleStructure = Extension.create({
  name: 'articleStructure',
  priority: 200,

  addProseMirrorPlugins() {
    return [clauseIdPlugin(), crossReferencePlugin(), articleDropPlugin()]
  },

  addKeyboardShortcuts() {
    const shortcuts: Record<string, KeyboardShortcutCommand> = {
      'Mod-k': () => {
        paletteRequests.open()
        return true
      },
      Enter: ({ editor }) => {
        const { selection } = editor.state
        // Enter on a selected cross-reference follows it, as a click does.
        if (selection instanceof NodeSelection && selection.node.type.name === 'crossReference') {
          const clauseId = selection.node.attrs.clauseId
          return typeof clauseId === 'string' && goToArticle(editor.view, clauseId)
        }
        return editor.isEditable && articleCommands.enter(editor)
      },
    }
    for (const action of articleActions) {
      const { keys, run } = action
      if (!keys || typeof run !== 'function') continue
      shortcuts[keys] = ({ editor }) => editor.isEditable && run(editor)
    }
    return shortcuts
  },
})
