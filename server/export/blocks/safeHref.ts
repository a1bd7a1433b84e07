const allowedScheme = /^(https?:|mailto:)/i

/**
 * Returns the link target if it is http(s) or mailto, otherwise null. Browsers ignore whitespace and control
 * characters inside a scheme ("java\tscript:"), so those are removed before the scheme is checked.
 */
export function safeHref(value: unknown): string | null {
  if (typeof value !== 'string') return null
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const href = value.replace(/[\u0000-\u001F\u007F-\u009F]/g, '').trim()
  if (!allowedScheme.test(href) || href.length > 2048) return null
  try {
    const url = new URL(href)
    if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'mailto:') return null
    return url.href
  } catch {
    return null
  }
}
