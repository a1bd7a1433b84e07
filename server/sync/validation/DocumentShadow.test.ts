import { getSchema } from '@tiptap/core'
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { charterExtensions, createCharterTemplate } from '../../../shared/schema/index.ts'
import { selfParentedUpdates } from '../../../test/hardening/selfParentedUpdate.ts'
import { unintegrableUpdate } from '../../../test/hardening/unintegrableUpdate.ts'
import { DocumentShadow } from './DocumentShadow.ts'

const schema = getSchema(charterExtensions)

/** A client holding the charter, whose next change is returned as an update. */
function charterClient(): { ydoc: Y.Doc; change: (edit: (fragment: Y.XmlFragment) => void) => Uint8Array } {
  const ydoc = prosemirrorJSONToYDoc(schema, createCharterTemplate(), 'default')
  return {
    ydoc,
    change(edit) {
      const before = Y.encodeStateVector(ydoc)
      ydoc.transact(() => edit(ydoc.getXmlFragment('default')))
      return Y.encodeStateAsUpdate(ydoc, before)
    },
  }
}

function shadowOf(ydoc: Y.Doc): DocumentShadow {
  const shadow = new DocumentShadow()
  shadow.seed(Y.encodeStateAsUpdate(ydoc))
  return shadow
}

function firstArticleParagraph(fragment: Y.XmlFragment): Y.XmlElement {
  const article = fragment
    .createTreeWalker((node) => node instanceof Y.XmlElement && node.nodeName === 'article')
    .next().value as Y.XmlElement
  return article.get(0) as Y.XmlElement
}

function paragraphWith(text: string): Y.XmlElement {
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  return paragraph
}

