import { Extension } from '@tiptap/core'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { isRemote } from '../brackets/bracketGuard.ts'
import { dropForeignSuggestions } from './dropForeignSuggestions.ts'
import type { SuggestionAuthor } from './SuggestionAuthor.ts'
import type { SuggestionRefusal } from './suggestTransaction.ts'

/** How this user writes: directly, as suggestions (track changes), or not at all (reading). */
export type SuggestionMode = 'editing' | 'suggesting' | 'viewing'

export interface SuggestionEditingOptions {
  /** The signed-in author; null for someone who cannot write. */
  author: SuggestionAuthor | null
}

/** Rewrites a local transaction as a suggestion (suggestTransaction, loaded when Suggesting is first chosen). */
export type SuggestionRewrite = (
  state: EditorState,
  tr: Transaction,
  author: SuggestionAuthor,
) => Transaction | SuggestionRefusal

export interface SuggestionEditingStorage {
  mode: SuggestionMode
  rewrite: SuggestionRewrite | null
  listeners: Set<(notice: SuggestionRefusal) => void>
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    suggestions: {
      /**
       * Switches between Editing, Suggesting and Viewing (the caller offers only what the role allows); Suggesting
       * needs the rewrite, which the caller loads first.
       */
      setSuggestionMode: (mode: SuggestionMode, rewrite?: SuggestionRewrite) => ReturnType
    }
  }
  interface Storage {
    suggestionEditing: SuggestionEditingStorage
  }
}

/**
 * Suggesting mode (track changes): every local change is rewritten into the author's suggestion before it is
 * applied (see suggestTransaction); what cannot be a suggestion is refused with a notice. Changes from Yjs
 * (other people, the server, this user's undo) pass untouched: undoing a suggestion simply removes it. In every
 * mode, suggestion marks copied into new text from someone else are dropped, because the server refuses them.
 */
export const SuggestionEditing = Extension.create<SuggestionEditingOptions, SuggestionEditingStorage>({
  name: 'suggestionEditing',

  addOptions() {
    return { author: null }
  },

  addStorage() {
    return { mode: 'editing', rewrite: null, listeners: new Set() }
  },

  addCommands() {
    return {
      setSuggestionMode:
        (mode, rewrite) =>
        ({ editor }) => {
          const storage = editor.storage.suggestionEditing
          if (rewrite) storage.rewrite = rewrite
          if (mode === 'suggesting' && !storage.rewrite) return false
          storage.mode = mode
          return true
        },
    }
  },

  dispatchTransaction({ transaction, next }) {
    const author = this.options.author
    // Repairs the editor makes on its own (clause ids after a remote change) are not this user's writing.
    const own = transaction.getMeta('addToHistory') !== false
    if (!author || !transaction.docChanged || isRemote(transaction) || !own) {
      next(transaction)
      return
    }
    if (this.storage.mode !== 'suggesting') {
      dropForeignSuggestions(transaction, author)
      next(transaction)
      return
    }
    const rewrite = this.storage.rewrite
    if (!rewrite) return
    const suggested = rewrite(this.editor.state, transaction, author)
    if (typeof suggested === 'string') {
      for (const listener of this.storage.listeners) listener(suggested)
      return
    }
    next(suggested)
  },
})
