import * as Y from 'yjs'
import {
  readBlockSuggestion,
  readSuggestionMark,
  type SuggestionKind,
  suggestionKinds,
} from '../../../shared/suggestions/index.ts'
import type { Attributes, ChangedItems, TextAttributeCache } from './TextAttributeCache.ts'
import type { Writer } from './Writer.ts'

/** Any shared type; Yjs types their event parameter, which does not matter here. */
type SharedType = Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>>

/** Why an update breaks the suggestion rules: the message is the close reason (4403). */
class SuggestionViolation extends Error {}

/**
 * Whether a place in the document takes suggestions only (the document's policy, or an agreed clause): null if
 * not, else a function naming the place for the refusal ("this document", "Article 3 is agreed").
 */
export type SuggestionsRequired = (type: SharedType) => (() => string) | null

/** A place where anything goes; `required` is null there. */
type Zone = (() => string) | null

function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined'
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))
  return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${stableJson(entry)}`).join(',')}}`
}

function sameValue(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b)
}

/** The ranges of client clocks this transaction deleted, to tell "deleted now" from "deleted before". */
function deletedNow(transaction: Y.Transaction): (item: Y.Item) => boolean {
  return (item) => {
    const ranges = transaction.deleteSet.clients.get(item.id.client)
    if (!ranges) return false
    const { clock } = item.id
    return ranges.some((range) => range.clock <= clock && clock < range.clock + range.len)
  }
}

function isNewItem(item: Y.Item, transaction: Y.Transaction): boolean {
  return item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0)
}

function isOwn(writer: Writer, value: unknown): boolean {
  const mark = readSuggestionMark(value)
  return (
    mark !== null &&
    writer.accountId != null &&
    mark.by === writer.accountId &&
    mark.delegation === writer.delegation &&
    mark.name === writer.name
  )
}

function describeAuthor(value: unknown): string {
  const mark = readSuggestionMark(value)
  return mark ? `${mark.name} (${mark.delegation})` : 'nobody'
}

/** The key under which a suggestion mark is remembered (see KnownSuggestionMarks). */
export function suggestionMarkKey(kind: string, value: unknown): string {
  return `${kind}:${stableJson(value)}`
}

/**
 * Every suggestion mark the document has held (kind and exact attributes). Suggestions travel: moving an article
 * deletes its text and inserts a copy (in two updates), so new text may carry a suggestion of anyone, or a
 * deletion, if the document already held exactly that mark. A mark never seen is new and must be the writer's.
 */
export type KnownSuggestionMarks = Set<string>

/** Adds the suggestion marks an update's own formatting items set (for the server's and other instances' updates). */
export function collectUpdateSuggestionMarks(update: Uint8Array, into: KnownSuggestionMarks): void {
  for (const struct of Y.decodeUpdate(update).structs) {
    if (
      struct instanceof Y.Item &&
      struct.parentSub === 'suggestion' &&
      struct.content instanceof Y.ContentAny
    ) {
      const value = struct.content.getContent().at(-1)
      if (value != null) into.add(suggestionMarkKey('block', value))
    }
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentFormat)) continue
    const { key, value } = struct.content
    if (value !== null && (suggestionKinds as readonly string[]).includes(key))
      into.add(suggestionMarkKey(key, value))
  }
}

/** Adds the suggestion marks of every text under `parent` to `into`. */
export function collectSuggestionMarks(
  parent: Y.XmlFragment | Y.XmlElement,
  into: KnownSuggestionMarks,
): void {
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlElement) {
      const block = child.getAttribute('suggestion')
      if (block != null) into.add(suggestionMarkKey('block', block))
      collectSuggestionMarks(child, into)
    } else if (child instanceof Y.XmlText) {
      for (const part of child.toDelta() as { attributes?: Record<string, unknown> }[]) {
        for (const kind of suggestionKinds) {
          const value = part.attributes?.[kind]
          if (value !== undefined) into.add(suggestionMarkKey(kind, value))
        }
      }
    }
  }
}

