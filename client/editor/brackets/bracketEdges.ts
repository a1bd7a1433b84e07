import type { Node as ProseMirrorNode, ResolvedPos } from '@tiptap/pm/model'
import { type EditorState, NodeSelection, Plugin, PluginKey, TextSelection } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import { type BracketWriter, mayEditAlternative } from './BracketWriter.ts'
import { asUndoStep } from './undoStep.ts'

export const bracketEdgesKey = new PluginKey('bracketEdges')

/** Interior start/end positions of the alternatives this writer may type in, in document order. */
function stops(bracket: ProseMirrorNode, bracketPos: number, writer: BracketWriter): [number, number][] {
  const result: [number, number][] = []
  bracket.forEach((alternative, offset) => {
    if (!mayEditAlternative(writer, alternative.attrs.proposedBy)) return
    const start = bracketPos + 1 + offset + 1
    result.push([start, start + alternative.content.size])
  })
  return result
}

/** Where a collapsed caret sits relative to an inline bracket: the thing every edge key decides on. */
type Edge =
  | { at: 'before' | 'after'; bracket: ProseMirrorNode; pos: number }
  | { at: 'start' | 'end' | 'between'; bracket: ProseMirrorNode; pos: number; index: number; empty: boolean }

function edgeAt($pos: ResolvedPos): Edge | null {
  const parent = $pos.parent
  if (parent.type.name === 'bracketAlternative') {
    const bracketPos = $pos.before($pos.depth - 1)
    const bracket = $pos.node($pos.depth - 1)
    const index = $pos.index($pos.depth - 1)
    const empty = parent.content.size === 0
    if ($pos.parentOffset === 0) return { at: 'start', bracket, pos: bracketPos, index, empty }
    if ($pos.parentOffset === parent.content.size)
      return { at: 'end', bracket, pos: bracketPos, index, empty }
    return null
  }
  if (parent.type.name === 'bracket') {
    // Between two alternatives (or at the bracket's inner edge): a position the DOM cannot show.
    return { at: 'between', bracket: parent, pos: $pos.before(), index: $pos.index(), empty: false }
  }
  if ($pos.nodeAfter?.type.name === 'bracket') return { at: 'before', bracket: $pos.nodeAfter, pos: $pos.pos }
  if ($pos.nodeBefore?.type.name === 'bracket') {
    return { at: 'after', bracket: $pos.nodeBefore, pos: $pos.pos - $pos.nodeBefore.nodeSize }
  }
  return null
}

function moveTo(view: EditorView, pos: number): boolean {
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos)).scrollIntoView())
  return true
}

function selectBracket(view: EditorView, pos: number): boolean {
  view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, pos)).scrollIntoView())
  return true
}

/** One press moves across one edge: outside → first alternative → next alternative → outside. */
function arrow(view: EditorView, direction: 1 | -1, writer: BracketWriter): boolean {
  const { selection } = view.state
  if (selection instanceof NodeSelection && selection.node.type.name === 'bracket') {
    return moveTo(view, direction > 0 ? selection.to : selection.from)
  }
  if (!(selection instanceof TextSelection) || !selection.empty) return false
  const edge = edgeAt(selection.$head)
  if (!edge) return stopBesideBracket(view, direction)
  const bracketEnd = edge.pos + edge.bracket.nodeSize
  const inner = stops(edge.bracket, edge.pos, writer)
  const head = selection.head
  if (direction > 0) {
    if (edge.at === 'before') return moveTo(view, inner[0]?.[0] ?? bracketEnd)
    if (edge.at === 'end' || edge.at === 'between' || (edge.at === 'start' && edge.empty)) {
      const next = inner.find(([start]) => start > head)
      return moveTo(view, next?.[0] ?? bracketEnd)
    }
    return false
  }
  if (edge.at === 'after') return moveTo(view, inner.at(-1)?.[1] ?? edge.pos)
  if (edge.at === 'start' || edge.at === 'between') {
    const previous = [...inner].reverse().find(([, end]) => end < head)
    return moveTo(view, previous?.[1] ?? edge.pos)
  }
  return false
}

/**
 * One character away from a bracket, the browser's own move would jump straight into it (the DOM has no caret
 * position between the character and the bracket's first glyph); stop beside the bracket instead.
 */
function stopBesideBracket(view: EditorView, direction: 1 | -1): boolean {
  const { $head } = view.state.selection
  const target = $head.pos + direction
  if (target < $head.start() || target > $head.end()) return false
  const $target = view.state.doc.resolve(target)
  if ($target.parent !== $head.parent) return false
  const beside = direction > 0 ? $target.nodeAfter : $target.nodeBefore
  return beside?.type.name === 'bracket' ? moveTo(view, target) : false
}

/**
 * Backspace/Delete at an edge never merges an alternative into its neighbour or into the sentence: the first press
 * selects the whole bracket, a second one deletes it (if it holds only this writer's alternatives). An empty
 * alternative of one's own is simply removed, so "Add alternative" is undone by one Backspace.
 */
