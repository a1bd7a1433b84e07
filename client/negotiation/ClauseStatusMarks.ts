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
}

const pluginKey = new PluginKey<PluginValue>('clauseStatusMarks')

const empty: ClauseMarksState = { statuses: new Map(), focusArea: null }

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
    const { onRefused } = this.options
    return [
      new Plugin<PluginValue>({
        key: pluginKey,
        state: {
          init: (_, state) => ({ marks: empty, decorations: decorationsFor(state.doc, empty) }),
          // Walks only the top-level blocks and their articles, so recomputing on each change stays cheap.
          apply: (transaction, value, _, state) => {
            const marks: ClauseMarksState | undefined = transaction.getMeta(clauseMarksKey)
            if (!marks && !transaction.docChanged) return value
            const next = marks ?? value.marks
            return { marks: next, decorations: decorationsFor(state.doc, next) }
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
      }),
    ]
  },
})
