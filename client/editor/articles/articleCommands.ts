import type { Editor } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { type EditorState, TextSelection } from '@tiptap/pm/state'
import type { AreaId } from '../../../shared/schema/index.ts'
import { type ArticleMove, articleDestination } from './articleDestination.ts'
import { findArticle } from './findArticle.ts'
import { moveArticle } from './moveArticle.ts'

/**
 * A structural command on articles. With `run` false it only answers whether it applies here (for disabled
 * toolbar buttons and palette entries); with `run` true it changes the document and reports success.
 */
export type ArticleCommand = (editor: Editor, run?: boolean) => boolean

function newArticle(state: EditorState, content?: ProseMirrorNode[]): ProseMirrorNode {
  const { article, paragraph } = state.schema.nodes
  return article!.create({ clauseId: crypto.randomUUID() }, content ?? paragraph!.create())
}

/**
 * Where a new article goes when the caret is not in one: beside the caret's block in its section, never
 * before a section's heading, never in the preamble (preambular paragraphs are not numbered articles).
 */
function insertionPoint(state: EditorState, where: 'before' | 'after'): number | null {
  const { $from } = state.selection
  const article = findArticle($from)
  if (article) return where === 'before' ? article.pos : article.pos + article.node.nodeSize
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth)
    if (node.type.name !== 'charterSection') continue
    if (node.attrs.area === 'preamble' || depth === $from.depth) return null
    const index = $from.index(depth)
    const after = where === 'after' || index === 0
    return $from.posAtIndex(after ? index + 1 : index, depth)
  }
  return null
}

function insert(where: 'before' | 'after'): ArticleCommand {
  return (editor, run = true) => {
    const { state } = editor
    const point = insertionPoint(state, where)
    if (point === null) return false
    if (!run) return true
    const tr = state.tr.insert(point, newArticle(state))
    tr.setSelection(TextSelection.create(tr.doc, point + 2)).scrollIntoView()
    editor.view.dispatch(tr)
    return true
  }
}

function move(to: ArticleMove): ArticleCommand {
  return (editor, run = true) => {
    const article = findArticle(editor.state.selection.$from)
    if (!article) return false
    const destination = articleDestination(editor.state.doc, article.pos, to)
    if (destination === null) return false
    return run ? moveArticle(editor.view, article.pos, destination) : true
  }
}

const remove: ArticleCommand = (editor, run = true) => {
  const article = findArticle(editor.state.selection.$from)
  if (!article) return false
  if (!run) return true
  const tr = editor.state.tr.delete(article.pos, article.pos + article.node.nodeSize)
  const $near = tr.doc.resolve(Math.min(article.pos, tr.doc.content.size))
  tr.setSelection(TextSelection.near($near, -1)).scrollIntoView()
  editor.view.dispatch(tr)
  return true
}

/**
 * Splits the article before the caret's block: that block and everything after it become a new article.
 * Inside a paragraph with text before the caret, the paragraph is split at the caret first, so "split here"
 * means what it says.
 */
const split: ArticleCommand = (editor, run = true) => {
  const { state } = editor
  const { $from, empty } = state.selection
  const article = findArticle($from)
  if (!article || !empty) return false
  const childIndex = $from.index(article.depth)
  const inParagraph = $from.depth === article.depth + 1 && $from.parent.isTextblock
  const midParagraph = inParagraph && $from.parentOffset > 0 && $from.parentOffset < $from.parent.content.size
  const atParagraphEnd =
    inParagraph && $from.parentOffset > 0 && $from.parentOffset === $from.parent.content.size
  const lastChild = childIndex === article.node.childCount - 1
  if (!midParagraph && childIndex === 0 && !(atParagraphEnd && !lastChild)) return false
  if (atParagraphEnd && lastChild) return false
  if (!run) return true
  const tr = state.tr
  const typesAfter = [{ type: state.schema.nodes.article!, attrs: { clauseId: crypto.randomUUID() } }]
  if (midParagraph) {
    tr.split($from.pos, 2, [...typesAfter, { type: $from.parent.type, attrs: $from.parent.attrs }])
  } else {
    // At the end of a paragraph the next block starts the new article; otherwise the caret's block does.
    const boundary = $from.posAtIndex(atParagraphEnd ? childIndex + 1 : childIndex, article.depth)
    tr.split(boundary, 1, typesAfter)
  }
  // The caret maps with the split, onto the new article's first block.
  editor.view.dispatch(tr.scrollIntoView())
  return true
}

