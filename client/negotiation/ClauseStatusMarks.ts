import { Extension } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { type ClauseStatus, isProtectedStatus } from '../../shared/negotiation/clauseStatus.ts'
import type { AreaId } from '../../shared/schema/index.ts'
import { suggestionMeta } from '../editor/suggestions/dropForeignSuggestions.ts'

/** What the decorations show: each clause's status (with its label) and the focused area, if any. */
export interface ClauseMarksState {
  statuses: ReadonlyMap<string, { status: ClauseStatus; label: string }>
  focusArea: AreaId | null
}

/** Set a new `ClauseMarksState` with `transaction.setMeta(clauseMarksKey, state)`. */
export const clauseMarksKey = new PluginKey<ClauseMarksState>('clauseStatusMarksMeta')

interface PluginValue {
  marks: ClauseMarksState
  decorations: DecorationSet
  /** What the decorations were built from, position aside (see `layoutOf`). */
  layout: LayoutEntry[]
  /** How many decorations the set was built with. */
  count: number
}

const pluginKey = new PluginKey<PluginValue>('clauseStatusMarks')

const empty: ClauseMarksState = { statuses: new Map(), focusArea: null }

/** A section (by its area) or an article (by its clause id), in document order. */
interface LayoutEntry {
  section: boolean
  key: unknown
}

/**
 * The sections and articles in order, with what their decorations show: while it stays the same, mapping the
 * decorations through an edit gives what a rebuild would, with the same objects, so the view need not compare
 * 200 articles' attributes again on every keystroke.
 */
function layoutOf(doc: ProseMirrorNode): LayoutEntry[] {
  const layout: LayoutEntry[] = []
  visitLayout(doc, (section, key) => {
    layout.push({ section, key })
    return true
  })
  return layout
}

/** Whether `doc` has `layout`, compared as it is walked (a keystroke allocates nothing here). */
function hasLayout(doc: ProseMirrorNode, layout: readonly LayoutEntry[]): boolean {
  let index = 0
  const same = visitLayout(doc, (section, key) => {
    const entry = layout[index++]
    return entry !== undefined && entry.section === section && entry.key === key
  })
  return same && index === layout.length
}

/** Calls `visit` for each section and article in order until it returns false; false if it did. */
function visitLayout(doc: ProseMirrorNode, visit: (section: boolean, key: unknown) => boolean): boolean {
  let going = true
  doc.descendants((node) => {
    if (!going) return false
    if (node.type.name === 'charterSection') {
      going = visit(true, node.attrs.area)
      return going
    }
    if (node.type.name !== 'article') return node.isBlock
    going = visit(false, node.attrs.clauseId)
    return false
  })
  return going
}

function sameMarks(a: ClauseMarksState, b: ClauseMarksState): boolean {
  if (a.focusArea !== b.focusArea || a.statuses.size !== b.statuses.size) return false
  for (const [clauseId, mark] of a.statuses) {
    const other = b.statuses.get(clauseId)
    if (other?.status !== mark.status || other.label !== mark.label) return false
  }
  return true
}

/** The decorations after `transaction`: mapped when the layout held and every decoration survived, else rebuilt. */
function nextValue(transaction: Transaction, value: PluginValue, doc: ProseMirrorNode): PluginValue {
  if (hasLayout(doc, value.layout)) {
    const mapped = value.decorations.map(transaction.mapping, doc)
    // A step that replaced an article whole (a remote change's fallback) may drop its decoration: rebuild then.
    if (mapped.find().length === value.count) return { ...value, decorations: mapped }
  }
  return built(doc, value.marks)
}

function built(doc: ProseMirrorNode, marks: ClauseMarksState): PluginValue {
  const decorations = decorationsFor(doc, marks)
  return { marks, decorations, layout: layoutOf(doc), count: decorations.find().length }
}

