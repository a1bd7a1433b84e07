/**
 * Backslash-escapes the characters that Markdown reads as inline syntax wherever they stand (CommonMark
 * allows escaping any ASCII punctuation), so hostile text can open neither HTML (`<`), links, emphasis,
 * code, entities nor table cells. Line-start syntax is handled by `protectLineStarts`.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>~&|]/g, '\\$&')
}