/** The next article in numbering order, wherever it is (the next section's first article, at a section's end). */
function nextArticle(doc: ProseMirrorNode, after: number): { node: ProseMirrorNode; pos: number } | null {
  let found: { node: ProseMirrorNode; pos: number } | null = null
  doc.nodesBetween(after, doc.content.size, (node, pos) => {
    if (found) return false
    if (node.type.name === 'article' && pos >= after) {
      found = { node, pos }
      return false
    }
    return !node.isTextblock
  })
  return found
}

/** Appends the next article's text to this one and removes it; the merged article keeps this one's clause id. */
const merge: ArticleCommand = (editor, run = true) => {
  const { state } = editor
  const article = findArticle(state.selection.$from)
  if (!article) return false
  const end = article.pos + article.node.nodeSize
  const next = nextArticle(state.doc, end)
  if (!next) return false
  if (!run) return true
  const tr = state.tr
  tr.delete(next.pos, next.pos + next.node.nodeSize)
  tr.insert(end - 1, next.node.content)
  editor.view.dispatch(tr.scrollIntoView())
  return true
}

/**
 * Enter on an empty paragraph that ends an article starts the next article, as Enter on an empty list item
 * ends the item; Enter in an article that holds nothing but that empty paragraph leaves the article structure
 * (the article becomes a plain paragraph of its section), as Enter on an empty list item leaves the list.
 */
const enter: ArticleCommand = (editor, run = true) => {
  const { state } = editor
  const { $from, empty } = state.selection
  if (!empty || $from.parent.type.name !== 'paragraph' || $from.parent.content.size > 0) return false
  const article = findArticle($from)
  if (!article || $from.depth !== article.depth + 1) return false
  if ($from.index(article.depth) !== article.node.childCount - 1) return false
  if (article.depth === 1 && article.parent.type.name === 'doc') return false
  if (!run) return true
  const tr = state.tr
  if (article.node.childCount === 1) {
    tr.replaceWith(article.pos, article.pos + article.node.nodeSize, state.schema.nodes.paragraph!.create())
    tr.setSelection(TextSelection.create(tr.doc, article.pos + 1))
  } else {
    const paragraphPos = $from.before()
    tr.delete(paragraphPos, paragraphPos + $from.parent.nodeSize)
    const point = tr.mapping.map(article.pos + article.node.nodeSize)
    tr.insert(point, newArticle(state))
    tr.setSelection(TextSelection.create(tr.doc, point + 2))
  }
  editor.view.dispatch(tr.scrollIntoView())
  return true
}

/** Inserts "Article N" pointing at a clause, at the caret. */
function insertReference(clauseId: string): ArticleCommand {
  return (editor, run = true) => {
    const { state } = editor
    const type = state.schema.nodes.crossReference!
    const { $from } = state.selection
    if (!$from.parent.canReplaceWith($from.index(), $from.index(), type)) return false
    if (!run) return true
    const tr = state.tr.replaceSelectionWith(type.create({ clauseId }), false)
    editor.view.dispatch(tr.scrollIntoView())
    editor.view.focus()
    return true
  }
}

export const articleCommands = {
  insertBefore: insert('before'),
  insertAfter: insert('after'),
  moveUp: move({ direction: 'up' }),
  moveDown: move({ direction: 'down' }),
  moveToArea: (area: AreaId) => move({ area }),
  remove,
  split,
  merge,
  enter,
  insertReference,
}
