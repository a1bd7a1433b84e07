/** The `@name` being typed: where its `@` is and the text typed after it so far. */
export interface MentionQuery {
  start: number
  query: string
}

/**
 * The mention being typed just before `caret` in `text`, if any: an `@` that starts a word (so e-mail addresses
 * do not count), followed by at most three words on the same line (names have spaces: "@Aysel Karimova").
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret)
  const start = before.lastIndexOf('@')
  if (start === -1 || /[\p{L}\p{N}]/u.test(before.charAt(start - 1))) return null
  const query = before.slice(start + 1)
  if (query.length > 60 || query.includes('\n') || query.split(' ').length > 3) return null
  return { start, query }
}
