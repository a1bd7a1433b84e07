import * as Y from 'yjs'

// One codec for both sides: the client encodes a thread's anchor endpoints, the server validates them and reads
// their section. btoa/atob rather than Buffer, so the same code runs in the browser and in Node.

const base64 = /^[A-Za-z0-9+/]+={0,2}$/

/** Encodes one anchor endpoint: `Y.encodeRelativePosition`, then base64. */
export function encodeAnchorPosition(position: Y.RelativePosition): string {
  let binary = ''
  for (const byte of Y.encodeRelativePosition(position)) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/** Decodes an anchor endpoint made by `encodeAnchorPosition`; null if it is malformed or points nowhere. */
export function decodeAnchorPosition(encoded: string): Y.RelativePosition | null {
  if (!base64.test(encoded)) return null
  try {
    const binary = atob(encoded)
    const bytes = new Uint8Array(binary.length)
    for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
    const position = Y.decodeRelativePosition(bytes)
    return position.item !== null || position.type !== null || position.tname !== null ? position : null
  } catch {
    return null
  }
}
