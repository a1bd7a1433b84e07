import { Schema } from '@tiptap/pm/model'
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import {
  prosemirrorJSONToYXmlFragment,
  yCursorPlugin,
  ySyncPlugin,
  ySyncPluginKey,
  yXmlFragmentToProseMirrorRootNode,
} from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'

/**
 * Our patch to @tiptap/y-tiptap 3.0.9 (patches/@tiptap+y-tiptap+3.0.9.patch, patches/README.md), tested against
 * the module as installed: a remote change rebuilds only the ProseMirror nodes it touched, keeps the caret
 * where the text puts it, and never asks the view to scroll.
 */
const schema = new Schema({
  nodes: {
    doc: { content: 'paragraph+' },
    paragraph: { content: 'text*', toDOM: () => ['p', 0] },
    text: {},
  },
})

/** Blocks in sections, and a mark: remote changes at every depth, as in the charter (area > article > text). */
const nestedSchema = new Schema({
  nodes: {
    doc: { content: 'section+' },
    section: { content: 'paragraph+', toDOM: () => ['section', 0] },
    paragraph: { content: 'text*', toDOM: () => ['p', 0] },
    text: {},
  },
  marks: { bold: { toDOM: () => ['strong', 0] } },
})

interface FakeView {
  state: EditorState
  dispatched: Transaction[]
  hasFocus(): boolean
  dispatch(tr: Transaction): void
}

/** A view without a DOM: the binding only reads `state`, `hasFocus` and `dispatch` for remote changes. */
/** A Yjs document whose editor fragment holds one paragraph of `text`. */
function paragraphFragment(text: string) {
  const local = new Y.Doc()
  const fragment = local.getXmlFragment('default')
  prosemirrorJSONToYXmlFragment(
    schema,
    { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
    fragment,
  )
  return { local, fragment }
}

/** A collaborator's copy of `local`, each change of which reaches `local` as a remote update: its first text. */
function collaboratorText(local: Y.Doc): () => Y.XmlText {
  const remote = new Y.Doc()
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(local))
  remote.on('update', (update: Uint8Array) => Y.applyUpdate(local, update, 'remote'))
  return () => (remote.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText
}

function bind(paragraphs: string[], options: { schema?: Schema; json?: object } = {}) {
  const docSchema = options.schema ?? schema
  const local = new Y.Doc()
  const fragment = local.getXmlFragment('default')
  prosemirrorJSONToYXmlFragment(
    docSchema,
    options.json ?? {
      type: 'doc',
      content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
    },
    fragment,
  )
  const plugin = ySyncPlugin(fragment)
  const view: FakeView = {
    state: EditorState.create({ schema: docSchema, plugins: [plugin] }),
    dispatched: [],
    hasFocus: () => true,
    dispatch(tr) {
      this.dispatched.push(tr)
      this.state = this.state.apply(tr)
    },
  }
  plugin.spec.view?.(view as unknown as EditorView)
  // As if the local caret were on screen: unpatched, that is when a remote change scrolls the view to it.
  const binding = ySyncPluginKey.getState(view.state).binding as { _domSelectionInView: boolean | null }
  binding._domSelectionInView = true

  const remote = new Y.Doc()
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(local))
  remote.on('update', (update: Uint8Array) => Y.applyUpdate(local, update, 'remote'))
  const remoteParagraph = (index: number) => remote.getXmlFragment('default').get(index) as Y.XmlElement
  return { view, local, remote, remoteParagraph }
}

