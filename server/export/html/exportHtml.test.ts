import { describe, expect, it } from 'vitest'
import { expectSafeHtml } from '../../../test/fixtures/export/expectSafeHtml.ts'
import {
  azerbaijaniNames,
  contentHash,
  cyrillicTitle,
  hostileText,
  meta,
  negotiationDoc,
  richDoc,
  templateAreas,
  templateDoc,
  threads,
} from '../../../test/fixtures/export/exportFixtures.ts'
import type { MarkupElement } from '../../../test/fixtures/export/MarkupElement.ts'
import { exportHtml } from './exportHtml.ts'

const hasClass = (name: string, className: string) => (element: MarkupElement) =>
  element.name === name && element.classes.includes(className)

describe('exportHtml', () => {
  it('writes a standalone page with header, footer, sections, articles and signatures', () => {
    const html = exportHtml({ doc: templateDoc(), meta })
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    const page = expectSafeHtml(html)
    expect(page.find('meta')?.attributes.get('charset')).toBe('utf-8')
    expect(page.find('style')?.text).toContain('@media print')
    expect(page.find('header')?.text).toBe('DRAFT — Round 3 — Baku — 2025-03-14 09:30 UTC')
    expect(page.find('footer')?.text).toContain(contentHash)
    const sections = page.findAll(hasClass('section', 'charter-section'))
    expect(sections.map((section) => section.attributes.get('data-area'))).toEqual(templateAreas)
    const articles = page.findAll(hasClass('h3', 'article-number'))
    expect(articles.map((article) => article.text)).toEqual([
      'Article 1',
      'Article 2',
      'Article 3',
      'Article 4',
      'Article 5',
    ])
    expect(articles.every((article) => article.closest('section') !== null)).toBe(true)
    const signatures = page.findAll(hasClass('div', 'signature'))
    expect(signatures.map((signature) => signature.attributes.get('data-party'))).toEqual(['AZ', 'US'])
    expect(page.find(hasClass('section', 'appendix'))).toBeUndefined()
  })

  it('keeps hostile text as text, formatting as elements, and only the safe link', () => {
    const page = expectSafeHtml(exportHtml({ doc: richDoc(), meta, threads }, { includeThreads: true }))
    expect(page.findAll('p').map((paragraph) => paragraph.text)).toContain(hostileText)
    expect(page.findAll('script')).toEqual([])
    expect(page.findAll('img')).toEqual([])
    const links = page.findAll('a')
    expect(links.map((link) => [link.text, link.attributes.get('href'), link.attributes.get('rel')])).toEqual(
      [['the treaty site', 'https://example.org/charter?a=1&b=2', 'noopener noreferrer']],
    )
    expect(page.findAll('strong').map((strong) => strong.text)).toContain(azerbaijaniNames)
    const underlined = page.findAll('u').find((u) => u.text === cyrillicTitle)
    expect(underlined).toBeDefined()
    const siblings = underlined!.parent!.children
    expect(siblings[siblings.indexOf(underlined!) + 1]).toMatchObject({ name: 'br' })
  })

  it('adds the comment appendix on request, without the text of deleted comments', () => {
    const page = expectSafeHtml(exportHtml({ doc: templateDoc(), meta, threads }, { includeThreads: true }))
    const appendix = page.find(hasClass('section', 'appendix'))!
    expect(appendix.find('h2')?.text).toBe('Appendix — Comment threads')
    expect(appendix.findAll('h3').map((heading) => heading.text)).toEqual([
      'Thread 1 — Regional connectivity — Open',
      'Thread 2 — Final provisions — Resolved',
    ])
    const comments = appendix.findAll(hasClass('p', 'comment'))
    expect(comments.map((comment) => comment.find(hasClass('span', 'byline'))?.text)).toEqual([
      'Ələkbərov (Azerbaijani delegation)',
      'Smith (US delegation)',
      'Observer',
    ])
    expect(comments[1]!.find(hasClass('span', 'deleted'))?.text).toBe('[comment deleted]')
    expect(page.text).not.toContain('Secret')
    expect(comments[2]!.text).toContain('<b onmouseover=alert(8)>x</b>')
    expect(comments[2]!.findAll('b')).toEqual([])
  })
})

