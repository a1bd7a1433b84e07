import { getSchema } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { EditorState, type Plugin, type Transaction } from '@tiptap/pm/state'
import type { Decoration, DecorationSet } from '@tiptap/pm/view'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import { charterExtensions } from '../../shared/schema/index.ts'
import {
  type ClauseMarksState,
  clauseMarksKey,
  clauseStatusMarksPlugin,
} from '../negotiation/ClauseStatusMarks.ts'
import { crossReferencePlugin } from './articles/crossReferencePlugin.ts'
import { bracketGuard } from './brackets/bracketGuard.ts'

const schema = getSchema(charterExtensions)
const nodes = schema.nodes

const marks: ClauseMarksState = {
  statuses: new Map([['c2', { status: 'agreed', label: 'Agreed' }]]),
  focusArea: 'investment',
}

function plugins(): Plugin[] {
  return [
    clauseStatusMarksPlugin(() => {}),
    crossReferencePlugin(),
    bracketGuard({
      writer: () => ({ delegation: 'AZ', role: 'drafter' }),
      lockedTitle: () => 'Locked',
      onRefused() {},
    }),
  ]
}

function paragraph(text: string, reference?: string): ProseMirrorNode {
  const content: ProseMirrorNode[] = [schema.text(text)]
  if (reference) content.push(nodes.crossReference!.create({ clauseId: reference }), schema.text(' applies.'))
  return nodes.paragraph!.create(null, content)
}

function bracketParagraph(): ProseMirrorNode {
  const bracket = nodes.bracket!.create({ id: 'b1' }, [
    nodes.bracketAlternative!.create({ id: 'a1', proposedBy: 'AZ' }, schema.text('shall')),
    nodes.bracketAlternative!.create({ id: 'a2', proposedBy: 'US' }, schema.text('should')),
  ])
  return nodes.paragraph!.create(null, [schema.text('Parties '), bracket, schema.text(' agree.')])
}

function article(clauseId: string, ...content: ProseMirrorNode[]): ProseMirrorNode {
  return nodes.article!.create({ clauseId }, content)
}

function section(area: string, title: string, ...articles: ProseMirrorNode[]): ProseMirrorNode {
  return nodes.charterSection!.create({ area }, [
    nodes.heading!.create({ level: 2 }, schema.text(title)),
    ...articles,
  ])
}

function charter(): ProseMirrorNode {
  return nodes.doc!.create(null, [
    section(
      'connectivity',
      'Connectivity',
      article('c1', paragraph('Energy and transit, as Article ', 'c3')),
      article('c2', paragraph('Agreed text of the second article.')),
    ),
    section(
      'investment',
      'Investment',
      article('c3', bracketParagraph()),
      article('c4', paragraph('Digital infrastructure.')),
    ),
  ])
}

function withPlugins(doc: ProseMirrorNode): EditorState {
  const state = EditorState.create({ doc, schema, plugins: plugins() })
  return state.apply(state.tr.setMeta(clauseMarksKey, marks))
}

/** The type carries a decoration's attributes; ProseMirror compares it by identity first. */
function typeOf(decoration: Decoration): { attrs: unknown } {
  return (decoration as unknown as { type: { attrs: unknown } }).type
}

function decorationsOf(state: EditorState, index: number): Decoration[] {
  const plugin = state.plugins[index]!
  const set = plugin.props.decorations?.call(plugin, state) as DecorationSet
  return set.find()
}

function described(state: EditorState, index: number): string[] {
  return decorationsOf(state, index)
    .map((decoration) => `${decoration.from}-${decoration.to} ${JSON.stringify(typeOf(decoration).attrs)}`)
    .sort()
}

/** Each plugin's decorations, as kept through transactions, against the same plugin built afresh on the result. */
function expectSameAsRebuilt(state: EditorState): void {
  const rebuilt = withPlugins(state.doc)
  for (let index = 0; index < 3; index++) expect(described(state, index)).toEqual(described(rebuilt, index))
}

/** One step over the whole document that also types a letter at `at`, as y-tiptap's fallback for a remote change. */
function wholeDocumentStep(state: EditorState, at: number): Transaction {
  const typed = state.tr.insertText('w', at).doc
  return state.tr.replaceWith(0, state.doc.content.size, typed.content)
}

/** Marks a transaction as coming from Yjs, as y-tiptap does for collaborators' changes. */
function remote(tr: Transaction): Transaction {
  return tr.setMeta(ySyncPluginKey, { isChangeOrigin: true })
}

function textPositions(doc: ProseMirrorNode): number[] {
  const positions: number[] = []
  doc.descendants((node, pos) => {
    if (node.isText) for (let offset = 0; offset <= node.nodeSize; offset++) positions.push(pos + offset)
  })
  return positions
}

