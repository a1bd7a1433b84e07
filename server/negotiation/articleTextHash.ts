import { createHash } from 'node:crypto'
import type { JSONContent } from '@tiptap/core'

/** SHA-256 of an article's content (not its attributes): what a confirmation or an initialling refers to. */
export function articleTextHash(article: JSONContent): string {
  return createHash('sha256')
    .update(JSON.stringify(article.content ?? []))
    .digest('hex')
}
