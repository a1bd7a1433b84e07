import { type CommandProps, Extension } from '@tiptap/core'
import { Fragment, type Node as ProseMirrorNode } from '@tiptap/pm/model'
import { NodeSelection, Plugin, PluginKey, TextSelection, type Transaction } from '@tiptap/pm/state'
import type { Proposer } from '../../../shared/schema/index.ts'
import { type BracketWriter, mayEditAlternative, proposerFor } from './BracketWriter.ts'
import { bracketAt } from './bracketAt.ts'
import { bracketEdges } from './bracketEdges.ts'
import { type BracketRefusal, bracketGuard, bracketGuardKey } from './bracketGuard.ts'
import { freshBracketIds } from './freshBracketIds.ts'
import { asUndoStep, undoSteps } from './undoStep.ts'

/** Why a bracket command did nothing, for a polite explanation in the UI. */
export type BracketNotice =
  | BracketRefusal
  | 'notInOneParagraph'
  | 'notPlainText'
  | 'nothingToWithdraw'
  | 'notInArticle'

export interface BracketEditingOptions {
  writer: BracketWriter
  /** Tooltip on the other side's alternatives. */
  lockedTitle: () => string
}

export interface BracketEditingStorage {
  /** A co-chair's choice to table the next alternatives as a joint (bridging) proposal. */
  joint: boolean
  listeners: Set<(notice: BracketNotice) => void>
  notify: (notice: BracketNotice) => void
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    brackets: {
      /** The selection (inside one paragraph) becomes `[text]`, one alternative of the writer's side. */
      bracketSelection: () => ReturnType
      /** A new empty alternative of the writer's side in the bracket at the caret (bracketing the selection first). */
      addAlternative: () => ReturnType
      /** Removes the writer's alternative at the caret (and the bracket, if it was the last one). */
      withdrawAlternative: () => ReturnType
      /** The paragraph(s) at the caret become a paragraph-level choice with one option. */
      wrapInOptions: () => ReturnType
      /** A new option of the writer's side in the choice at the caret (making the choice first if needed). */
      addOption: () => ReturnType
      /** Selects a bracket (inline or paragraph-level) by id and scrolls to it. */
      selectBracket: (id: string) => ReturnType
      /** Co-chairs: table the next alternatives jointly (a bridging proposal) or for the delegation. */
      setJointProposal: (joint: boolean) => ReturnType
    }
  }
  interface Storage {
    bracketEditing: BracketEditingStorage
  }
}

function proposer(props: CommandProps, writer: BracketWriter): Proposer {
  return proposerFor(writer, props.editor.storage.bracketEditing.joint)
}

function notify(props: CommandProps, notice: BracketNotice): false {
  if (props.dispatch) queueMicrotask(() => props.editor.storage.bracketEditing.notify(notice))
  return false
}

/** Brackets the selection in `tr`; returns the position of the new bracket, or a reason it cannot be bracketed. */
function bracketInto(tr: Transaction, proposedBy: Proposer): number | BracketNotice {
  const { $from, $to } = tr.selection
  if (!(tr.selection instanceof TextSelection) || !$from.sameParent($to) || !$from.parent.isTextblock) {
    return 'notInOneParagraph'
  }
  const schema = tr.doc.type.schema
  const text = tr.doc.slice($from.pos, $to.pos).content
  let plain = true
  text.forEach((node) => {
    if (!node.isText) plain = false
  })
  if (!plain) return 'notPlainText'
  const alternative = schema.nodes.bracketAlternative!.create({ id: crypto.randomUUID(), proposedBy }, text)
  const bracket = schema.nodes.bracket!.create({ id: crypto.randomUUID() }, alternative)
  if (!$from.parent.canReplace($from.index(), $to.index(), Fragment.from(bracket))) return 'notInOneParagraph'
  tr.replaceWith($from.pos, $to.pos, bracket)
  tr.setSelection(TextSelection.create(tr.doc, $from.pos + 2 + text.size))
  return $from.pos
}

function appendAlternative(tr: Transaction, bracketPos: number, proposedBy: Proposer): void {
  const bracket = tr.doc.nodeAt(bracketPos)
  if (!bracket) return
  const end = bracketPos + bracket.nodeSize - 1
  const alternative = tr.doc.type.schema.nodes.bracketAlternative!.create({
    id: crypto.randomUUID(),
    proposedBy,
  })
  tr.insert(end, alternative)
  tr.setSelection(TextSelection.create(tr.doc, end + 1))
}

/** Wraps the blocks at the selection in an `alternatives` choice; returns its position or a reason. */
function optionsInto(tr: Transaction, proposedBy: Proposer): number | BracketNotice {
  const { $from, $to } = tr.selection
  const range = $from.blockRange($to, (node) => node.type.name === 'article')
  if (!range) return 'notInArticle'
  let nested = false
  tr.doc.nodesBetween(range.start, range.end, (node) => {
    if (node.type.name === 'alternatives') nested = true
    return !nested
  })
  if (nested) return 'notInArticle'
  const schema = tr.doc.type.schema
  tr.wrap(range, [
    { type: schema.nodes.alternatives!, attrs: { id: crypto.randomUUID() } },
    { type: schema.nodes.option!, attrs: { id: crypto.randomUUID(), proposedBy } },
  ])
  return range.start
}

function appendOption(tr: Transaction, alternativesPos: number, proposedBy: Proposer): void {
  const block = tr.doc.nodeAt(alternativesPos)
  if (!block) return
  const end = alternativesPos + block.nodeSize - 1
  const schema = tr.doc.type.schema
  const option = schema.nodes.option!.create(
    { id: crypto.randomUUID(), proposedBy },
    schema.nodes.paragraph!.create(),
  )
  tr.insert(end, option)
  tr.setSelection(TextSelection.create(tr.doc, end + 2))
}

