import * as Y from 'yjs'
import type { ClauseStatus } from '../../../shared/negotiation/clauseStatus.ts'
import { documentField } from '../../../shared/schema/index.ts'
import { bracketNodeNames } from '../../negotiation/readBrackets.ts'
import { holdsText } from './findSchemaViolation.ts'
import type { Writer } from './Writer.ts'

/** Any shared type; Yjs types their event parameter, which does not matter here. */
type SharedType = Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>>

/** The item holding `id` in `store`, or null if the store lacks it or holds it as garbage-collected. */
function itemAt(store: Y.Doc['store'], id: Y.ID): Y.Item | null {
  const structs = store.clients.get(id.client)
  if (!structs || id.clock >= Y.getState(store, id.client)) return null
  const struct = structs[Y.findIndexSS(structs, id.clock)]
  return struct instanceof Y.Item ? struct : null
}

/**
 * Whether every range of `deletions` is already deleted in `store`. A client's update may repeat deletions the
 * document has (an update encoded from a state vector carries the sender's whole delete set): no-ops.
 */
function alreadyDeleted(store: Y.Doc['store'], deletions: ReturnType<typeof Y.decodeUpdate>['ds']): boolean {
  for (const [client, ranges] of deletions.clients) {
    const structs = store.clients.get(client)
    if (!structs) return false
    const state = Y.getState(store, client)
    for (const { clock, len } of ranges) {
      if (clock + len > state) return false
      for (let index = Y.findIndexSS(structs, clock); index < structs.length; index++) {
        const struct = structs[index] as Y.Item | Y.GC
        if (struct.id.clock >= clock + len) break
        if (!struct.deleted) return false
      }
    }
  }
  return true
}

/**
 * The client id `update` writes with, if it is plain typing that no rule can refuse, judged against `live` (the
 * document as every accepted update left it); null if the update must go the full way through the shadow.
 *
 * Plain typing is one string item inserted, nothing deleted that was not deleted already, next to items `live` has, into a text of a block
 * that holds text, in the document's own field, outside brackets and outside protected clauses, by a writer who
 * need not suggest, and with nothing pending in `live` that it could complete. Each rule the shadow applies has
 * nothing to say about such an update: a string is always valid text (findSchemaViolation), no bracket encloses
 * it (findBracketViolation), no agreed clause holds it (findProtectedClauseChange), and text that sets or
 * removes no suggestion mark where suggestions are optional breaks no suggestion rule (findSuggestionViolation).
 * It is what almost every update of a session of typing is, and judging it costs a decode and a walk up the
 * tree instead of integrating it into the shadow copy and checking the transaction.
 */
export function plainTypingClient(
  update: Uint8Array,
  live: Y.Doc,
  protectedClauses: ReadonlyMap<string, ClauseStatus>,
  writer: Writer | null,
): number | null {
  if (writer?.mustSuggest) return null
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdate(update)
  } catch {
    return null
  }
  if (decoded.structs.length !== 1) return null
  const item = decoded.structs[0]
  if (
    !(item instanceof Y.Item) ||
    !(item.content instanceof Y.ContentString) ||
    item.length === 0 ||
    item.parentSub !== null ||
    item.origin === null
  )
    return null
  const store = live.store
  // Pending structs or deletions could integrate along with it: that is no longer one string.
  if (store.pendingStructs !== null || store.pendingDs !== null) return null
  if (item.id.clock !== Y.getState(store, item.id.client)) return null
  if (!alreadyDeleted(store, decoded.ds)) return null
  const left = itemAt(store, item.origin)
  const right = item.rightOrigin === null ? null : itemAt(store, item.rightOrigin)
  if (!left || (item.rightOrigin !== null && !right)) return null
  const text = left.parent
  if (!(text instanceof Y.XmlText) || left.parentSub !== null) return null
  if (right && (right.parent !== text || right.parentSub !== null)) return null
  if (text._map.size > 0) return null
  const block = text._item?.parent
  if (!(block instanceof Y.XmlElement) || !holdsText(block.nodeName)) return null
  let type = text as unknown as SharedType
  for (let parentItem = type._item; parentItem !== null; parentItem = type._item) {
    const parent = parentItem.parent
    if (parentItem.deleted || !(parent instanceof Y.AbstractType)) return null
    if (parent instanceof Y.XmlElement) {
      if (bracketNodeNames.has(parent.nodeName)) return null
      if (parent.nodeName === 'article' && protectedClauses.size > 0) {
        const clauseId = parent.getAttribute('clauseId')
        if (typeof clauseId === 'string' && protectedClauses.has(clauseId)) return null
      }
    }
    type = parent as SharedType
  }
  return (type as unknown) === live.share.get(documentField) ? item.id.client : null
}
