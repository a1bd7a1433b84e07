import type { ToolbarButton } from '../Toolbar.tsx'

/** Toolbar buttons for brackets and paragraph-level options; enabled only where the command would apply. */
export const bracketButtons: ToolbarButton[] = [
  {
    id: 'bracket',
    label: 'bracket',
    shortcut: 'Ctrl+Alt+B',
    icon: '[ ]',
    run: (editor) => editor.chain().focus().bracketSelection().run(),
    isEnabled: (editor) => !editor.state.selection.empty && editor.can().bracketSelection(),
  },
  {
    id: 'add-alternative',
    label: 'addAlternative',
    shortcut: 'Ctrl+Alt+A',
    icon: '[ / ]',
    run: (editor) => editor.chain().focus().addAlternative().run(),
    isEnabled: (editor) => editor.can().addAlternative(),
  },
  {
    id: 'withdraw-alternative',
    label: 'withdrawAlternative',
    shortcut: 'Ctrl+Alt+W',
    icon: '[ − ]',
    run: (editor) => editor.chain().focus().withdrawAlternative().run(),
    isEnabled: (editor) => editor.can().withdrawAlternative(),
  },
  {
    id: 'wrap-in-options',
    label: 'wrapInOptions',
    shortcut: '',
    icon: '¶[ ]',
    run: (editor) => editor.chain().focus().wrapInOptions().run(),
    isEnabled: (editor) => editor.can().wrapInOptions(),
  },
  {
    id: 'add-option',
    label: 'addOption',
    shortcut: 'Ctrl+Alt+O',
    icon: '+¶',
    run: (editor) => editor.chain().focus().addOption().run(),
    isEnabled: (editor) => editor.can().addOption(),
  },
]