function findById(doc: ProseMirrorNode, id: string): { node: ProseMirrorNode; pos: number } | null {
  let found: { node: ProseMirrorNode; pos: number } | null = null
  doc.descendants((node, pos) => {
    if (found) return false
    if ((node.type.name === 'bracket' || node.type.name === 'alternatives') && node.attrs.id === id) {
      found = { node, pos }
      return false
    }
    return true
  })
  return found
}

/**
 * Brackets and alternatives in the editor: the commands, their shortcuts, read-only protection of the other
 * side's alternatives, keyboard behaviour at bracket edges, and fresh ids/proposer on paste.
 */
export const BracketEditing = Extension.create<BracketEditingOptions, BracketEditingStorage>({
  name: 'bracketEditing',

  addOptions() {
    return {
      writer: { delegation: 'AZ', role: 'observer' },
      lockedTitle: () => '',
    }
  },

  addStorage() {
    const listeners = new Set<(notice: BracketNotice) => void>()
    return {
      joint: false,
      listeners,
      notify: (notice: BracketNotice) => {
        for (const listener of listeners) listener(notice)
      },
    }
  },

  addCommands() {
    const writer = this.options.writer
    return {
      bracketSelection: () => (props) => {
        if (bracketAt(props.state.selection.$from, false)) return notify(props, 'notInOneParagraph')
        const result = bracketInto(props.tr, proposer(props, writer))
        if (typeof result !== 'number') return notify(props, result)
        asUndoStep(props.tr)
        return true
      },
      addAlternative: () => (props) => {
        const place = bracketAt(props.state.selection.$from)
        if (place?.kind === 'block') return props.commands.addOption()
        let bracketPos: number
        if (place) {
          bracketPos = place.pos
        } else {
          const result = bracketInto(props.tr, proposer(props, writer))
          if (typeof result !== 'number') return notify(props, result)
          bracketPos = result
        }
        appendAlternative(props.tr, bracketPos, proposer(props, writer))
        asUndoStep(props.tr)
        return true
      },
      withdrawAlternative: () => (props) => {
        const place = bracketAt(props.state.selection.$from, false)
        const alternative = place?.alternative
        if (!place || !alternative || !mayEditAlternative(writer, alternative.node.attrs.proposedBy)) {
          return notify(props, 'nothingToWithdraw')
        }
        const end = place.pos + place.node.nodeSize
        if (place.node.childCount > 1) {
          props.tr.delete(alternative.pos, alternative.pos + alternative.node.nodeSize)
        } else if (place.kind === 'inline' || props.state.doc.resolve(place.pos).parent.childCount > 1) {
          props.tr.delete(place.pos, end)
        } else {
          // The choice was the article's only content; an article keeps at least an empty paragraph.
          props.tr.replaceWith(place.pos, end, props.state.schema.nodes.paragraph!.create())
        }
        asUndoStep(props.tr)
        return true
      },
      wrapInOptions: () => (props) => {
        if (bracketAt(props.state.selection.$from, false)) return notify(props, 'notInArticle')
        const result = optionsInto(props.tr, proposer(props, writer))
        if (typeof result !== 'number') return notify(props, result)
        asUndoStep(props.tr)
        return true
      },
      addOption: () => (props) => {
        const place = bracketAt(props.state.selection.$from, false)
        let blockPos: number
        if (place?.kind === 'block') {
          blockPos = place.pos
        } else if (place) {
          return notify(props, 'notInArticle')
        } else {
          const result = optionsInto(props.tr, proposer(props, writer))
          if (typeof result !== 'number') return notify(props, result)
          blockPos = result
        }
        appendOption(props.tr, blockPos, proposer(props, writer))
        asUndoStep(props.tr)
        return true
      },
      selectBracket:
        (id) =>
        ({ tr, dispatch, view }) => {
          const found = findById(tr.doc, id)
          if (!found) return false
          if (dispatch) {
            tr.setSelection(NodeSelection.create(tr.doc, found.pos)).scrollIntoView()
            queueMicrotask(() => {
              const element = view.nodeDOM(found.pos)
              if (element instanceof HTMLElement) element.scrollIntoView({ block: 'center' })
              view.focus()
            })
          }
          return true
        },
      setJointProposal: (joint) => (props) => {
        props.editor.storage.bracketEditing.joint = joint
        props.tr.setMeta(bracketGuardKey, 'refresh')
        return true
      },
    }
  },

  addKeyboardShortcuts() {
    return {
      'Mod-Alt-b': () => this.editor.commands.bracketSelection(),
      'Mod-Alt-a': () => this.editor.commands.addAlternative(),
      'Mod-Alt-o': () => this.editor.commands.addOption(),
      'Mod-Alt-w': () => this.editor.commands.withdrawAlternative(),
    }
  },

  addProseMirrorPlugins() {
    const writer = () => this.options.writer
    const storage = this.storage
    return [
      bracketGuard({
        writer,
        lockedTitle: this.options.lockedTitle,
        onRefused: (reason) => storage.notify(reason),
      }),
      bracketEdges(writer),
      undoSteps(),
      new Plugin({
        key: new PluginKey('bracketPaste'),
        props: {
          transformPasted: (slice, view) =>
            // A drag that moves a bracket keeps its identity; a copy is a new bracket.
            view.dragging?.move ? slice : freshBracketIds(slice, proposerFor(writer(), storage.joint)),
        },
      }),
    ]
  },
})
