// Control characters and lone surrogates are not allowed in XML (DOCX would not open) and have no
// business in a printed charter; tabs and line feeds become plain spaces. U+E000 and U+E001 are the
// exporter's own superscript marks (superscriptMarks), so the text may not bring its own.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uE000\uE001\uFFFE\uFFFF]/g
const whitespaceControls = /[\t\n\r]/g
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Makes untrusted text safe to place in any export format (escaping is still each format's job). */
export function sanitizeText(value: unknown): string {
  if (typeof value !== 'string') return ''
  return value.replace(whitespaceControls, ' ').replace(forbidden, '').replace(loneSurrogate, '\uFFFD')
}