/** Whether a formatting key is a suggestion mark's. */
export function isSuggestionKey(key: string): boolean {
  return (suggestionKinds as readonly string[]).includes(key)
}

/** An attribute's value as last written, also on a deleted element (whose attributes are deleted with it). */
function attributeAsWritten(element: Y.XmlElement, key: string): unknown {
  const item = element._map.get(key)
  return item ? item.content.getContent().at(-1) : undefined
}

/** A suggestion mark of one kind on text that existed before and stays: may it change like this? */
function judgeMarkChange(kind: SuggestionKind, before: unknown, after: unknown, writer: Writer): void {
  if (sameValue(before, after)) return
  if (after !== undefined) {
    if (!isOwn(writer, after))
      throw new SuggestionViolation(
        readSuggestionMark(after)
          ? `a suggestion must name its author: this one claims ${describeAuthor(after)}`
          : 'a suggestion without a valid id, author and time',
      )
    if (kind === 'insertion') throw new SuggestionViolation('only new text can be a suggested insertion')
  }
  if (before !== undefined && !isOwn(writer, before))
    throw new SuggestionViolation(
      `only a decision accepts or rejects the suggestion of ${describeAuthor(before)}`,
    )
}

function applyFormat(attributes: Map<string, unknown>, content: Y.ContentFormat): void {
  if (content.value === null) attributes.delete(content.key)
  else attributes.set(content.key, content.value)
}

/** One update's check; marks it introduces are reported in `introduced` once it passes. */
class SuggestionCheck {
  private readonly travelling = new Map<string, string>()
  readonly introduced = new Set<string>()

  constructor(
    private readonly transaction: Y.Transaction,
    private readonly writer: Writer,
    private readonly removedNow: (item: Y.Item) => boolean,
    private readonly known: ReadonlySet<string>,
    private readonly attributes: TextAttributeCache,
  ) {}

  finish(): void {
    for (const [key, reason] of this.travelling) {
      if (!this.known.has(key)) throw new SuggestionViolation(reason)
    }
  }

  /** Checks one run of text that existed before, exists after, or both. */
  private judgeRun(before: Attributes | null, after: Attributes | null, required: Zone): void {
    if (before === null && after !== null) {
      const deletion = after.get('deletion')
      if (deletion !== undefined)
        this.travelling.set(
          suggestionMarkKey('deletion', deletion),
          'new text cannot be a suggested deletion',
        )
      const insertion = after.get('insertion')
      if (insertion !== undefined) {
        if (!readSuggestionMark(insertion))
          throw new SuggestionViolation('a suggestion without a valid id, author and time')
        if (isOwn(this.writer, insertion)) this.introduced.add(suggestionMarkKey('insertion', insertion))
        else
          this.travelling.set(
            suggestionMarkKey('insertion', insertion),
            `a suggestion must name its author: this one claims ${describeAuthor(insertion)}`,
          )
      }
      if (required && insertion === undefined)
        throw new SuggestionViolation(`${required()}: new text must be a suggested insertion`)
      return
    }
    if (before !== null && after === null) {
      if (required && !isOwn(this.writer, before.get('insertion')))
        throw new SuggestionViolation(`${required()}: text can only be marked for deletion`)
      return
    }
    if (before === null || after === null) return
    for (const kind of suggestionKinds) {
      const value = after.get(kind)
      judgeMarkChange(kind, before.get(kind), value, this.writer)
      if (value !== undefined) this.introduced.add(suggestionMarkKey(kind, value))
    }
    if (required && !isOwn(this.writer, after.get('insertion'))) {
      for (const key of new Set([...before.keys(), ...after.keys()])) {
        if ((suggestionKinds as readonly string[]).includes(key)) continue
        if (!sameValue(before.get(key), after.get(key)))
          throw new SuggestionViolation(`${required()}: formatting cannot change directly`)
      }
    }
  }

