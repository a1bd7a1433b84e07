import type { Transaction } from '@tiptap/pm/state'
import type { Editor } from '@tiptap/react'
import { yCursorPluginKey, ySyncPluginKey } from '@tiptap/y-tiptap'
import { useCallback, useState, useSyncExternalStore } from 'react'

/**
 * How long a collaborator's change may leave a toolbar, outline or panel stale. Twenty typists send ~100 changes a
 * second; re-reading every selector for each one kept the page's main thread busy enough to delay the local
 * user's own keystrokes (BENCHMARKS.md, issue 16).
 */
const remoteDelayMs = 150

const nextFrame: (callback: () => void) => void =
  typeof requestAnimationFrame === 'function' ? requestAnimationFrame : (callback) => setTimeout(callback, 0)

/** A change that came from someone else (not the user's own undo), or a redraw of others' carets. */
function fromCollaborators(transaction: Transaction): boolean {
  const sync = transaction.getMeta(ySyncPluginKey) as
    | { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean }
    | undefined
  if (sync?.isChangeOrigin) return !sync.isUndoRedoOperation
  const cursors = transaction.getMeta(yCursorPluginKey) as { awarenessUpdated?: boolean } | undefined
  return cursors?.awarenessUpdated === true
}

/**
 * Like Tiptap's `useEditorState`: a value selected from the editor, re-rendering only when `equal` says it changed.
 * The user's caret moves and mark toggles are read at once, their own edits just after the frame that paints them,
 * collaborators' changes at most once per `remoteDelayMs`, so that typing stays on time in a busy document.
 * `select` must read only the editor (it is re-run on transactions, not on renders).
 */
export function useEditorSelector<T>(
  editor: Editor | null,
  select: (editor: Editor) => T,
  equal: (a: T, b: T) => boolean,
  fallback: T,
): T {
  const [store] = useState(() => new SelectionStore<T>())
  store.use(editor, select, equal, fallback)
  const subscribe = useCallback((notify: () => void) => store.subscribe(editor, notify), [store, editor])
  return useSyncExternalStore(subscribe, store.read, store.read)
}

/** The selected value of one hook: recomputed when marked stale, kept when equal to the last one. */
export class SelectionStore<T> {
  private editor: Editor | null = null
  private select: ((editor: Editor) => T) | null = null
  private equal: (a: T, b: T) => boolean = Object.is
  private fallback: T | undefined
  private selected: { editor: Editor; value: T } | null = null
  private stale = true

  use(
    editor: Editor | null,
    select: (editor: Editor) => T,
    equal: (a: T, b: T) => boolean,
    fallback: T,
  ): void {
    if (editor !== this.editor) this.stale = true
    this.editor = editor
    this.select = select
    this.equal = equal
    this.fallback = fallback
  }

  read = (): T => {
    const { editor, select } = this
    if (!editor || !select) return this.fallback as T
    if (this.stale || this.selected?.editor !== editor) {
      this.stale = false
      const next = select(editor)
      if (!this.selected || this.selected.editor !== editor || !this.equal(this.selected.value, next)) {
        this.selected = { editor, value: next }
      }
    }
    return this.selected?.value as T
  }

  subscribe(editor: Editor | null, notify: () => void): () => void {
    if (!editor) return () => {}
    let timer: ReturnType<typeof setTimeout> | null = null
    let due = Number.POSITIVE_INFINITY
    const refresh = () => {
      if (timer) clearTimeout(timer)
      timer = null
      due = Number.POSITIVE_INFINITY
      this.stale = true
      notify()
    }
    const refreshWithin = (delayMs: number) => {
      const at = performance.now() + delayMs
      if (timer && due <= at) return
      if (timer) clearTimeout(timer)
      due = at
      timer = setTimeout(refresh, delayMs)
    }
    let afterFrame = false
    let stopped = false
    const onTransaction = ({ transaction }: { transaction: Transaction }) => {
      if (fromCollaborators(transaction)) refreshWithin(remoteDelayMs)
      else if (transaction.docChanged) {
        // The user's own typing: read after the frame that paints the keystroke, not before it.
        if (afterFrame) return
        afterFrame = true
        nextFrame(() => {
          afterFrame = false
          if (!stopped) refreshWithin(0)
        })
      }
      // A moved caret or a toggled mark: the toolbar answers at once.
      else refresh()
    }
    editor.on('transaction', onTransaction)
    return () => {
      stopped = true
      if (timer) clearTimeout(timer)
      editor.off('transaction', onTransaction)
    }
  }
}

/** Deep equality of what selectors return: primitives, arrays and plain objects. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every(
    (key) => key in b && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  )
}
