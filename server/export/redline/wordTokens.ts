/** Splits text into words, whitespace and single punctuation marks, so a changed comma is shown alone. */
export function wordTokens(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}\p{M}_]+|[^\s\p{L}\p{N}\p{M}_]/gu) ?? []
}
