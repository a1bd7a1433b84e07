import { getSchema } from '@tiptap/core'
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { charterExtensions, createCharterTemplate } from '../../../shared/schema/index.ts'
import { DocumentShadow } from './DocumentShadow.ts'

const schema = getSchema(charterExtensions)

function charterClient() {
  const ydoc = prosemirrorJSONToYDoc(schema, createCharterTemplate(), 'default')
  return {
    ydoc,
    change(edit: (fragment: Y.XmlFragment) => void): Uint8Array {
      const before = Y.encodeStateVector(ydoc)
      ydoc.transact(() => edit(ydoc.getXmlFragment('default')))
      return Y.encodeStateAsUpdate(ydoc, before)
    },
  }
}

function articles(fragment: Y.XmlFragment): Y.XmlElement[] {
  return Array.from(
    fragment.createTreeWalker((node) => node instanceof Y.XmlElement && node.nodeName === 'article'),
  ) as Y.XmlElement[]
}

function textOf(article: Y.XmlElement): Y.XmlText {
  return (article.get(0) as Y.XmlElement).get(0) as Y.XmlText
}

/** A client, a shadow of the same state, and the first article protected as agreed. */
function agreedFirstArticle() {
  const client = charterClient()
  const shadow = new DocumentShadow()
  shadow.seed(Y.encodeStateAsUpdate(client.ydoc))
  const [first, second] = articles(client.ydoc.getXmlFragment('default'))
  const agreedId = first!.getAttribute('clauseId') as string
  shadow.protect({ [agreedId]: 'agreedAdRef' })
  return { client, shadow, first: first!, second: second!, agreedId }
}

/** Mary of the US delegation, suggesting. */
const writer = { delegation: 'US' as const, coChair: false, accountId: '7', name: 'Mary' }

function suggestionMark() {
  return { id: crypto.randomUUID(), by: '7', name: 'Mary', delegation: 'US', at: '2026-02-08T10:00:00.000Z' }
}

/** Moves an article as an editor does: deletes it and inserts a copy (here, into the last section). */
function moveToLastSection(fragment: Y.XmlFragment, article: Y.XmlElement): void {
  const copy = article.clone()
  const from = article.parent as Y.XmlElement
  from.delete(from.toArray().indexOf(article), 1)
  const lastSection = fragment.get(fragment.length - 2) as Y.XmlElement
  lastSection.insert(1, [copy])
}

describe('the two-key rule in update validation', () => {
  it('refuses typing inside an agreed article and names it; only a suggestion may land there', () => {
    const { client, shadow, first } = agreedFirstArticle()
    const seed = Y.encodeStateAsUpdate(client.ydoc)
    const update = client.change(() => textOf(first).insert(0, 'Unilaterally '))
    expect(shadow.check(update, false)).toBe(
      'Article 1 is agreed ad referendum: new text must be a suggested insertion',
    )
    const mark = suggestionMark()
    const other = new Y.Doc()
    Y.applyUpdate(other, seed)
    const before = Y.encodeStateVector(other)
    textOf(articles(other.getXmlFragment('default'))[0]!).insert(0, 'Firmly ', { insertion: mark })
    expect(shadow.check(Y.encodeStateAsUpdate(other, before), false, writer)).toBeNull()
  })

  it('accepts typing in an open article of the same document', () => {
    const { client, shadow, second } = agreedFirstArticle()
    expect(
      shadow.check(
        client.change(() => textOf(second).insert(0, 'Open text ')),
        false,
      ),
    ).toBeNull()
  })

  it('refuses formatting, a new paragraph and the deletion of an agreed article', () => {
    const formatting = agreedFirstArticle()
    const bold = formatting.client.change(() => textOf(formatting.first).format(0, 4, { bold: {} }))
    expect(formatting.shadow.check(bold, false)).toMatch(/Article 1 is agreed ad referendum/)

    const paragraph = agreedFirstArticle()
    const added = paragraph.client.change(() => {
      const element = new Y.XmlElement('paragraph')
      element.insert(0, [new Y.XmlText('More')])
      paragraph.first.insert(1, [element])
    })
    expect(paragraph.shadow.check(added, false)).toMatch(/Article 1 is agreed ad referendum/)

    const deletion = agreedFirstArticle()
    const deleted = deletion.client.change(() => {
      const parent = deletion.first.parent as Y.XmlElement
      parent.delete(parent.toArray().indexOf(deletion.first), 1)
    })
    expect(deletion.shadow.check(deleted, false)).toBe(
      'An article is agreed ad referendum: it cannot be deleted without both delegations',
    )
  })

  it('lets agreed text move whole, as an editor moves an article (delete and insert a copy)', () => {
    const { client, shadow, first, agreedId } = agreedFirstArticle()
    const moved = client.change((fragment) => moveToLastSection(fragment, first))
    expect(shadow.check(moved, false)).toBeNull()
    const ids = articles(client.ydoc.getXmlFragment('default')).map((article) =>
      article.getAttribute('clauseId'),
    )
    expect(ids).toContain(agreedId)
  })

  it('follows a suggestion in an agreed article: the article then still moves whole, and cannot be deleted', () => {
    const { client, shadow, first, second, agreedId } = agreedFirstArticle()
    const mark = suggestionMark()
    const suggested = client.change(() => textOf(first).insert(0, 'Firmly ', { insertion: mark }))
    expect(shadow.check(suggested, false, writer)).toBeNull()
    // Typing in another (open) article leaves the agreed one's remembered content as it is.
    expect(
      shadow.check(
        client.change(() => textOf(second).insert(0, 'Open ')),
        false,
        writer,
      ),
    ).toBeNull()
    const moved = client.change((fragment) => moveToLastSection(fragment, first))
    expect(shadow.check(moved, false, writer)).toBeNull()
    const [movedArticle] = articles(client.ydoc.getXmlFragment('default')).filter(
      (article) => article.getAttribute('clauseId') === agreedId,
    )
    const deleted = client.change(() => {
      const from = movedArticle!.parent as Y.XmlElement
      from.delete(from.toArray().indexOf(movedArticle!), 1)
    })
    expect(shadow.check(deleted, false, writer)).toMatch(/cannot be deleted without both delegations/)
  })

  it('lets the server change agreed text (a restore), and protects the new text from then on', () => {
    const { client, shadow, first } = agreedFirstArticle()
    expect(
      shadow.check(
        client.change(() => textOf(first).insert(0, 'Restored ')),
        true,
      ),
    ).toBeNull()
    expect(
      shadow.check(
        client.change(() => textOf(first).delete(0, 3)),
        false,
      ),
    ).toMatch(/Article 1/)
  })

  it('after a refusal, another writer still edits the open article', () => {
    const { client, shadow, first } = agreedFirstArticle()
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(client.ydoc))
    expect(
      shadow.check(
        client.change(() => textOf(first).insert(0, 'No ')),
        false,
      ),
    ).not.toBeNull()
    const before = Y.encodeStateVector(other)
    const open = articles(other.getXmlFragment('default'))[1]!
    textOf(open).insert(0, 'Fine ')
    expect(shadow.check(Y.encodeStateAsUpdate(other, before), false)).toBeNull()
  })
})
