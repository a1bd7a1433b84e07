import type { JSONContent } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'

/**
 * The current number of every article, by clause id: articles are numbered 1, 2, 3… in document order across
 * all sections, exactly as the editor's CSS counter and the exporters count them. An article without a clause id
 * still takes its number (it shifts the ones after it) but cannot be referenced; if two articles carry the same
 * id (a paste, before the editor repairs it), the first in document order owns it, as the editor decides.
 * A clause id missing from the map is a deleted article: a cross-reference to it renders as broken.
 *
 * Takes a ProseMirror document (editor) or its JSON (server, exports) and walks it without recursion, so a
 * hostile, deeply nested JSON cannot overflow the stack.
 */
export function articleNumbers(doc: ProseMirrorNode | JSONContent): Map<string, number> {
  const numbers = new Map<string, number>()
  let count = 0
  const visit = (type: string, clauseId: unknown) => {
    if (type !== 'article') return
    count += 1
    if (typeof clauseId === 'string' && clauseId !== '' && !numbers.has(clauseId))
      numbers.set(clauseId, count)
  }
  if (isProseMirrorNode(doc)) {
    doc.descendants((node) => {
      visit(node.type.name, node.attrs.clauseId)
      // Inline content never holds an article; skipping it keeps a long document cheap to renumber.
      return !node.isTextblock
    })
    return numbers
  }
  const stack: JSONContent[] = [...(doc.content ?? [])].reverse()
  while (stack.length > 0) {
    const node = stack.pop()
    if (typeof node !== 'object' || node === null) continue
    visit(typeof node.type === 'string' ? node.type : '', node.attrs?.clauseId)
    if (Array.isArray(node.content))
      for (let i = node.content.length - 1; i >= 0; i--) stack.push(node.content[i]!)
  }
  return numbers
}

function isProseMirrorNode(doc: ProseMirrorNode | JSONContent): doc is ProseMirrorNode {
  return typeof (doc as ProseMirrorNode).descendants === 'function'
}