describe('@tiptap/y-tiptap with our patch', () => {
  it('keeps the nodes of untouched paragraphs on a remote keystroke', () => {
    const { view, remoteParagraph } = bind(['first', 'second', 'third'])
    const before = view.state.doc
    ;(remoteParagraph(1).get(0) as Y.XmlText).insert(6, '!')
    const after = view.state.doc
    expect(after.child(1).textContent).toBe('second!')
    expect(after.child(0)).toBe(before.child(0))
    expect(after.child(2)).toBe(before.child(2))
  })

  it('replaces only the changed range of the document for a remote keystroke', () => {
    const { view, remoteParagraph } = bind(['first', 'second', 'third'])
    view.dispatched.length = 0
    ;(remoteParagraph(1).get(0) as Y.XmlText).insert(6, '!')
    expect(view.dispatched).toHaveLength(1)
    const steps = view.dispatched[0]?.steps ?? []
    expect(steps).toHaveLength(1)
    // "second" starts at 8 (7 for the first paragraph, 1 to enter this one): the step stays inside it.
    const ranges: [number, number][] = []
    steps[0]?.getMap().forEach((from, to) => {
      ranges.push([from, to])
    })
    expect(ranges.length).toBeGreaterThan(0)
    for (const [from, to] of ranges) {
      expect(from).toBeGreaterThanOrEqual(8)
      expect(to).toBeLessThanOrEqual(14)
    }
  })

  it('ends every remote change with exactly the Yjs document, at any depth', () => {
    const section = (...texts: string[]) => ({
      type: 'section',
      content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
    })
    const { view, local, remote } = bind([], {
      schema: nestedSchema,
      json: { type: 'doc', content: [section('alpha', 'beta'), section('gamma'), section('delta', 'eps')] },
    })
    // A seeded generator: the same sequence of edits on every run.
    let seed = 7
    const random = (limit: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % limit
    }
    const sections = () => remote.getXmlFragment('default').toArray() as Y.XmlElement[]
    const anyParagraph = () => {
      const all = sections().flatMap((node) => node.toArray() as Y.XmlElement[])
      return all[random(all.length)] as Y.XmlElement
    }
    const edits: (() => void)[] = [
      () => {
        const text = anyParagraph().get(0) as Y.XmlText
        text.insert(random(text.length + 1), 'xyz'.slice(0, 1 + random(3)))
      },
      () => {
        const text = anyParagraph().get(0) as Y.XmlText
        if (text.length > 1) text.delete(random(text.length - 1), 1)
      },
      () => {
        const text = anyParagraph().get(0) as Y.XmlText
        if (text.length > 2) text.format(random(text.length - 2), 2, { bold: random(2) === 0 ? {} : null })
      },
      () => {
        const target = sections()[random(sections().length)] as Y.XmlElement
        const paragraph = new Y.XmlElement('paragraph')
        paragraph.insert(0, [new Y.XmlText('new')])
        target.insert(random(target.length + 1), [paragraph])
      },
      () => {
        const target = sections()[random(sections().length)] as Y.XmlElement
        if (target.length > 1) target.delete(random(target.length), 1)
      },
      () => {
        const fragment = remote.getXmlFragment('default')
        const added = new Y.XmlElement('section')
        const paragraph = new Y.XmlElement('paragraph')
        paragraph.insert(0, [new Y.XmlText('moved')])
        added.insert(0, [paragraph])
        remote.transact(() => {
          if (fragment.length > 2) fragment.delete(random(fragment.length), 1)
          fragment.insert(random(fragment.length + 1), [added])
        })
      },
    ]
    let wholeDocumentSteps = 0
    for (let round = 0; round < 300; round++) {
      view.dispatched.length = 0
      ;(edits[random(edits.length)] as () => void)()
      const expected = yXmlFragmentToProseMirrorRootNode(local.getXmlFragment('default'), nestedSchema)
      expect(view.state.doc.toJSON()).toEqual(expected.toJSON())
      for (const tr of view.dispatched)
        tr.steps[0]?.getMap().forEach((from, to) => {
          if (from === 0 && to === tr.before.content.size) wholeDocumentSteps++
        })
    }
    // The narrow step was taken (a change of the first or last section may still span the whole document).
    expect(wholeDocumentSteps).toBeLessThan(60)
  })

  it('does not scroll the view for a remote change', () => {
    const { view, remoteParagraph } = bind(['first', 'second'])
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 3)))
    view.dispatched.length = 0
    ;(remoteParagraph(0).get(0) as Y.XmlText).insert(0, 'x')
    expect(view.dispatched.length).toBe(1)
    expect(view.dispatched[0]?.scrolledIntoView).toBe(false)
  })

  it('moves the caret with the text and stays in step after a remote block move', () => {
    const { view, remote, remoteParagraph } = bind(['alpha', 'beta', 'gamma'])
    // Caret after "ga" in the third paragraph: (5 + 2) + (4 + 2) + 1 + 2.
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 16)))
    expect(view.state.doc.textBetween(14, 16)).toBe('ga')
    ;(remoteParagraph(2).get(0) as Y.XmlText).insert(0, 'omega ')
    expect(view.state.doc.textBetween(view.state.selection.head - 8, view.state.selection.head)).toBe(
      'omega ga',
    )
    // Move "alpha" to the end the way a drag does: delete it, insert a copy.
    remote.transact(() => {
      const fragment = remote.getXmlFragment('default')
      fragment.delete(0, 1)
      const moved = new Y.XmlElement('paragraph')
      moved.insert(0, [new Y.XmlText('alpha')])
      fragment.insert(fragment.length, [moved])
    })
    expect(view.state.doc.textContent).toBe('betaomega gammaalpha')
    expect(view.state.doc.textBetween(view.state.selection.head - 8, view.state.selection.head)).toBe(
      'omega ga',
    )
    ;(remoteParagraph(0).get(0) as Y.XmlText).insert(4, 's')
    expect(view.state.doc.child(0).textContent).toBe('betas')
    expect(view.state.doc.child(2).textContent).toBe('alpha')
  })

  it('does not re-send the local cursor for a remote change that leaves it in place', () => {
    const { local, fragment } = paragraphFragment('alpha beta')
    const awareness = new Awareness(local)
    const sync = ySyncPlugin(fragment)
    const cursors = yCursorPlugin(awareness)
    let cursorView: ReturnType<NonNullable<typeof cursors.spec.view>> | undefined
    const view = {
      state: EditorState.create({ schema, plugins: [sync, cursors] }),
      dom: { addEventListener: () => {}, removeEventListener: () => {} },
      docView: {},
      hasFocus: () => true,
      dispatch(tr: Transaction) {
        const previous = this.state
        this.state = this.state.apply(tr)
        cursorView?.update?.(this as unknown as EditorView, previous)
      },
    }
    sync.spec.view?.(view as unknown as EditorView)
    cursorView = cursors.spec.view?.(view as unknown as EditorView)
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 7)))
    const sent: number[] = []
    awareness.on('update', ({ updated }: { updated: number[] }) => sent.push(...updated))

    const text = collaboratorText(local)()
    text.insert(10, ' gamma')
    text.insert(0, '> ')
    expect(view.state.doc.textContent).toBe('> alpha beta gamma')
    expect(sent).toEqual([])
    // The caret's own move is still sent.
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 4)))
    expect(sent).toEqual([local.clientID])
    awareness.destroy()
  })

  it('sends the document to Yjs only when it changed since Yjs last held it', () => {
    const { local, fragment } = paragraphFragment('alpha')
    const sync = ySyncPlugin(fragment)
    let syncView: ReturnType<NonNullable<typeof sync.spec.view>> | undefined
    /** What a plugin's appendTransaction would add to the next remote change, if set. */
    let appendToRemote: string | null = null
    const view = {
      state: EditorState.create({ schema, plugins: [sync] }),
      hasFocus: () => true,
      dispatch(tr: Transaction) {
        const previous = this.state
        this.state = this.state.apply(tr)
        if (appendToRemote && tr.getMeta(ySyncPluginKey)?.isChangeOrigin) {
          this.state = this.state.apply(this.state.tr.insertText(appendToRemote, 1))
          appendToRemote = null
        }
        syncView?.update?.(this as unknown as EditorView, previous)
      },
    }
    syncView = sync.spec.view?.(view as unknown as EditorView)
    const binding = ySyncPluginKey.getState(view.state).binding as {
      _prosemirrorChanged(doc: unknown): void
    }
    let walks = 0
    const walk = binding._prosemirrorChanged.bind(binding)
    binding._prosemirrorChanged = (doc) => {
      walks++
      walk(doc)
    }
    const yText = () => fragment.toString()

    view.dispatch(view.state.tr.insertText('!', 6))
    expect(walks).toBe(1)
    expect(yText()).toContain('alpha!')
    // A caret move, or a collaborator's caret, leaves the document as Yjs holds it: no walk.
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 2)))
    view.dispatch(view.state.tr.setMeta('collaborator caret', true))
    expect(walks).toBe(1)

    const remoteText = collaboratorText(local)
    remoteText().insert(0, '> ')
    expect(view.state.doc.textContent).toBe('> alpha!')
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 3)))
    expect(walks).toBe(1)

    // A plugin appends to a remote change: the document now differs from what Yjs holds, and the next update
    // sends it.
    appendToRemote = '#'
    remoteText().insert(0, '~')
    expect(view.state.doc.textContent).toBe('#~> alpha!')
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 4)))
    expect(walks).toBe(2)
    expect(yText()).toContain('#~> alpha!')
  })
})