function articlePositions(doc: ProseMirrorNode): { pos: number; node: ProseMirrorNode }[] {
  const found: { pos: number; node: ProseMirrorNode }[] = []
  doc.descendants((node, pos) => {
    if (node.type.name === 'article') found.push({ pos, node })
    return node.type.name !== 'article'
  })
  return found
}

describe('decorations kept through edits (clause status, cross-references, locked alternatives)', () => {
  it('keeps the same decoration types through typing, so the view need not compare every article again', () => {
    const before = withPlugins(charter())
    const at = textPositions(before.doc)[3]!
    const after = before.apply(before.tr.insertText('x', at))
    for (let index = 0; index < 3; index++) {
      const types = decorationsOf(before, index).map(typeOf)
      expect(types.length).toBeGreaterThan(0)
      expect(decorationsOf(after, index).map(typeOf)).toEqual(types)
      decorationsOf(after, index).forEach((decoration, position) => {
        expect(typeOf(decoration)).toBe(types[position])
      })
    }
    expectSameAsRebuilt(after)
  })

  it('keeps the clause decorations when the statuses are re-read unchanged, and rebuilds them when one changed', () => {
    const state = withPlugins(charter())
    const plugin = state.plugins[0]!
    const same = state.apply(
      state.tr.setMeta(clauseMarksKey, { statuses: new Map(marks.statuses), focusArea: marks.focusArea }),
    )
    expect(plugin.getState(same)).toBe(plugin.getState(state))
    const changed = state.apply(
      state.tr.setMeta(clauseMarksKey, {
        statuses: new Map([
          ['c2', { status: 'agreed', label: 'Agreed' }],
          ['c4', { status: 'agreed', label: 'Agreed' }],
        ]),
        focusArea: marks.focusArea,
      }),
    )
    expect(plugin.getState(changed)).not.toBe(plugin.getState(state))
    expect(described(changed, 0).filter((entry) => entry.includes('clause-is-agreed'))).toHaveLength(2)
  })

  it('renumbers references and re-marks articles when an article is inserted, and after a whole-document step', () => {
    let state = withPlugins(charter())
    const [first] = articlePositions(state.doc)
    state = state.apply(state.tr.insert(first!.pos, article('c0', paragraph('A new first article.'))))
    expectSameAsRebuilt(state)
    expect(described(state, 1).join(' ')).toContain('"data-number":"4"')
    // A remote change that could not be narrowed replaces the whole document (here: with one more letter).
    state = state.apply(remote(wholeDocumentStep(state, textPositions(state.doc)[5]!)))
    expect(state.doc.content.size).toBeGreaterThan(0)
    expectSameAsRebuilt(state)
    expect(decorationsOf(state, 0)).toHaveLength(decorationsOf(withPlugins(state.doc), 0).length)
  })

  it('matches a rebuild after each of 300 seeded edits of every kind', () => {
    let seed = 7
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % below
    }
    let state = withPlugins(charter())
    let nextClause = 10
    for (let step = 0; step < 300; step++) {
      const doc = state.doc
      const texts = textPositions(doc)
      const articles = articlePositions(doc)
      const kind = random(8)
      const tr = state.tr
      try {
        if (kind <= 2 && texts.length > 0) tr.insertText('ab ', texts[random(texts.length)]!)
        else if (kind === 3 && texts.length > 2) {
          const from = texts[random(texts.length - 1)]!
          tr.delete(from, Math.min(from + 2, doc.content.size))
        } else if (kind === 4 && articles.length > 0) {
          const target = articles[random(articles.length)]!
          tr.insert(target.pos, article(`c${nextClause++}`, paragraph('Inserted article.')))
        } else if (kind === 5 && texts.length > 0 && articles.length > 0) {
          const target = articles[random(articles.length)]!.node.attrs.clauseId as string
          tr.insert(texts[random(texts.length)]!, nodes.crossReference!.create({ clauseId: target }))
        } else if (kind === 6 && articles.length > 2) {
          const target = articles[random(articles.length)]!
          tr.delete(target.pos, target.pos + target.node.nodeSize)
        } else {
          const whole = wholeDocumentStep(state, texts[random(texts.length)]!)
          state = state.apply(remote(whole))
          expectSameAsRebuilt(state)
          continue
        }
      } catch {
        continue // an edit the schema does not allow here
      }
      // As collaborators' changes: the local guards would refuse edits of agreed text and the other side's words.
      const next = state.apply(remote(tr))
      expect(next.doc).toBe(tr.doc)
      state = next
      expectSameAsRebuilt(state)
    }
    expect(nextClause).toBeGreaterThan(10)
  })
})
