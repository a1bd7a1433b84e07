import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { AddMarkStep, AttrStep, RemoveMarkStep, type Step } from '@tiptap/pm/transform'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { changedRangesHold } from '../changedRangesHold.ts'
import { type BracketWriter, mayEditAlternative } from './BracketWriter.ts'
import { isAlternativeNode } from './isAlternativeNode.ts'

export type BracketRefusal = 'otherAlternative' | 'proposerClaim'

export const bracketGuardKey = new PluginKey<DecorationSet>('bracketGuard')

/** Transactions that come from Yjs (other people, the server, my own undo) are the server's business, not ours. */
export function isRemote(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined
  return meta?.isChangeOrigin === true
}

/** The ranges (in the document before the step) a step changes, including attribute and mark changes. */
function touchedRanges(step: Step): [number, number][] {
  if (step instanceof AttrStep) return [[step.pos, step.pos + 1]]
  if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return [[step.from, step.to]]
  const ranges: [number, number][] = []
  step.getMap().forEach((oldStart, oldEnd) => {
    ranges.push([oldStart, oldEnd])
  })
  return ranges
}

/** Why a local transaction must not be applied, or null if the server would accept it. */
export function refusalOf(tr: Transaction, writer: BracketWriter): BracketRefusal | null {
  for (const [index, step] of tr.steps.entries()) {
    const doc = tr.docs[index]
    if (!doc) continue
    for (const [from, to] of touchedRanges(step)) {
      let refused = false
      doc.nodesBetween(from, to, (node) => {
        if (refused) return false
        if (isAlternativeNode(node) && !mayEditAlternative(writer, node.attrs.proposedBy)) refused = true
        return !refused
      })
      if (refused) return 'otherAlternative'
    }
  }
  // Whatever the steps did, no alternative may appear that claims another proposer (pasted, or typed by a script).
  if (tr.docChanged && claimsAnotherProposer(tr, writer)) return 'proposerClaim'
  return null
}

function claimsAnotherProposer(tr: Transaction, writer: BracketWriter): boolean {
  let claims = false
  for (const [index, step] of tr.steps.entries()) {
    const after = tr.docs[index + 1] ?? tr.doc
    step.getMap().forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      if (newEnd <= newStart || claims) return
      after.nodesBetween(newStart, Math.min(newEnd, after.content.size), (node, pos) => {
        if (claims) return false
        // A node that only surrounds the inserted range existed before; only nodes wholly inside it are new.
        const inserted = pos >= newStart && pos + node.nodeSize <= newEnd
        if (inserted && isAlternativeNode(node) && !mayEditAlternative(writer, node.attrs.proposedBy))
          claims = true
        return !claims
      })
    })
    if (step instanceof AttrStep && step.attr === 'proposedBy' && !mayEditAlternative(writer, step.value)) {
      claims = true
    }
  }
  return claims
}

/**
 * Marks the other side's alternatives read-only in the editor: not editable in the DOM (so the caret cannot
 * wander in), labelled, and refused if a transaction still tries to change them.
 */
function lockedAlternatives(doc: ProseMirrorNode, writer: BracketWriter, lockedTitle: string): DecorationSet {
  const decorations: Decoration[] = []
  doc.descendants((node, pos) => {
    if (isAlternativeNode(node)) {
      if (mayEditAlternative(writer, node.attrs.proposedBy)) return node.type.name === 'option'
      decorations.push(
        Decoration.node(pos, pos + node.nodeSize, {
          contenteditable: 'false',
          class: 'is-locked',
          title: lockedTitle,
        }),
      )
      return false
    }
    // Inline brackets only live in textblocks: skip the text of those without one.
    if (node.isTextblock) return containsBracket(node)
    return !node.isInline || node.type.name === 'bracket'
  })
  return DecorationSet.create(doc, decorations)
}

function containsBracket(textblock: ProseMirrorNode): boolean {
  let found = false
  textblock.forEach((child) => {
    if (child.type.name === 'bracket') found = true
  })
  return found
}

export interface BracketGuardOptions {
  writer: () => BracketWriter
  lockedTitle: () => string
  onRefused: (reason: BracketRefusal) => void
}

/** Refuses local edits the server would refuse, and shows the other side's alternatives as read-only. */
export function bracketGuard(options: BracketGuardOptions): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: bracketGuardKey,
    state: {
      init: (_config, state) => lockedAlternatives(state.doc, options.writer(), options.lockedTitle()),
      apply: (tr, previous, _old, state) => {
        if (tr.getMeta(bracketGuardKey) === 'refresh')
          return lockedAlternatives(state.doc, options.writer(), options.lockedTitle())
        if (!tr.docChanged) return previous
        // Only alternatives carry decorations: an edit that holds none (nor a bracket, which may become one)
        // keeps them where they were, without a walk of the whole charter per keystroke.
        if (!changedRangesHold(tr, (node) => isAlternativeNode(node) || node.type.name === 'bracket'))
          return previous.map(tr.mapping, tr.doc)
        return lockedAlternatives(state.doc, options.writer(), options.lockedTitle())
      },
    },
    filterTransaction(tr) {
      if (!tr.docChanged || isRemote(tr)) return true
      const refusal = refusalOf(tr, options.writer())
      if (refusal) {
        // After the current dispatch: the notice updates React state, which must not happen inside a dispatch.
        queueMicrotask(() => options.onRefused(refusal))
        return false
      }
      return true
    },
    props: {
      decorations: (state) => bracketGuardKey.getState(state),
      handleKeyDown(view, event) {
        // The browser does nothing when one types into a read-only alternative; say why instead of staying mute.
        const editing = event.key === 'Backspace' || event.key === 'Delete' || event.key.length === 1
        if (!editing || event.ctrlKey || event.metaKey || event.altKey) return false
        const { from, to, $from } = view.state.selection
        const writer = options.writer()
        let locked = false
        for (let depth = $from.depth; depth > 0 && !locked; depth--) {
          const node = $from.node(depth)
          if (isAlternativeNode(node) && !mayEditAlternative(writer, node.attrs.proposedBy)) locked = true
        }
        if (from < to) {
          view.state.doc.nodesBetween(from, to, (node) => {
            if (isAlternativeNode(node) && !mayEditAlternative(writer, node.attrs.proposedBy)) locked = true
            return !locked
          })
        }
        if (!locked) return false
        options.onRefused('otherAlternative')
        return true
      },
    },
  })
}
