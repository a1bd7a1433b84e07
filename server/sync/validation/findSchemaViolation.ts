import { getSchema } from '@tiptap/core'
import type { MarkType, NodeType, Node as ProseMirrorNode } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { charterExtensions, documentField } from '../../../shared/schema/index.ts'

const schema = getSchema(charterExtensions)
// y-prosemirror stores overlapping marks under "<mark>--<8-char hash>" (see yattr2markname in @tiptap/y-tiptap).
const hashedMarkName = /(.*)(--[a-zA-Z0-9+/=]{8})$/
/** Any shared type; Yjs types their event parameter, which does not matter here. */
type SharedType = Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>>
const allowedChildren = new Map<NodeType, Set<NodeType>>()

/** Every node type that may appear somewhere in `type`'s content expression, in any position or number. */
function childTypesOf(type: NodeType): Set<NodeType> {
  const known = allowedChildren.get(type)
  if (known) return known
  const types = new Set<NodeType>()
  const seen = new Set([type.contentMatch])
  const queue = [type.contentMatch]
  for (let match = queue.pop(); match; match = queue.pop()) {
    for (let index = 0; index < match.edgeCount; index++) {
      const edge = match.edge(index)
      types.add(edge.type)
      if (!seen.has(edge.next)) {
        seen.add(edge.next)
        queue.push(edge.next)
      }
    }
  }
  allowedChildren.set(type, types)
  return types
}

/** Thrown while converting Yjs content to ProseMirror; its message is the (short) refusal reason. */
class SchemaViolation extends Error {}

function quoted(name: string): string {
  return JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name)
}

function markTypeOf(attributeName: string): MarkType {
  const name = hashedMarkName.exec(attributeName)?.[1] ?? attributeName
  const type = schema.marks[name]
  if (!type) throw new SchemaViolation(`unknown mark ${quoted(name)}`)
  return type
}

function checkAttributeNames(
  declared: Record<string, unknown> | undefined,
  values: unknown,
  owner: string,
): void {
  if (values === null || typeof values !== 'object') return
  for (const name of Object.keys(values)) {
    if (!declared || !(name in declared))
      throw new SchemaViolation(`unknown attribute ${quoted(name)} on ${owner}`)
  }
}

function nodeTypeOf(element: Y.XmlElement): NodeType {
  const type = schema.nodes[element.nodeName]
  if (!type || type === schema.topNodeType || type.isText) {
    throw new SchemaViolation(`unknown node type ${quoted(element.nodeName)}`)
  }
  return type
}

/** ProseMirror text nodes for a Y.XmlText, as y-tiptap builds them, with each mark's attributes checked. */
function textNodesOf(text: Y.XmlText, parent: NodeType): ProseMirrorNode[] {
  if (text._map.size > 0) throw new SchemaViolation('attributes on text')
  if (!childTypesOf(parent).has(schema.nodes.text as NodeType)) {
    throw new SchemaViolation(`text is not allowed in ${quoted(parent.name)}`)
  }
  const nodes: ProseMirrorNode[] = []
  for (const part of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof part.insert !== 'string') throw new SchemaViolation('embedded objects are not allowed in text')
    const marks = Object.entries(part.attributes ?? {}).map(([name, value]) => {
      const type = markTypeOf(name)
      if (!parent.allowsMarkType(type))
        throw new SchemaViolation(`${quoted(type.name)} is not allowed in ${quoted(parent.name)}`)
      checkAttributeNames(type.spec.attrs, value, `mark ${quoted(type.name)}`)
      return type.create(value !== null && typeof value === 'object' ? value : null)
    })
    nodes.push(schema.text(part.insert, marks))
  }
  return nodes
}

/** Items the transaction inserted so far, by parent type, found from the clocks each client advanced by. */
const insertedByTransaction = new WeakMap<Y.Transaction, Map<unknown, Y.Item[]>>()

function insertedInto(parent: unknown, transaction: Y.Transaction): readonly Y.Item[] {
  let byParent = insertedByTransaction.get(transaction)
  if (!byParent) {
    byParent = new Map()
    for (const [client, structs] of transaction.doc.store.clients) {
      const before = transaction.beforeState.get(client) ?? 0
      const last = structs.at(-1)
      if (!last || last.id.clock + last.length <= before) continue
      for (let index = Y.findIndexSS(structs, before); index < structs.length; index++) {
        const struct = structs[index]
        if (!(struct instanceof Y.Item)) continue
        const items = byParent.get(struct.parent) ?? []
        items.push(struct)
        byParent.set(struct.parent, items)
      }
    }
    insertedByTransaction.set(transaction, byParent)
  }
  return byParent.get(parent) ?? []
}

/**
 * What a change to a text can have added: its new items. Strings are always fine; a format item must name a mark
 * the parent allows, with declared attributes; anything else (embeds, nested types, raw values) is refused, as
 * textNodesOf would refuse it. Cost follows the update, not the paragraph: typing into a 100,000-character
 * paragraph no longer lists the whole paragraph per keystroke.
 */
