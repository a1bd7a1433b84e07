import { getSchema } from '@tiptap/core'
import * as Y from 'yjs'
import { charterExtensions, safeLinkTarget } from '../../shared/schema/index.ts'

const schema = getSchema(charterExtensions)
const nodeNames = new Set(Object.keys(schema.nodes))
// y-prosemirror stores marks as text formatting attributes named after the mark; `ychange` is its own.
const markNames = new Set([...Object.keys(schema.marks), 'ychange'])
const scriptLike = /^\s*(javascript|vbscript|data):/i

/**
 * Decoding plus checks must finish in this time, or the update is refused as too costly to accept. It runs on
 * the validation worker, which every document shares, so it bounds how long one update can hold up the others'
 * validation; a 2 MB paste took 1–3 s on a 2-core machine under a load average of 12.
 */
export const validationBudgetMs = 10_000

function unsafeValue(value: unknown, depth = 0): boolean {
  if (depth > 20) return true
  // Browsers ignore control characters and spaces inside a URL scheme ("java\tscript:"), so we strip them too.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  if (typeof value === 'string') return scriptLike.test(value.replace(/[\u0000-\u001F\s]/g, ''))
  if (Array.isArray(value)) return value.some((entry) => unsafeValue(entry, depth + 1))
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([key, entry]) => /^on/i.test(key) || unsafeValue(entry, depth + 1))
  }
  return false
}

/**
 * The first, context-free pass over an update before it is stored, whatever path it came by (the editor's
 * paste handling, or raw Yjs from a script): only the schema's node types and marks, links only to
 * http(s)/mailto, no event-handler attributes, no script URLs, no subdocuments. Whether the update applies to
 * the document and leaves it valid by the schema is checked next, against the document's shadow copy
 * (validation/DocumentShadow.ts). Returns the reason for refusing it, or null if it is acceptable.
 */
export function validateDocumentUpdate(update: Uint8Array): string | null {
  const started = performance.now()
  let structs: ReturnType<typeof Y.decodeUpdate>['structs']
  try {
    structs = Y.decodeUpdate(update).structs
  } catch {
    return 'malformed update'
  }
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    const { content } = struct
    if (content instanceof Y.ContentDoc) return 'subdocuments are not allowed'
    if (content instanceof Y.ContentType) {
      const { type } = content
      if (type instanceof Y.XmlHook) return 'XML hooks are not allowed'
      if (type instanceof Y.XmlElement && !nodeNames.has(type.nodeName))
        return `unknown node type "${type.nodeName}"`
    }
    if (content instanceof Y.ContentFormat) {
      if (!markNames.has(content.key)) return `unknown mark "${content.key}"`
      if (content.key === 'link' && content.value !== null) {
        const href = (content.value as { href?: unknown }).href
        if (safeLinkTarget(href) === null) return 'link to a disallowed address'
      }
      if (unsafeValue(content.value)) return 'unsafe mark attribute'
    }
    if (struct.parentSub !== null && /^on/i.test(struct.parentSub))
      return 'event-handler attributes are not allowed'
    if (
      (content instanceof Y.ContentAny || content instanceof Y.ContentEmbed) &&
      unsafeValue(content.getContent())
    ) {
      return 'unsafe attribute value'
    }
    if (performance.now() - started > validationBudgetMs) return 'update too costly to validate'
  }
  if (performance.now() - started > validationBudgetMs) return 'update too costly to validate'
  return null
}