function decorationsFor(doc: ProseMirrorNode, state: ClauseMarksState): DecorationSet {
  const decorations: Decoration[] = []
  doc.descendants((node, pos) => {
    if (node.type.name === 'charterSection') {
      if (state.focusArea && node.attrs.area !== state.focusArea) {
        decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: 'is-collapsed' }))
      }
      return true
    }
    if (node.type.name !== 'article') return node.isBlock
    const clauseId = node.attrs.clauseId
    const known = typeof clauseId === 'string' ? state.statuses.get(clauseId) : undefined
    decorations.push(
      Decoration.node(pos, pos + node.nodeSize, {
        id: typeof clauseId === 'string' ? `clause-${clauseId}` : '',
        'data-clause-status': known?.status ?? 'open',
        'data-clause-label': known && known.status !== 'open' ? known.label : '',
        class: known && isProtectedStatus(known.status) ? 'clause-is-agreed' : '',
      }),
    )
    return false
  })
  return DecorationSet.create(doc, decorations)
}

/** The protected article around `pos` in `doc`, or around any article that `from…to` covers. */
function touchesProtected(
  doc: ProseMirrorNode,
  from: number,
  to: number,
  statuses: ClauseMarksState['statuses'],
): boolean {
  const isProtected = (node: ProseMirrorNode) => {
    const clauseId = node.attrs.clauseId
    const known = typeof clauseId === 'string' ? statuses.get(clauseId) : undefined
    return node.type.name === 'article' && known !== undefined && isProtectedStatus(known.status)
  }
  const $from = doc.resolve(Math.min(from, doc.content.size))
  for (let depth = $from.depth; depth > 0; depth--) if (isProtected($from.node(depth))) return true
  let found = false
  if (to > from) {
    doc.nodesBetween(from, Math.min(to, doc.content.size), (node) => {
      if (found) return false
      if (isProtected(node)) found = true
      return !found && !node.isTextblock
    })
  }
  return found
}

/** True if a local transaction changes text inside an agreed article (the server would refuse it). */
function changesAgreedText(transaction: Transaction, statuses: ClauseMarksState['statuses']): boolean {
  if (!transaction.docChanged || statuses.size === 0) return false
  return transaction.steps.some((step, index) => {
    const before = transaction.docs[index]!
    let touched = false
    step.getMap().forEach((oldStart, oldEnd) => {
      if (!touched && touchesProtected(before, oldStart, oldEnd, statuses)) touched = true
    })
    return touched
  })
}

/** The plugin behind `ClauseStatusMarks`; `onRefused` is called when a local edit of agreed text is refused. */
export function clauseStatusMarksPlugin(onRefused: () => void): Plugin<PluginValue> {
  return new Plugin<PluginValue>({
    key: pluginKey,
    state: {
      init: (_, state) => built(state.doc, empty),
      // Walks only the top-level blocks and their articles, never their text.
      apply: (transaction, value, _, state) => {
        const marks: ClauseMarksState | undefined = transaction.getMeta(clauseMarksKey)
        // The statuses are re-read every few seconds and rarely change: rebuilding then would make the view compare
        // every article again, a long task in the middle of someone's typing.
        if (marks && !sameMarks(marks, value.marks)) return built(state.doc, marks)
        return transaction.docChanged ? nextValue(transaction, value, state.doc) : value
      },
    },
    filterTransaction(transaction, state) {
      // Suggestions may land in agreed text (the server checks they are well formed and the author's).
      if (transaction.getMeta(ySyncPluginKey)?.isChangeOrigin || transaction.getMeta(suggestionMeta))
        return true
      const marks = pluginKey.getState(state)?.marks ?? empty
      if (!changesAgreedText(transaction, marks.statuses)) return true
      onRefused()
      return false
    },
    props: {
      decorations(state) {
        return pluginKey.getState(state)?.decorations ?? null
      },
    },
  })
}

/**
 * Clause status in the editor: a badge and a calm tint on agreed articles, the focus view of one area (the
 * others collapsed to their headings) and a guard that keeps this user from typing into agreed text, which the
 * server refuses anyway (two-key rule). Remote changes are never filtered: the server has accepted them.
 */
export const ClauseStatusMarks = Extension.create<{ onRefused: () => void }>({
  name: 'clauseStatusMarks',

  addOptions() {
    return { onRefused: () => {} }
  },

  addProseMirrorPlugins() {
    return [clauseStatusMarksPlugin(this.options.onRefused)]
  },
})