function erase(view: EditorView, direction: 1 | -1, writer: BracketWriter): boolean {
  const { selection } = view.state
  if (selection instanceof NodeSelection && selection.node.type.name === 'bracket') {
    // The second press: deleting the selected bracket is one undo step (the guard refuses it if it is not mine).
    view.dispatch(asUndoStep(view.state.tr.deleteSelection()).scrollIntoView())
    return true
  }
  if (!(selection instanceof TextSelection) || !selection.empty) return false
  const edge = edgeAt(selection.$head)
  if (!edge) return false
  if ((edge.at === 'start' || edge.at === 'end') && edge.empty) {
    const alternative = edge.bracket.child(edge.index)
    if (mayEditAlternative(writer, alternative.attrs.proposedBy)) {
      const tr = view.state.tr
      if (edge.bracket.childCount === 1) {
        tr.delete(edge.pos, edge.pos + edge.bracket.nodeSize)
      } else {
        const from = selection.head - 1
        tr.delete(from, from + alternative.nodeSize)
        // Back to the end of the previous alternative (or the start of the next one).
        const target = edge.index > 0 ? from - 1 : from + 1
        tr.setSelection(TextSelection.create(tr.doc, target))
      }
      view.dispatch(asUndoStep(tr).scrollIntoView())
      return true
    }
  }
  const towardsBracket =
    direction < 0
      ? edge.at === 'after' || edge.at === 'start' || edge.at === 'between'
      : edge.at === 'before' || edge.at === 'end' || edge.at === 'between'
  return towardsBracket ? selectBracket(view, edge.pos) : false
}

/** Typed text at an edge goes where the caret is in the model, not where the browser's DOM caret happens to be. */
function insertAtEdge(view: EditorView, text: string): boolean {
  const { selection } = view.state
  if (!selection.empty || !(selection instanceof TextSelection)) return false
  const edge = edgeAt(selection.$head)
  if (!edge) return false
  let pos = selection.head
  // A position between alternatives cannot hold text; type after the bracket instead.
  if (edge.at === 'between') pos = edge.pos + edge.bracket.nodeSize
  const tr = view.state.tr.insertText(text, pos, pos)
  view.dispatch(tr.scrollIntoView())
  return true
}

/** Caret placement a browser cannot show (between two alternatives) is moved to the nearest real one. */
function normalise(state: EditorState): TextSelection | null {
  const { selection } = state
  if (!(selection instanceof TextSelection) || !selection.empty) return null
  const $head = selection.$head
  if ($head.parent.type.name !== 'bracket') return null
  const after = $head.nodeAfter
  if (after) return TextSelection.create(state.doc, $head.pos + 1)
  return TextSelection.create(state.doc, $head.pos - 1)
}

function needsAnchor($head: ResolvedPos): boolean {
  if ($head.parent.type.name === 'bracketAlternative') return $head.parent.content.size === 0
  if ($head.nodeBefore?.type.name === 'bracket') return true
  return $head.nodeAfter?.type.name === 'bracket' && !$head.nodeBefore?.isText
}

function emptyAlternativeAnchor(): HTMLElement {
  const anchor = document.createElement('img')
  anchor.className = 'ProseMirror-separator empty-alternative-anchor'
  anchor.alt = ''
  return anchor
}

/** Keyboard and input behaviour at the edges of inline brackets. */
export function bracketEdges(writer: () => BracketWriter): Plugin {
  return new Plugin({
    key: bracketEdgesKey,
    appendTransaction(transactions, _old, state) {
      if (!transactions.some((tr) => tr.selectionSet || tr.docChanged)) return null
      const normalised = normalise(state)
      return normalised ? state.tr.setSelection(normalised) : null
    },
    props: {
      decorations(state) {
        // Chrome has no caret position of its own in an empty inline element or right after one: it moves the
        // DOM caret to the end of the alternative's text, where an IME would then compose (typed keys are
        // redirected in `beforeinput`, compositions cannot be). A zero-size separator (the element ProseMirror
        // itself uses at the end of textblocks) gives the caret a position of its own there.
        const { selection } = state
        if (!selection.empty || !needsAnchor(selection.$head)) return null
        return DecorationSet.create(state.doc, [
          Decoration.widget(selection.head, emptyAlternativeAnchor, { side: -1, key: 'empty-alternative' }),
        ])
      },
      handleKeyDown(view, event) {
        if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.isComposing)
          return false
        switch (event.key) {
          case 'ArrowRight':
            return arrow(view, 1, writer())
          case 'ArrowLeft':
            return arrow(view, -1, writer())
          case 'Backspace':
            return erase(view, -1, writer())
          case 'Delete':
            return erase(view, 1, writer())
          case 'Enter': {
            // A paragraph cannot break inside a bracket; swallow rather than split the sentence around it.
            const { $from } = view.state.selection
            return $from.parent.type.name === 'bracketAlternative' || $from.parent.type.name === 'bracket'
          }
          default:
            return false
        }
      },
      handleDOMEvents: {
        beforeinput(view, event) {
          if (event.inputType !== 'insertText' || !event.data || event.isComposing) return false
          if (!insertAtEdge(view, event.data)) return false
          event.preventDefault()
          return true
        },
      },
    },
  })
}