  /**
   * Walks a text's items once, keeping the formatting in effect before the transaction (items that were live:
   * old and not deleted, or deleted by it) and after it (items not deleted), and judges every run of characters.
   * The walk also teaches the attribute cache the text, so that later keystrokes in it need not walk it again.
   */
  judgeText(text: Y.XmlText, required: Zone): void {
    const before = new Map<string, unknown>()
    const after = new Map<string, unknown>()
    const learnt = this.attributes.learn(text)
    let snapshot: Attributes | null = null
    for (let item = text._start; item !== null; item = item.right) {
      const fresh = isNewItem(item, this.transaction)
      const liveBefore = !fresh && (!item.deleted || this.removedNow(item))
      const liveAfter = !item.deleted
      if (item.content instanceof Y.ContentFormat) {
        if (liveBefore) applyFormat(before, item.content)
        if (liveAfter) {
          applyFormat(after, item.content)
          snapshot = null
        }
        continue
      }
      snapshot ??= new Map(after)
      learnt(item, snapshot)
      if (!(item.content instanceof Y.ContentString) || (!liveBefore && !liveAfter)) continue
      this.judgeRun(liveBefore ? before : null, liveAfter ? after : null, required)
    }
  }

  /**
   * The same judgement for a text this transaction left the formatting of alone, from its changed items only:
   * new characters with the marks in effect where they landed, deleted ones with the marks they had. Text that
   * stays keeps its marks, so there is nothing else to judge; the cost follows the update, not the paragraph.
   */
  judgeTextChanges(text: Y.XmlText, required: Zone, changed: ChangedItems): void {
    for (const item of changed.fresh) {
      if (item.deleted || item.parentSub !== null || !(item.content instanceof Y.ContentString)) continue
      this.judgeRun(null, this.attributes.at(text, item), required)
    }
    for (const item of changed.removed) {
      if (item.parentSub !== null || !(item.content instanceof Y.ContentString)) continue
      this.judgeRun(this.attributes.at(text, item), null, required)
    }
  }

  /** Every text (and suggested paragraph) inside an element this update created or removed. */
  private judgeSubtree(element: Y.XmlElement, required: Zone, fresh: boolean): void {
    for (let item = element._start; item !== null; item = item.right) {
      if (!(item.content instanceof Y.ContentType)) continue
      const child = item.content.type
      if (child instanceof Y.XmlText) this.judgeText(child, required)
      else if (child instanceof Y.XmlElement) {
        if (fresh) this.judgeNewBlock(child)
        this.judgeSubtree(child, required, fresh)
      }
    }
  }

  /** A new paragraph's suggestion attribute: well formed, and the writer's unless the document held it. */
  private judgeNewBlock(element: Y.XmlElement): void {
    const value = element.getAttribute('suggestion')
    if (value == null) return
    const block = readBlockSuggestion(value)
    if (!block) throw new SuggestionViolation('a suggested paragraph without a valid id, author and time')
    const key = suggestionMarkKey('block', value)
    if (isOwn(this.writer, value) && block.kind === 'insertion') this.introduced.add(key)
    else
      this.travelling.set(key, `a suggestion must name its author: this one claims ${describeAuthor(value)}`)
  }

  /** Whether `element` is a paragraph the writer suggested inserting (which they may add or remove). */
  private isOwnSuggestedParagraph(element: Y.XmlElement): boolean {
    const value = attributeAsWritten(element, 'suggestion')
    return (
      element.nodeName === 'paragraph' &&
      isOwn(this.writer, value) &&
      readBlockSuggestion(value)?.kind === 'insertion'
    )
  }

  /**
   * A change of an existing paragraph's suggestion attribute: like a mark, it may only name the writer, and only
   * a decision removes someone else's; and only a new paragraph can be a suggested insertion.
   */
  judgeBlockChange(element: Y.XmlElement): void {
    let current: Y.Item | null = element._map.get('suggestion') ?? null
    const after = current && !current.deleted ? current.content.getContent().at(-1) : undefined
    let before: unknown
    for (; current !== null; current = current.left) {
      if (!isNewItem(current, this.transaction) && (!current.deleted || this.removedNow(current))) {
        before = current.content.getContent().at(-1)
        break
      }
    }
    if (sameValue(before ?? null, after ?? null)) return
    if (after != null) {
      if (!isOwn(this.writer, after))
        throw new SuggestionViolation(
          `a suggestion must name its author: this one claims ${describeAuthor(after)}`,
        )
      if (readBlockSuggestion(after)?.kind === 'insertion')
        throw new SuggestionViolation('only a new paragraph can be a suggested insertion')
    }
    if (before != null && !isOwn(this.writer, before))
      throw new SuggestionViolation(
        `only a decision accepts or rejects the suggestion of ${describeAuthor(before)}`,
      )
  }