describe('exportHtml with negotiated text', () => {
  const markup = expectSafeHtml(exportHtml({ doc: negotiationDoc(), meta }))
  const paragraphStarting = (page: MarkupElement, start: string) =>
    page.findAll('p').find((paragraph) => paragraph.text.startsWith(start))!

  it('prints brackets in the standard notation with a superscript proposer in the delegation’s colour', () => {
    const paragraph = paragraphStarting(markup, 'The Parties [')
    expect(paragraph.text).toBe(
      `The Parties [shallAZ / shouldUS] develop the Middle Corridor [with ${azerbaijaniNames}Joint], ` +
        'subject to Article 5 and Article [?].',
    )
    const sups = paragraph.findAll('sup')
    expect(sups.map((sup) => [sup.text, sup.classes])).toEqual([
      ['AZ', ['by', 'p-AZ']],
      ['US', ['by', 'p-US']],
      ['Joint', ['by', 'p-joint']],
    ])
    const should = paragraph.find((element) => element.classes.includes('alt') && element.text === 'should')!
    expect(should.classes).toContain('p-US')
    expect(should.find('em')?.text).toBe('should')
    const css = markup.find('style')!.text
    expect(css).toMatch(/\.p-AZ \{ color: #00798c/)
  })

  it('prints paragraph-level options and explains the notation once, above the text', () => {
    expect(paragraphStarting(markup, '[Option 1').text).toBe(
      '[Option 1 (AZ): Energy projects shall be financed jointly.]',
    )
    expect(paragraphStarting(markup, '[Option 2').find(hasClass('span', 'opt'))?.classes).toContain('p-US')
    const notes = markup.find(hasClass('div', 'notes'))!
    expect(notes.text).toContain('Text in square brackets is not agreed.')
    expect(notes.text).toContain('1 cross-reference points to an article that has been deleted')
  })

  it('numbers cross-references and marks a broken one visibly', () => {
    const paragraph = paragraphStarting(markup, 'The Parties [')
    expect(paragraph.find(hasClass('span', 'xref'))?.text).toBe('Article 5')
    expect(paragraph.find(hasClass('span', 'xref-broken'))?.text).toBe('Article [?]')
    expect(paragraphStarting(markup, 'Financing follows').text).toBe('Financing follows Article 2.]')
  })

  it('prints the clean view: agreed text only, brackets collapsed, the view named in the header and notes', () => {
    const clean = expectSafeHtml(
      exportHtml({ doc: negotiationDoc(), meta }, { includeThreads: false, view: 'clean' }),
    )
    expect(clean.find('header')?.text).toBe('DRAFT — Round 3 — Baku — 2025-03-14 09:30 UTC — CLEAN TEXT')
    expect(paragraphStarting(clean, 'The Parties').text).toBe(
      'The Parties […] develop the Middle Corridor […], subject to Article 5 and Article [?].',
    )
    expect(clean.findAll(hasClass('span', 'collapsed'))).toHaveLength(4)
    expect(clean.findAll('sup')).toEqual([])
    expect(clean.find('main')!.text).not.toMatch(/should|Energy projects|Option/)
    const notes = clean.find(hasClass('div', 'notes'))!.text
    expect(notes).toContain('4 open brackets are collapsed to “[…]”')
    expect(notes).not.toContain('superscript')
  })

  it('labels the notation in Azerbaijani for an Azerbaijani export', () => {
    const page = expectSafeHtml(exportHtml({ doc: negotiationDoc(), meta: { ...meta, language: 'az' } }))
    expect(page.findAll('sup').map((sup) => sup.text)).toEqual(['AZ', 'ABŞ', 'Birgə', 'ABŞ'])
    expect(paragraphStarting(page, '[Variant 1').text).toBe(
      '[Variant 1 (AZ): Energy projects shall be financed jointly.]',
    )
    const clean = expectSafeHtml(
      exportHtml(
        { doc: negotiationDoc(), meta: { ...meta, language: 'az' } },
        { includeThreads: false, view: 'clean' },
      ),
    )
    expect(clean.find('header')?.text).toContain('TƏMİZ MƏTN')
    expect(clean.find(hasClass('div', 'notes'))!.text).toContain('4 açıq mötərizə')
  })

  it('prints no notes for a text without brackets or broken references', () => {
    expect(
      expectSafeHtml(exportHtml({ doc: templateDoc(), meta })).find(hasClass('div', 'notes')),
    ).toBeUndefined()
  })
})
