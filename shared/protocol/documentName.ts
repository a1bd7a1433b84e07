import { limits } from './limits.ts'

const documentNamePattern = new RegExp(`^[a-z0-9][a-z0-9-]{0,${limits.maxDocumentNameLength - 1}}$`)

/** Document names are an allow-list: lowercase ASCII letters, digits and dashes, at most 64 characters. */
export function isValidDocumentName(name: string): boolean {
  return documentNamePattern.test(name)
}

/** The charter draft every installation starts with. */
export const charterDocumentName = 'charter'

/** URL path prefix for WebSocket upgrades: `/collab/<documentName>`. */
export const collabPathPrefix = '/collab/'
