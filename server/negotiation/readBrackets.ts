import * as Y from 'yjs'
import { documentField } from '../../shared/schema/index.ts'

/** Node names of the negotiation structure: a bracket (inline or block) and its alternatives. */
export const bracketNodeNames: ReadonlySet<string> = new Set([
  'bracket',
  'bracketAlternative',
  'alternatives',
  'option',
])

/** Text of an alternative kept for the register is cut here: the register records, it does not archive. */
const maxSightedText = 10_000

/** One alternative as the document holds it now. */
export interface AlternativeSighting {
  id: string | null
  /** As stored; not necessarily a valid proposer (validation decides). */
  proposedBy: string | null
  /** Plain text (blocks of an option joined by line breaks). */
  text: string
}

/** One bracket (`bracket` inline, `alternatives` block) as the document holds it now, and where it sits. */
export interface BracketSighting {
  id: string | null
  kind: 'inline' | 'block'
  /** The `area` of the enclosing section, or null outside sections. */
  area: string | null
  /** The `clauseId` of the enclosing article, or null outside articles. */
  clauseId: string | null
  alternatives: AlternativeSighting[]
}

/** A sighting with what the validator needs and the wire does not: the elements and a fingerprint of each alternative. */
export interface IndexedBracket extends BracketSighting {
  element: Y.XmlElement
  alternativeElements: Y.XmlElement[]
  /** Structure, attributes, text and marks of each alternative, to notice any change of its content. */
  fingerprints: string[]
}

type Walkable = Y.XmlElement | Y.XmlFragment

/** Live element children, read through the item list (cheaper than toArray for a walk). */
function* elementChildren(parent: Walkable): Generator<Y.XmlElement> {
  for (let item = parent._start; item !== null; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentType)) continue
    const type = item.content.type
    if (type instanceof Y.XmlElement) yield type
  }
}

function* children(parent: Walkable): Generator<Y.XmlElement | Y.XmlText> {
  for (let item = parent._start; item !== null; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentType)) continue
    const type = item.content.type
    if (type instanceof Y.XmlElement || type instanceof Y.XmlText) yield type
  }
}

function textOf(text: Y.XmlText): string {
  let out = ''
  for (const part of text.toDelta() as { insert: unknown }[])
    if (typeof part.insert === 'string') out += part.insert
  return out
}

/** Plain text of an alternative: inline text as is, an option's blocks one per line. */
function plainText(element: Y.XmlElement): string {
  const lines: string[] = []
  let line = ''
  const visit = (node: Y.XmlElement | Y.XmlText) => {
    if (node instanceof Y.XmlText) {
      line += textOf(node)
      return
    }
    const inline = node.nodeName === 'bracket' || node.nodeName === 'bracketAlternative'
    for (const child of children(node)) visit(child)
    if (!inline && line.length > 0) {
      lines.push(line)
      line = ''
    }
  }
  for (const child of children(element)) visit(child)
  if (line.length > 0) lines.push(line)
  return lines.join('\n').slice(0, maxSightedText)
}

function attributesOf(element: Y.XmlElement): string {
  const attributes = element.getAttributes() as Record<string, unknown>
  return JSON.stringify(
    Object.keys(attributes)
      .sort()
      .map((key) => [key, attributes[key]]),
  )
}

/** Everything that makes up an alternative's content; two equal fingerprints are the same proposal. */
function fingerprint(element: Y.XmlElement): string {
  const parts: string[] = []
  const visit = (node: Y.XmlElement | Y.XmlText) => {
    if (node instanceof Y.XmlText) {
      parts.push(JSON.stringify(node.toDelta()))
      return
    }
    parts.push(`<${node.nodeName} ${attributesOf(node)}>`)
    for (const child of children(node)) visit(child)
    parts.push('>')
  }
  for (const child of children(element)) visit(child)
  return parts.join('')
}

function stringAttribute(element: Y.XmlElement, name: string): string | null {
  const value = element.getAttribute(name) as unknown
  return typeof value === 'string' ? value : null
}

function indexBracket(element: Y.XmlElement, area: string | null, clauseId: string | null): IndexedBracket {
  const kind = element.nodeName === 'bracket' ? 'inline' : 'block'
  const alternativeName = kind === 'inline' ? 'bracketAlternative' : 'option'
  const bracket: IndexedBracket = {
    id: stringAttribute(element, 'id'),
    kind,
    area,
    clauseId,
    alternatives: [],
    element,
    alternativeElements: [],
    fingerprints: [],
  }
  for (const child of elementChildren(element)) {
    if (child.nodeName !== alternativeName) continue
    bracket.alternatives.push({
      id: stringAttribute(child, 'id'),
      proposedBy: stringAttribute(child, 'proposedBy'),
      text: plainText(child),
    })
    bracket.alternativeElements.push(child)
    bracket.fingerprints.push(fingerprint(child))
  }
  return bracket
}

/**
 * Every bracket of the document, in document order, with its alternatives and where it sits. Walks elements
 * only (text is read inside brackets alone), so it costs a few milliseconds on a long draft; the validator
 * calls it only when an update touches a bracket, the register on load.
 */
export function readBrackets(ydoc: Y.Doc): IndexedBracket[] {
  const found: IndexedBracket[] = []
  const visit = (parent: Walkable, area: string | null, clauseId: string | null) => {
    for (const element of elementChildren(parent)) {
      const name = element.nodeName
      if (name === 'bracket' || name === 'alternatives') {
        found.push(indexBracket(element, area, clauseId))
        // An option holds paragraphs, which may hold inline brackets of their own.
        if (name === 'alternatives') visit(element, area, clauseId)
        continue
      }
      visit(
        element,
        name === 'charterSection' ? stringAttribute(element, 'area') : area,
        name === 'article' ? stringAttribute(element, 'clauseId') : clauseId,
      )
    }
  }
  visit(ydoc.getXmlFragment(documentField), null, null)
  return found
}

/** One bracket element indexed on its own, its area and clause read from its ancestors. */
export function readBracketAt(element: Y.XmlElement): IndexedBracket {
  let area: string | null = null
  let clauseId: string | null = null
  let foundArea = false
  let foundClause = false
  for (
    let parent: unknown = element._item?.parent;
    parent instanceof Y.XmlElement;
    parent = parent._item?.parent
  ) {
    if (!foundClause && parent.nodeName === 'article') {
      clauseId = stringAttribute(parent, 'clauseId')
      foundClause = true
    } else if (!foundArea && parent.nodeName === 'charterSection') {
      area = stringAttribute(parent, 'area')
      foundArea = true
    }
  }
  return indexBracket(element, area, clauseId)
}

/** The wire form of a sighting: no Yjs objects, so it can cross to the main thread. */
export function toSighting(bracket: IndexedBracket): BracketSighting {
  const { id, kind, area, clauseId, alternatives } = bracket
  return { id, kind, area, clauseId, alternatives }
}
