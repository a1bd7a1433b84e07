import { Extension } from '@tiptap/core'
import { isRemote } from '../brackets/bracketGuard.ts'
import type { SuggestionAuthor } from './SuggestionAuthor.ts'
import { dropForeignSuggestions, type SuggestionRefusal, suggestTransaction } from './suggestTransaction.ts'

/** How this user writes: directly, as suggestions (track changes), or not at all (reading). */
export type SuggestionMode = 'editing' | 'suggesting' | 'viewing'

export interface SuggestionEditingOptions {
  /** The signed-in author; null for someone who cannot write. */
  author: SuggestionAuthor | null
}

export interface SuggestionEditingStorage {
  mode: SuggestionMode
  listeners: Set<(notice: SuggestionRefusal) => void>
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    suggestions: {
      /** Switches between Editing, Suggesting and Viewing (the caller offers only what the role allows). */
      setSuggestionMode: (mode: SuggestionMode) => ReturnType
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
    return { mode: 'editing', listeners: new Set() }
  },

  addCommands() {
    return {
      setSuggestionMode:
        (mode) =>
        ({ editor }) => {
          editor.storage.suggestionEditing.mode = mode
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
    const suggested = suggestTransaction(this.editor.state, transaction, author)
    if (typeof suggested === 'string') {
      for (const listener of this.storage.listeners) listener(suggested)
      return
    }
    next(suggested)
  },
})
