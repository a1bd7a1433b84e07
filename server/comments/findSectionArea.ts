import * as Y from 'yjs'
import { decodeAnchorPosition, type ThreadArea } from '../../shared/comments/index.ts'
import { documentField, isAreaId } from '../../shared/schema/index.ts'

/**
 * The priority area of the section that contains a relative position, read from the document on the
 * server, so an inline thread's area cannot be chosen freely by the client. Null if it cannot be resolved.
 */
export function findSectionArea(ydoc: Y.Doc, encodedPosition: string): ThreadArea | null {
  const position = decodeAnchorPosition(encodedPosition)
  if (!position) return null
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, ydoc)
  if (!absolute) return null
  if (absolute.type === ydoc.getXmlFragment(documentField)) return 'general'
  for (
    let type: Y.AbstractType<unknown> | null = absolute.type;
    type;
    type = type.parent as Y.AbstractType<unknown> | null
  ) {
    if (type instanceof Y.XmlElement && type.nodeName === 'charterSection') {
      const area = type.getAttribute('area')
      return isAreaId(area) ? area : 'general'
    }
  }
  return 'general'
}
