import { Fragment, type Mark, type MarkType, type Node as ProseMirrorNode } from '@tiptap/pm/model'
import { type EditorState, TextSelection, type Transaction } from '@tiptap/pm/state'
import { AddMarkStep, Mapping, RemoveMarkStep, ReplaceStep } from '@tiptap/pm/transform'
import { isOwn, suggestionMeta } from './dropForeignSuggestions.ts'
import type { SuggestionAuthor } from './SuggestionAuthor.ts'

/** Why a change cannot be made as a suggestion (the editor says so instead of making it). */
export type SuggestionRefusal = 'suggestStructure' | 'suggestForeign' | 'suggestFormatting'

/** The attributes of a suggestion mark, as the server expects them (see shared/suggestions/SuggestionMark.ts). */
export interface SuggestionAttributes {
  id: string
  by: string
  name: string
  delegation: string
  at: string
}

function attributesOf(author: SuggestionAuthor, now: Date): SuggestionAttributes {
  return {
    id: crypto.randomUUID(),
    by: author.accountId,
    name: author.name,
    delegation: author.delegation,
    at: now.toISOString(),
  }
}

function withoutSuggestions(marks: readonly Mark[], types: MarkType[]): readonly Mark[] {
  return marks.filter((mark) => !types.includes(mark.type))
}

/** True if every character between `from` and `to` is the author's own suggested insertion. */
function onlyOwnInsertions(
  doc: ProseMirrorNode,
  from: number,
  to: number,
  author: SuggestionAuthor,
): boolean {
  let own = true
  doc.nodesBetween(from, to, (node) => {
    if (node.isText && !isOwn(node.type.schema.marks.insertion?.isInSet(node.marks), author)) own = false
    return own
  })
  return own
}

/** The attributes of the author's own suggested paragraph (typing in it continues that suggestion), or null. */
function ownBlockSuggestion(node: ProseMirrorNode, author: SuggestionAuthor): SuggestionAttributes | null {
  const value = node.attrs.suggestion as (SuggestionAttributes & { kind?: string }) | null | undefined
  if (value?.kind !== 'insertion' || value.by !== author.accountId || value.delegation !== author.delegation)
    return null
  const { kind: _kind, ...attributes } = value
  return attributes
}

/** A step that splits a paragraph at its very end (Enter there): nothing is deleted and no text moves. */
function isSplitAtEnd(doc: ProseMirrorNode, step: ReplaceStep, at: number): boolean {
  const { slice } = step
  if (step.from !== step.to || slice.openStart !== 1 || slice.openEnd !== 1 || slice.content.childCount !== 2)
    return false
  let empty = true
  slice.content.forEach((node) => {
    if (node.type.name !== 'paragraph' || node.content.size > 0) empty = false
  })
  const $at = doc.resolve(at)
  return empty && $at.parent.type.name === 'paragraph' && $at.parentOffset === $at.parent.content.size
}

interface Segment {
  from: number
  to: number
  node: ProseMirrorNode
}

/**
 * Rewrites a local transaction into the same change as a suggestion (track changes), for the Suggesting mode:
 * deleted text stays, marked as the author's deletion (the author's own suggested insertions are really
 * deleted: that is editing one's own suggestion); inserted text carries the author's insertion mark (reusing the
 * id of the author's suggestion it continues, or of the deletion it replaces, so "shall → should" is one
 * suggestion). Marks copied from someone else's suggestion are dropped. Only changes inside one paragraph (or
 * one alternative) can be suggestions for now, and formatting only inside one's own insertions: anything else is
 * refused, with the reason.
 */
