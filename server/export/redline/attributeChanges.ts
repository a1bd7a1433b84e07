import * as Y from 'yjs'
import { documentField } from '../../../shared/schema/index.ts'
import { readSuggestionMark } from '../../../shared/suggestions/index.ts'
import type {
  AuthoredText,
  AuthorshipEvidence,
  ChangeAttribution,
  ChangeAuthor,
} from './ChangeAttribution.ts'

function visibleIn(item: Y.Item, snapshot: Y.Snapshot): boolean {
  return item.id.clock < (snapshot.sv.get(item.id.client) ?? 0) && !Y.isDeleted(snapshot.ds, item.id)
}

function push(runs: AuthoredText[], text: string, author: ChangeAuthor | null, area: string | null): void {
  const last = runs[runs.length - 1]
  const same =
    last &&
    last.area === area &&
    last.author?.name === author?.name &&
    last.author?.delegation === author?.delegation
  if (same) last.text += text
  else runs.push({ text, author, area })
}

function markAuthor(value: unknown): ChangeAuthor | null {
  const mark = readSuggestionMark(value)
  return mark ? { name: mark.name, delegation: mark.delegation, at: mark.at } : null
}

/**
 * Attributes every character inserted or deleted between two states of one document. Both states are applied
 * to one document that keeps deleted content (the older state brings the text the newer one deleted); each
 * text item visible in only one of the two versions is a change. An insertion belongs to whoever wrote with the
 * item's client id (a suggestion's author wrote it, whoever accepted it); a deletion to whoever deleted the item
 * (or, for an accepted suggested deletion, which the server carried out, the suggestion's author).
 */
export function attributeChanges(evidence: AuthorshipEvidence): ChangeAttribution {
  const authors = new Map(evidence.authors.map((author) => [author.clientId, author]))
  const deleters = new Map<number, AuthorshipEvidence['deletions']>()
  for (const deletion of evidence.deletions) {
    const list = deleters.get(deletion.client) ?? []
    list.push(deletion)
    deleters.set(deletion.client, list)
  }
  const deleterOf = (id: Y.ID): ChangeAuthor | null => {
    const ranges = deleters.get(id.client) ?? []
    // A range recorded twice: the later record is the deletion that took effect.
    for (let index = ranges.length - 1; index >= 0; index--) {
      const range = ranges[index]!
      if (range.clock <= id.clock && id.clock < range.clock + range.length)
        return { name: range.name, delegation: range.delegation, at: range.at }
    }
    return null
  }
  const ydoc = new Y.Doc({ gc: false })
  Y.applyUpdate(ydoc, evidence.baseState)
  const before = Y.snapshot(ydoc)
  Y.applyUpdate(ydoc, evidence.state)
  const after = Y.snapshot(ydoc)
  const inserted: AuthoredText[] = []
  const deleted: AuthoredText[] = []

  const walkText = (text: Y.XmlText, area: string | null) => {
    // Formatting as written, deleted format items included: the suggested deletion an accepted deletion was.
    const written = new Map<string, unknown>()
    for (let item = text._start; item !== null; item = item.right) {
      if (item.content instanceof Y.ContentFormat) {
        const { key, value } = item.content
        if (value === null) written.delete(key)
        else written.set(key, value)
        continue
      }
      if (!(item.content instanceof Y.ContentString)) continue
      const inBefore = visibleIn(item, before)
      const inAfter = visibleIn(item, after)
      if (inBefore === inAfter) continue
      const value = item.content.str
      if (inAfter) {
        const writer = authors.get(item.id.client)
        // A suggested insertion's mark (removed on acceptance, still in the history) dates it exactly.
        const at = readSuggestionMark(written.get('insertion'))?.at ?? writer?.firstSeen
        push(inserted, value, writer ? { name: writer.name, delegation: writer.delegation, at } : null, area)
      } else {
        // A client's deletion is recorded; the server deletes only when a suggested deletion is accepted.
        push(deleted, value, deleterOf(item.id) ?? markAuthor(written.get('deletion')), area)
      }
    }
  }
  const walk = (parent: Y.XmlFragment | Y.XmlElement, area: string | null) => {
    for (let item = parent._start; item !== null; item = item.right) {
      if (!(item.content instanceof Y.ContentType)) continue
      const child = item.content.type
      if (child instanceof Y.XmlText) walkText(child, area)
      else if (child instanceof Y.XmlElement) {
        const own = child.nodeName === 'charterSection' ? child.getAttribute('area') : undefined
        walk(child, typeof own === 'string' ? own : area)
      }
    }
  }
  walk(ydoc.getXmlFragment(documentField), null)
  ydoc.destroy()
  return { inserted, deleted }
}
