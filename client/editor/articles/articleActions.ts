import type { en } from '../../../shared/i18n/resources/en/index.ts'
import { type ArticleCommand, articleCommands } from './articleCommands.ts'
import type { PaletteMode } from './paletteRequests.ts'

export type ArticleActionLabel = keyof (typeof en)['editor']['articles']['actions']

/** One structural command as the toolbar, the palette and the keyboard offer it. */
export interface ArticleAction {
  id: string
  label: ArticleActionLabel
  /** Tiptap key binding, or null when only the palette reaches it. */
  keys: string | null
  /** The binding as shown to people (the toolbar's convention: Ctrl, which is ⌘ on a Mac). */
  shortcut: string | null
  /** A direct command, or the palette list that picks the command's target (an area, an article). */
  run: ArticleCommand | { pick: Exclude<PaletteMode, 'commands'> }
}

export const articleActions: readonly ArticleAction[] = [
  {
    id: 'insert-before',
    label: 'insertBefore',
    keys: 'Alt-Shift-Enter',
    shortcut: 'Alt+Shift+Enter',
    run: articleCommands.insertBefore,
  },
  {
    id: 'insert-after',
    label: 'insertAfter',
    keys: 'Mod-Shift-Enter',
    shortcut: 'Ctrl+Shift+Enter',
    run: articleCommands.insertAfter,
  },
  {
    id: 'move-up',
    label: 'moveUp',
    keys: 'Alt-Shift-ArrowUp',
    shortcut: 'Alt+Shift+↑',
    run: articleCommands.moveUp,
  },
  {
    id: 'move-down',
    label: 'moveDown',
    keys: 'Alt-Shift-ArrowDown',
    shortcut: 'Alt+Shift+↓',
    run: articleCommands.moveDown,
  },
  { id: 'move-to-area', label: 'moveToArea', keys: null, shortcut: null, run: { pick: 'area' } },
  {
    id: 'split',
    label: 'split',
    keys: 'Mod-Alt-Enter',
    shortcut: 'Ctrl+Alt+Enter',
    run: articleCommands.split,
  },
  { id: 'merge', label: 'merge', keys: 'Mod-Alt-j', shortcut: 'Ctrl+Alt+J', run: articleCommands.merge },
  {
    id: 'delete',
    label: 'delete',
    keys: 'Mod-Shift-Backspace',
    shortcut: 'Ctrl+Shift+Backspace',
    run: articleCommands.remove,
  },
  {
    id: 'insert-reference',
    label: 'insertReference',
    keys: null,
    shortcut: null,
    run: { pick: 'reference' },
  },
]