export function suggestTransaction(
  state: EditorState,
  tr: Transaction,
  author: SuggestionAuthor,
  now: Date = new Date(),
): Transaction | SuggestionRefusal {
  const { insertion, deletion } = state.schema.marks
  if (!insertion || !deletion) return 'suggestStructure'
  const suggestionTypes = [insertion, deletion]
  const out = state.tr
  let shared: SuggestionAttributes | null = null
  let caret: number | null = null
  for (const [index, step] of tr.steps.entries()) {
    // Positions of this step are in tr.docs[index]: back to the state's document, then onto what `out` did.
    // (A fresh Mapping: `Mapping.slice(…).invert()` would invert every map, not only the slice's.)
    const back = new Mapping(tr.mapping.maps.slice(0, index)).invert()
    const toOut = (pos: number, assoc: number) => out.mapping.map(back.map(pos, assoc), assoc)
    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) {
      const from = toOut(step.from, 1)
      const to = toOut(step.to, -1)
      if (suggestionTypes.includes(step.mark.type) || !onlyOwnInsertions(out.doc, from, to, author))
        return 'suggestFormatting'
      if (step instanceof AddMarkStep) out.addMark(from, to, step.mark)
      else out.removeMark(from, to, step.mark)
      continue
    }
    if (step instanceof ReplaceStep && isSplitAtEnd(out.doc, step, toOut(step.from, 1))) {
      // Enter at the end of a paragraph: the new paragraph is the author's suggestion (a node attribute).
      const at = toOut(step.from, 1)
      shared ??= attributesOf(author, now)
      out.split(at)
      const paragraph = out.doc.nodeAt(at + 1)
      if (paragraph)
        out.setNodeMarkup(at + 1, undefined, {
          ...paragraph.attrs,
          suggestion: { ...shared, kind: 'insertion' },
        })
      caret = at + 2
      continue
    }
    if (!(step instanceof ReplaceStep) || step.slice.openStart > 0 || step.slice.openEnd > 0)
      return 'suggestStructure'
    let inline = true
    step.slice.content.forEach((node) => {
      if (!node.isInline) inline = false
    })
    if (!inline) return 'suggestStructure'
    const from = toOut(step.from, 1)
    const to = Math.max(from, toOut(step.to, -1))
    const $from = out.doc.resolve(from)
    if (!$from.sameParent(out.doc.resolve(to)) || !$from.parent.inlineContent) return 'suggestStructure'

    const segments: Segment[] = []
    let structural = false
    out.doc.nodesBetween(from, to, (node, pos) => {
      if (node.isText) {
        const start = Math.max(pos, from)
        const end = Math.min(pos + node.nodeSize, to)
        // A pure insertion visits the text around the caret; only what the step deletes is a segment.
        if (start < end) segments.push({ from: start, to: end, node })
      } else if (node !== $from.parent && pos >= from) structural = true
      return node === $from.parent || !node.isInline
    })
    if (structural) return 'suggestStructure'
    const stepStart = out.steps.length
    let marked = false
    // Backspace after one's own deletion continues it: one suggestion, not one per keystroke.
    const adjacentDeletion = [out.doc.resolve(from).nodeBefore, out.doc.resolve(to).nodeAfter]
      .map((node) => (node ? deletion.isInSet(node.marks) : undefined))
      .find((mark) => isOwn(mark, author))
    for (const segment of [...segments].reverse()) {
      const inserted = insertion.isInSet(segment.node.marks)
      if (inserted) {
        if (!isOwn(inserted, author)) return 'suggestForeign'
        out.delete(segment.from, segment.to)
      } else if (!deletion.isInSet(segment.node.marks)) {
        shared ??= adjacentDeletion
          ? (adjacentDeletion.attrs as SuggestionAttributes)
          : attributesOf(author, now)
        out.addMark(segment.from, segment.to, deletion.create(shared))
        marked = true
      }
    }
    const end = out.mapping.slice(stepStart).map(to, -1)
    if (step.slice.size > 0) {
      const before = out.doc.resolve(end).nodeBefore
      const continued = before ? insertion.isInSet(before.marks) : undefined
      const block = ownBlockSuggestion(out.doc.resolve(end).parent, author)
      const attributes: SuggestionAttributes = isOwn(continued, author)
        ? (continued.attrs as SuggestionAttributes)
        : marked && shared
          ? shared
          : (block ?? attributesOf(author, now))
      shared ??= attributes
      const mark = insertion.create(attributes)
      const nodes: ProseMirrorNode[] = []
      step.slice.content.forEach((node) => {
        nodes.push(node.mark(mark.addToSet(withoutSuggestions(node.marks, suggestionTypes))))
      })
      const content = Fragment.from(nodes)
      out.insert(end, content)
      caret = end + content.size
    } else {
      // Backspace leaves the caret before what it marked; Delete (and a deleted selection) after it.
      const backwards = state.selection.empty && state.selection.head >= back.map(step.to, -1)
      caret = backwards ? out.mapping.slice(stepStart).map(from, -1) : end
    }
  }
  if (caret !== null) out.setSelection(TextSelection.create(out.doc, caret))
  else if (tr.selectionSet) out.setSelection(tr.selection.map(out.doc, out.mapping))
  if (tr.storedMarksSet) out.setStoredMarks(tr.storedMarks)
  if (tr.scrolledIntoView) out.scrollIntoView()
  for (const key of ['uiEvent', 'paste', 'addToHistory']) {
    const value = tr.getMeta(key)
    if (value !== undefined) out.setMeta(key, value)
  }
  return out.setMeta(suggestionMeta, true)
}