describe('DocumentShadow', () => {
  it('accepts ordinary edits: typing, formatting, a new article paragraph, a list', () => {
    const client = charterClient()
    const shadow = shadowOf(client.ydoc)
    const typing = client.change((fragment) => {
      const text = firstArticleParagraph(fragment).get(0) as Y.XmlText
      text.insert(0, 'Agreed: ', { bold: {} })
      text.format(0, 6, { link: { href: 'https://example.org', target: '_blank', rel: null, class: null } })
    })
    expect(shadow.check(typing, false)).toBeNull()
    const paragraph = client.change((fragment) => {
      const article = firstArticleParagraph(fragment).parent as Y.XmlElement
      const list = new Y.XmlElement('bulletList')
      const item = new Y.XmlElement('listItem')
      item.insert(0, [paragraphWith('first point')])
      list.insert(0, [item])
      article.insert(1, [paragraphWith('A second paragraph.'), list])
    })
    expect(shadow.check(paragraph, false)).toBeNull()
  })

  it('refuses content the schema does not allow, with a short reason, and stays usable', () => {
    const client = charterClient()
    const shadow = shadowOf(client.ydoc)
    const attacker = new Y.Doc()
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(client.ydoc))
    const attack = (edit: (ydoc: Y.Doc) => void) => {
      const before = Y.encodeStateVector(attacker)
      const probe = new Y.Doc()
      Y.applyUpdate(probe, Y.encodeStateAsUpdate(attacker))
      edit(probe)
      const update = Y.encodeStateAsUpdate(probe, before)
      probe.destroy()
      return update
    }
    const headingInParagraph = attack((ydoc) => {
      const heading = new Y.XmlElement('heading')
      heading.setAttribute('level', 2 as unknown as string)
      firstArticleParagraph(ydoc.getXmlFragment('default')).insert(0, [heading])
    })
    expect(shadow.check(headingInParagraph, false)).toBe('"heading" is not allowed in "paragraph"')
    const bareText = attack((ydoc) => ydoc.getXmlFragment('default').insert(0, [new Y.XmlText('loose')]))
    expect(shadow.check(bareText, false)).toBe('text is not allowed in "doc"')
    const extraRoot = attack((ydoc) => ydoc.getText('text').insert(0, 'aside'))
    expect(shadow.check(extraRoot, false)).toBe('unexpected root "text"')
    const emptyArticle = attack((ydoc) =>
      ydoc.getXmlFragment('default').insert(0, [new Y.XmlElement('article')]),
    )
    expect(shadow.check(emptyArticle, false)).toBe('invalid content in "article"')
    const unknownAttribute = attack((ydoc) =>
      firstArticleParagraph(ydoc.getXmlFragment('default')).setAttribute('style', 'color: red'),
    )
    expect(shadow.check(unknownAttribute, false)).toBe('unknown attribute "style" on "paragraph"')
    const textInSection = attack((ydoc) => {
      const section = firstArticleParagraph(ydoc.getXmlFragment('default')).parent?.parent as Y.XmlElement
      section.insert(1, [new Y.XmlText('loose')])
    })
    expect(shadow.check(textInSection, false)).toBe('text is not allowed in "charterSection"')
    const existingText = (ydoc: Y.Doc) =>
      firstArticleParagraph(ydoc.getXmlFragment('default')).get(0) as Y.XmlText
    const unknownMark = attack((ydoc) => existingText(ydoc).format(0, 3, { script: {} }))
    expect(shadow.check(unknownMark, false)).toBe('unknown mark "script"')
    const markAttribute = attack((ydoc) =>
      existingText(ydoc).insert(0, 'x', { bold: { onclick: 'steal()' } }),
    )
    expect(shadow.check(markAttribute, false)).toBe('unsafe mark attribute')
    const embed = attack((ydoc) => existingText(ydoc).insertEmbed(0, { image: 'https://example.org/x.png' }))
    expect(shadow.check(embed, false)).toBe('embedded objects are not allowed in text')
    // Each refusal was rolled back: an honest edit still applies against the real state.
    const honest = client.change((fragment) =>
      (firstArticleParagraph(fragment).get(0) as Y.XmlText).insert(0, 'ok '),
    )
    expect(shadow.check(honest, false)).toBeNull()
  })

  it('checks a keystroke by what it adds, not by the length of the paragraph it lands in', () => {
    const client = charterClient()
    const text = () => firstArticleParagraph(client.ydoc.getXmlFragment('default')).get(0) as Y.XmlText
    // 20,000 characters typed at scattered places: as many separate Yjs items in one paragraph.
    for (let index = 0; index < 20_000; index++) {
      client.ydoc.transact(() => text().insert((index * 7919) % (text().length + 1), 'x'))
    }
    const shadow = shadowOf(client.ydoc)
    const keystrokes = Array.from({ length: 500 }, (_, index) =>
      client.change(() => text().insert((index * 104_729) % text().length, 'y')),
    )
    const started = performance.now()
    for (const keystroke of keystrokes) expect(shadow.check(keystroke, false)).toBeNull()
    const ms = performance.now() - started
    // ~50 ms on a quiet machine; listing the paragraph per keystroke (before) took ~1,050 ms.
    console.info(`500 keystrokes into a paragraph of 20,000 items validated in ${ms.toFixed(0)} ms`)
    expect(ms).toBeLessThan(400)
  })

  it('accepts an honest concurrent merge that breaks a content expression (both delete a paragraph)', () => {
    const client = charterClient()
    const article = () => firstArticleParagraph(client.ydoc.getXmlFragment('default')).parent as Y.XmlElement
    client.change(() => article().insert(1, [paragraphWith('second')]))
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(client.ydoc))
    const shadow = shadowOf(client.ydoc)
    const deleteFirst = client.change(() => article().delete(0, 1))
    const before = Y.encodeStateVector(other)
    const otherArticle = firstArticleParagraph(other.getXmlFragment('default')).parent as Y.XmlElement
    otherArticle.delete(1, 1)
    const deleteSecond = Y.encodeStateAsUpdate(other, before)
    expect(shadow.check(deleteFirst, false)).toBeNull()
    expect(shadow.check(deleteSecond, false)).toBeNull()
  })

  it('refuses an update that applies to an empty document but not to this one, and rolls it back', () => {
    const { first, second } = selfParentedUpdates()
    const empty = new DocumentShadow()
    empty.seed(Y.encodeStateAsUpdate(new Y.Doc()))
    expect(empty.check(second, false)).toBeNull()
    const live = new DocumentShadow()
    live.seed(Y.encodeStateAsUpdate(new Y.Doc()))
    expect(live.check(first, false)).toBeNull()
    expect(live.check(second, false)).toBe('update cannot be applied to the document')
    expect(live.check(unintegrableUpdate, false)).toBe('update cannot be applied to the document')
  })

  it("refuses a sender's later updates in the same batch once one is refused", () => {
    const shadow = new DocumentShadow()
    shadow.seed(Y.encodeStateAsUpdate(new Y.Doc()))
    const valid = new Y.Doc()
    valid.getXmlFragment('default').insert(0, [paragraphWith('fine')])
    const verdicts = shadow.checkAll([
      { update: unintegrableUpdate, trusted: false, writer: null, sender: 0 },
      { update: Y.encodeStateAsUpdate(valid), trusted: false, writer: null, sender: 0 },
      { update: Y.encodeStateAsUpdate(valid), trusted: false, writer: null, sender: 1 },
    ])
    expect(verdicts.map((verdict) => verdict.refused)).toEqual([
      'update cannot be applied to the document',
      'an earlier update from this connection was refused',
      null,
    ])
  })
})
