import * as Y from 'yjs'

/** The formatting attributes (marks, as y-tiptap stores them) in effect at a place in a text. Never mutated. */
export type Attributes = ReadonlyMap<string, unknown>

const noAttributes: Attributes = new Map()

/** What one transaction changed in one parent type: its new items, the old ones it deleted, formatting touched. */
export interface ChangedItems {
  fresh: Y.Item[]
  removed: Y.Item[]
  /** A formatting item of any key was added or deleted: the attributes in effect may have moved. */
  formats: boolean
  /** One of those was a suggestion mark (insertion or deletion). */
  suggestionFormats: boolean
}

/**
 * The items a transaction added or deleted, by parent type. Cost follows the update (its new structs and deleted
 * ranges), never the size of the texts it touches.
 */
export function changedItemsOf(
  transaction: Y.Transaction,
  isSuggestionKey: (key: string) => boolean,
): Map<unknown, ChangedItems> {
  const changes = new Map<unknown, ChangedItems>()
  const note = (struct: Y.Item, fresh: boolean) => {
    let entry = changes.get(struct.parent)
    if (!entry) {
      entry = { fresh: [], removed: [], formats: false, suggestionFormats: false }
      changes.set(struct.parent, entry)
    }
    ;(fresh ? entry.fresh : entry.removed).push(struct)
    if (struct.content instanceof Y.ContentFormat) {
      entry.formats = true
      if (isSuggestionKey(struct.content.key)) entry.suggestionFormats = true
    }
  }
  const { store } = transaction.doc
  for (const [client, structs] of store.clients) {
    const before = transaction.beforeState.get(client) ?? 0
    const last = structs.at(-1)
    if (!last || last.id.clock + last.length <= before) continue
    for (
      let index = Y.findIndexSS(structs, Math.max(before, structs[0]?.id.clock ?? 0));
      index < structs.length;
      index++
    ) {
      const struct = structs[index]
      if (struct instanceof Y.Item) note(struct, true)
    }
  }
  for (const [client, ranges] of transaction.deleteSet.clients) {
    const structs = store.clients.get(client)
    const last = structs?.at(-1)
    if (!structs || !last) continue
    const before = transaction.beforeState.get(client) ?? 0
    for (const { clock, len } of ranges) {
      if (clock >= last.id.clock + last.length) continue
      for (let index = Y.findIndexSS(structs, clock); index < structs.length; index++) {
        const struct = structs[index]!
        if (struct.id.clock >= clock + len) break
        // New items deleted at once were noted as new; they were never live.
        if (struct instanceof Y.Item && struct.id.clock < before) note(struct, false)
      }
    }
  }
  return changes
}

/**
 * The formatting in effect at the items of each text, as the shadow document stands after its last transaction.
 * Yjs keeps formatting as items in the text, so the marks on a character are found by walking from the start of
 * its paragraph; with this, a keystroke's check walks left only to the nearest item already known (usually the
 * one typed just before), so its cost does not grow with the paragraph. A text whose formatting items change is
 * forgotten and learnt again by the next full walk of it.
 */
export class TextAttributeCache {
  private readonly texts = new WeakMap<Y.XmlText, WeakMap<Y.Item, Attributes>>()
  /** Items looked at by lookups and walks, for tests and measurements of the cost. */
  visited = 0

  knows(text: Y.XmlText): boolean {
    return this.texts.has(text)
  }

  /** Drops the texts whose formatting this transaction changed (whatever the writer, the server included). */
  forget(changes: ReadonlyMap<unknown, ChangedItems>): void {
    for (const [parent, changed] of changes)
      if (changed.formats && parent instanceof Y.XmlText) this.texts.delete(parent)
  }

  /** Starts learning a text afresh: the full walk then records what is in effect at each item. */
  learn(text: Y.XmlText): (item: Y.Item, attributes: Attributes) => void {
    const entries = new WeakMap<Y.Item, Attributes>()
    this.texts.set(text, entries)
    return (item, attributes) => {
      this.visited++
      entries.set(item, attributes)
    }
  }

  /**
   * The attributes in effect at `item` of a known text, where this transaction left the formatting as it was:
   * from the nearest known item to its left (or the start), plus the formatting items in between.
   */
  at(text: Y.XmlText, item: Y.Item): Attributes {
    const entries = this.texts.get(text)
    if (!entries) throw new Error('the text is not known')
    const between: Y.ContentFormat[] = []
    let known: Attributes = noAttributes
    for (let current: Y.Item | null = item; current !== null; current = current.left) {
      this.visited++
      const found = entries.get(current)
      if (found) {
        known = found
        break
      }
      if (current.content instanceof Y.ContentFormat && !current.deleted) between.push(current.content)
    }
    let attributes = known
    if (between.length > 0) {
      const copy = new Map(known)
      for (const format of between.reverse()) {
        if (format.value === null) copy.delete(format.key)
        else copy.set(format.key, format.value)
      }
      attributes = copy
    }
    if (!(item.content instanceof Y.ContentFormat)) entries.set(item, attributes)
    return attributes
  }
}