  /** Children a container gained or lost in this transaction; where suggestions are required, texts only. */
  judgeChildren(parent: Y.XmlElement | Y.XmlFragment, required: SuggestionsRequired): void {
    const zone = required(parent as unknown as SharedType)
    for (let item = parent._start; item !== null; item = item.right) {
      if (!(item.content instanceof Y.ContentType)) continue
      const fresh = isNewItem(item, this.transaction)
      const removed = !fresh && item.deleted && this.removedNow(item)
      if ((!fresh && !removed) || (fresh && item.deleted)) continue
      const child = item.content.type
      if (child instanceof Y.XmlText) this.judgeText(child, zone)
      else if (child instanceof Y.XmlElement) {
        // Where suggestions are required, only the writer's own suggested paragraph comes or goes.
        const own = this.isOwnSuggestedParagraph(child)
        if (zone && !own)
          throw new SuggestionViolation(
            `${zone()}: paragraphs and brackets cannot be ${fresh ? 'added' : 'removed'}`,
          )
        if (fresh) this.judgeNewBlock(child)
        this.judgeSubtree(child, fresh && own ? zone : null, fresh)
      }
    }
  }
}

/**
 * The suggestion rules for a client's update (just applied in `transaction`). Everywhere: a suggestion mark the
 * document never held (`known`; the marks this update brings are added to `introduced`) must name the writer (account, name and delegation of the session) and be well formed; an
 * insertion mark comes only with new text; someone else's suggestion leaves only by a server decision (its mark
 * cannot be removed or rewritten). Where suggestions are required (`required`): new text must be the writer's
 * suggested insertion, only the writer's own insertions may be removed, formatting changes only inside them,
 * and no element may be added, removed or re-attributed. `changes` are the transaction's items by parent
 * (changedItemsOf); `attributes`, the formatting in effect, forgotten where `changes` moved it. Returns the
 * refusal reason, or null.
 */
export function findSuggestionViolation(
  transaction: Y.Transaction,
  writer: Writer,
  required: SuggestionsRequired,
  known: ReadonlySet<string>,
  introduced: KnownSuggestionMarks,
  attributes: TextAttributeCache,
  changes: ReadonlyMap<unknown, ChangedItems>,
): string | null {
  const check = new SuggestionCheck(transaction, writer, deletedNow(transaction), known, attributes)
  try {
    for (const [type, keys] of transaction.changed) {
      if (type instanceof Y.XmlText) {
        const zone = required(type as unknown as SharedType)
        const changed = changes.get(type)
        // Typing where suggestions are optional, with no suggestion mark set or removed, cannot break a rule.
        if (!zone && !changed?.suggestionFormats) continue
        if (changed && !changed.formats && attributes.knows(type)) check.judgeTextChanges(type, zone, changed)
        else check.judgeText(type, zone)
        continue
      }
      if (!(type instanceof Y.XmlElement || type instanceof Y.XmlFragment)) continue
      if (keys.has(null)) check.judgeChildren(type, required)
      if (!(type instanceof Y.XmlElement) || ![...keys].some((key) => key !== null)) continue
      if (keys.has('suggestion')) check.judgeBlockChange(type)
      const zone = required(type as unknown as SharedType)
      if (zone) throw new SuggestionViolation(`${zone()}: attributes cannot change directly`)
    }
    check.finish()
    for (const key of check.introduced) introduced.add(key)
  } catch (error) {
    if (error instanceof SuggestionViolation) return error.message
    throw error
  }
  return null
}
