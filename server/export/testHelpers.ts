import { expect } from 'vitest'

// Assertions shared by the exporter tests; not used by production code.

const allowedTags = new Set([
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'header',
  'main',
  'footer',
  'section',
  'div',
  'span',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'p',
  'br',
  'strong',
  'em',
  'u',
  's',
  'a',
  'blockquote',
  'code',
  'ins',
  'del',
])

/** Every tag in the page is one the exporter writes, with no event handler and no non-http(s)/mailto link. */
export function expectSafeHtml(html: string): void {
  expect(html).not.toMatch(/<script/i)
  expect(html).not.toMatch(/<img/i)
  expect(html).not.toMatch(/javascript:/i)
  for (const match of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const [, name = '', attributes = ''] = match
    expect(allowedTags, `unexpected tag <${name}>`).toContain(name.toLowerCase())
    expect(attributes, `event handler in ${match[0]}`).not.toMatch(/\son\w+\s*=/i)
    for (const href of attributes.matchAll(/href="([^"]*)"/g)) expect(href[1]).toMatch(/^(https?:|mailto:)/)
  }
}
