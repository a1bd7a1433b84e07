import type { JSONContent } from '@tiptap/core'
import { yDocToProsemirrorJSON } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { documentField } from '../../shared/schema/index.ts'
import { createCharterState } from '../documents/createCharterState.ts'
import type { ExportInput, ExportThread } from './ExportInput.ts'

// Test data for the exporter tests; not used by production code.

export const azerbaijaniNames = 'Ələkbərov İsmayıl Şəkərbəyli Çağlar Öztürk Ümid'
export const azerbaijaniLetters = 'Ə ə Ğ ğ I ı İ i Ş ş Ç ç Ö ö Ü ü'
export const cyrillicTitle = 'Хартия о стратегическом партнёрстве'
export const cyrillicLetters = 'жёлтый щит; мы; эхо; юг; яблоко'
export const hostileText = '<img src=x onerror=alert(1)> <script>alert(2)</script> [x](javascript:alert(3))'
export const contentHash = 'a3f1c2e4b5d6978812345678909abcdefa3f1c2e4b5d6978812345678909abcd'

export const meta: ExportInput['meta'] = {
  title: 'Charter on Strategic Partnership',
  snapshotName: 'Round 3 — Baku',
  date: '2025-03-14T09:30:00.000Z',
  contentHash,
  documentName: 'az-us-charter',
}

/** The template as the server stores it, read back through Yjs exactly like a snapshot would be. */
export function templateDoc(): JSONContent {
  const ydoc = new Y.Doc()
  Y.applyUpdate(ydoc, createCharterState())
  const json = yDocToProsemirrorJSON(ydoc, documentField) as JSONContent
  ydoc.destroy()
  return json
}

function text(value: string, marks?: JSONContent['marks']): JSONContent {
  return marks ? { type: 'text', text: value, marks } : { type: 'text', text: value }
}

function paragraph(...content: JSONContent[]): JSONContent {
  return { type: 'paragraph', content }
}

function list(type: 'bulletList' | 'orderedList', items: JSONContent[][]): JSONContent {
  return { type, content: items.map((content) => ({ type: 'listItem', content })) }
}

/** A bullet list nested `depth` levels deep, innermost item last. */
export function deepList(depth: number): JSONContent {
  let inner: JSONContent = list('bulletList', [[paragraph(text(`level ${depth}`))]])
  for (let level = depth - 1; level >= 1; level--) {
    inner = list('bulletList', [[paragraph(text(`level ${level}`)), inner]])
  }
  return inner
}

/** The template plus an article holding every case the exporters must survive. */
export function richDoc(): JSONContent {
  const doc = templateDoc()
  const sections = doc.content ?? []
  const connectivity = sections.find((node) => node.attrs?.area === 'connectivity')
  connectivity?.content?.push({
    type: 'article',
    content: [
      paragraph(
        text('Signatories: '),
        text(azerbaijaniNames, [{ type: 'bold' }]),
        text('; letters '),
        text(azerbaijaniLetters, [{ type: 'italic' }]),
        text('.'),
      ),
      paragraph(text(cyrillicTitle, [{ type: 'underline' }]), { type: 'hardBreak' }, text(cyrillicLetters)),
      paragraph(text(hostileText)),
      paragraph(
        text('Evil link', [{ type: 'link', attrs: { href: 'javascript:alert(4)' } }]),
        text(' and '),
        text('tabbed evil', [{ type: 'link', attrs: { href: 'java\tscript:alert(5)' } }]),
        text(' and '),
        text('the treaty site', [{ type: 'link', attrs: { href: 'https://example.org/charter?a=1&b=2' } }]),
        text(' and '),
        text('struck', [{ type: 'strike' }]),
        text('.'),
      ),
      list('orderedList', [
        [paragraph(text('First ordered point'))],
        [paragraph(text('Second ordered point')), list('bulletList', [[paragraph(text('Nested bullet'))]])],
      ]),
      deepList(40),
      { type: 'mysteryWidget', attrs: { onload: 'alert(6)' }, content: [text('Mystery words kept')] },
      { type: 'image', attrs: { src: 'javascript:alert(7)' } },
    ],
  })
  return doc
}

export const threads: ExportThread[] = [
  {
    area: 'connectivity',
    quote: 'Middle Corridor',
    resolved: false,
    comments: [
      {
        author: 'Ələkbərov',
        delegation: 'AZ',
        createdAt: '2025-03-13T10:00:00Z',
        text: 'Propose “Trans-Caspian”.',
      },
      { author: 'Smith', delegation: 'US', createdAt: '2025-03-13T11:00:00Z', text: 'Secret', deleted: true },
      {
        author: 'Observer',
        delegation: null,
        createdAt: 'not a date',
        text: '<b onmouseover=alert(8)>x</b>',
      },
    ],
  },
  { area: 'final', quote: null, resolved: true, comments: [] },
]

const filler =
  'The Parties shall deepen cooperation in energy, trade and transit, including the Middle Corridor, ' +
  'and shall consult regularly on the implementation of this Charter through the Strategic Partnership ' +
  'Commission, which shall meet at least once a year alternately in Baku and in Washington. '

/** About a hundred printed pages: `articles` articles of several paragraphs and a short list each. */
export function largeDoc(articles = 100): JSONContent {
  const body: JSONContent[] = []
  for (let n = 1; n <= articles; n++) {
    body.push({
      type: 'article',
      content: [
        paragraph(text(`${n}. ${filler}`), text(azerbaijaniNames, [{ type: 'italic' }])),
        paragraph(text(filler.repeat(2))),
        list('orderedList', [[paragraph(text(filler))], [paragraph(text(cyrillicTitle))]]),
        paragraph(text(filler.repeat(3))),
        paragraph(text(filler.repeat(2))),
        paragraph(text(filler), text('Bold tail.', [{ type: 'bold' }])),
      ],
    })
  }
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1 }, content: [text('Large charter')] },
      {
        type: 'charterSection',
        attrs: { area: 'connectivity' },
        content: [
          { type: 'heading', attrs: { level: 2 }, content: [text('Section 1. Regional connectivity')] },
          ...body,
        ],
      },
    ],
  }
}

/** The template with the connectivity article reworded, an article added and the security article removed. */
export function redlineEditedDoc(): JSONContent {
  const doc = templateDoc()
  const sections = doc.content ?? []
  const connectivity = sections.find((node) => node.attrs?.area === 'connectivity')!
  connectivity.content![2] = {
    type: 'article',
    content: [paragraph(text('The Parties shall develop the Middle Corridor for energy and transit.'))],
  }
  connectivity.content!.push({
    type: 'article',
    content: [paragraph(text(`Brand new article ${hostileText}`))],
  })
  const security = sections.find((node) => node.attrs?.area === 'security')!
  security.content = security.content!.filter((node) => node.type !== 'article')
  return doc
}
