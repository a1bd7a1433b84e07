/**
 * The one link policy: which addresses a link in a charter may point to. The editor offers only these, the
 * server stores only these, and the exporters render only these: http, https and mailto. Relative, fragment,
 * `javascript:`, `data:` and every other scheme are refused.
 */
export const linkSchemes = ['http', 'https', 'mailto'] as const

const allowedScheme = /^(https?:|mailto:)/i
const maxLinkLength = 2048

/**
 * The normalised link target if the policy allows it, otherwise null. Browsers ignore whitespace and control
 * characters inside a scheme ("java\tscript:"), so those are removed before the scheme is checked.
 */
export function safeLinkTarget(value: unknown): string | null {
  if (typeof value !== 'string') return null
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const href = value.replace(/[\u0000-\u001F\u007F-\u009F]/g, '').trim()
  if (!allowedScheme.test(href) || href.length > maxLinkLength) return null
  try {
    const url = new URL(href)
    return linkSchemes.some((scheme) => url.protocol === `${scheme}:`) ? url.href : null
  } catch {
    return null
  }
}
