import { getSchema, type JSONContent } from '@tiptap/core'
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { charterExtensions, documentField } from '../../shared/schema/index.ts'

const schema = getSchema(charterExtensions)

/** The bracket to clean is not in the text (any more), or the chosen alternative is not in it. */
export class BracketNotInText extends Error {}

/**
 * Replaces bracket `bracketId` in the document by what cleaning it leaves: for an inline bracket the chosen
 * alternative's text, marks kept, as plain text of its paragraph; for a block choice the chosen option's
 * blocks; with no choice, nothing. The new text is diffed into the live fragment (as restore does), so the rest
 * of the document, and anchors in it, stay as they are. Throws BracketNotInText if there is nothing to clean.
 */
export function cleanBracket(ydoc: Y.Doc, bracketId: string, choice: string | null): void {
  const fragment = ydoc.getXmlFragment(documentField)
  const current = yXmlFragmentToProseMirrorRootNode(fragment, schema).toJSON() as JSONContent
  let found = false
  const replace = (nodes: JSONContent[] | undefined): JSONContent[] | undefined => {
    if (!nodes) return nodes
    return nodes.flatMap((node): JSONContent[] => {
      const isBracket = node.type === 'bracket' || node.type === 'alternatives'
      if (!isBracket || node.attrs?.id !== bracketId) return [{ ...node, content: replace(node.content) }]
      found = true
      if (choice === null) return []
      const chosen = node.content?.find((alternative) => alternative.attrs?.id === choice)
      if (!chosen) throw new BracketNotInText(`alternative ${choice} is not in bracket ${bracketId}`)
      return chosen.content ?? []
    })
  }
  const cleaned = { ...current, content: replace(current.content) }
  if (!found) throw new BracketNotInText(`bracket ${bracketId} is not in the text`)
  fillEmptied(cleaned)
  const node = schema.nodeFromJSON(cleaned)
  node.check()
  updateYFragment(ydoc, fragment, node, { mapping: new Map(), isOMark: new Map() })
}

/** Dropping a block choice can leave its article with no content, which the schema forbids: an empty paragraph. */
function fillEmptied(node: JSONContent): void {
  for (const child of node.content ?? []) fillEmptied(child)
  if (node.type === 'article' && (node.content?.length ?? 0) === 0) node.content = [{ type: 'paragraph' }]
}