function checkInsertedText(text: Y.XmlText, parent: NodeType, transaction: Y.Transaction): void {
  if (text._map.size > 0) throw new SchemaViolation('attributes on text')
  if (!childTypesOf(parent).has(schema.nodes.text as NodeType)) {
    throw new SchemaViolation(`text is not allowed in ${quoted(parent.name)}`)
  }
  for (const item of insertedInto(text, transaction)) {
    if (item.parentSub !== null) continue
    const content = item.content
    if (content instanceof Y.ContentString || content instanceof Y.ContentDeleted) continue
    if (!(content instanceof Y.ContentFormat)) {
      throw new SchemaViolation('embedded objects are not allowed in text')
    }
    const type = markTypeOf(content.key)
    if (!parent.allowsMarkType(type))
      throw new SchemaViolation(`${quoted(type.name)} is not allowed in ${quoted(parent.name)}`)
    checkAttributeNames(type.spec.attrs, content.value, `mark ${quoted(type.name)}`)
  }
}

/** The ProseMirror node y-tiptap would build for `element`, without its habit of deleting what does not fit. */
function nodeOf(element: Y.XmlElement): ProseMirrorNode {
  const type = nodeTypeOf(element)
  const children: ProseMirrorNode[] = []
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlElement) children.push(nodeOf(child))
    else if (child instanceof Y.XmlText) children.push(...textNodesOf(child, type))
    else throw new SchemaViolation(`unexpected content in ${quoted(type.name)}`)
  }
  const attributes = element.getAttributes()
  checkAttributeNames(type.spec.attrs, attributes, quoted(type.name))
  let node: ProseMirrorNode
  try {
    node = type.create(attributes, children)
    node.check()
  } catch {
    throw new SchemaViolation(`invalid content in ${quoted(type.name)}`)
  }
  return node
}

/** The root type `type` hangs from, or null if it hangs from deleted (garbage-collected) content. */
function liveRootOf(type: SharedType): SharedType | null {
  let current = type
  for (let item = current._item; item; item = current._item) {
    if (item.deleted || !(item.parent instanceof Y.AbstractType)) return null
    current = item.parent
  }
  return current
}

function isNew(type: { _item: Y.Item | null }, transaction: Y.Transaction): boolean {
  const item = type._item
  return item !== null && item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0)
}

/**
 * Checks the children of a container that existed before this update. Only the kinds of children are checked,
 * not their order or number: two honest concurrent edits can merge into a sequence the content expression
 * does not allow (two clients each delete a different one of two paragraphs), and the editor copes with that.
 * A child this update created is checked in full, content expression included.
 */
function checkChildren(
  parent: Y.XmlElement | Y.XmlFragment,
  type: NodeType,
  transaction: Y.Transaction,
): void {
  const allowed = childTypesOf(type)
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlElement) {
      const childType = nodeTypeOf(child)
      if (!allowed.has(childType))
        throw new SchemaViolation(`${quoted(childType.name)} is not allowed in ${quoted(type.name)}`)
      if (isNew(child, transaction)) nodeOf(child)
    } else if (child instanceof Y.XmlText) textNodesOf(child, type)
    else throw new SchemaViolation(`unexpected content in ${quoted(type.name)}`)
  }
}

function checkChanged(type: SharedType, keys: Set<string | null>, transaction: Y.Transaction): void {
  const attributeNames = [...keys].filter((key): key is string => key !== null)
  if (type instanceof Y.XmlElement) {
    const nodeType = nodeTypeOf(type)
    if (attributeNames.length > 0)
      checkAttributeNames(nodeType.spec.attrs, type.getAttributes(), quoted(nodeType.name))
    if (keys.has(null)) checkChildren(type, nodeType, transaction)
  } else if (type instanceof Y.XmlText) {
    const parent = type._item?.parent
    const parentType = parent instanceof Y.XmlElement ? nodeTypeOf(parent) : schema.topNodeType
    checkInsertedText(type, parentType, transaction)
  } else if (type instanceof Y.XmlFragment) {
    if (attributeNames.length > 0) throw new SchemaViolation('attributes on the document root')
    checkChildren(type, schema.topNodeType, transaction)
  } else {
    throw new SchemaViolation('unexpected shared type in the document')
  }
}

/**
 * Checks what `transaction` changed in `ydoc` against the editor's schema: only the document's own field at the
 * root, only node types and marks where the schema allows them, only declared attributes, and every node the
 * update created complete by its content expression. Cost follows the size of the change, not of the document
 * (a changed container's children are listed, not converted). Returns the refusal reason, or null.
 */
export function findSchemaViolation(transaction: Y.Transaction, ydoc: Y.Doc): string | null {
  const field = ydoc.share.get(documentField)
  try {
    for (const [type, keys] of transaction.changed) {
      const root = liveRootOf(type)
      if (root === null) continue
      if (root !== field) {
        const name = [...ydoc.share].find(([, shared]) => shared === root)?.[0] ?? ''
        throw new SchemaViolation(`unexpected root ${quoted(name)}`)
      }
      checkChanged(type, keys, transaction)
    }
  } catch (error) {
    if (error instanceof SchemaViolation) return error.message
    throw error
  }
  return null
}
