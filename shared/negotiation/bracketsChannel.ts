const suffix = '--brackets'

/**
 * Name of the read-only sync document that carries a document's bracket register to clients (like the
 * threads channel): the server writes every changed `BracketRecord` into its map; clients only read.
 */
export function bracketsDocumentName(documentName: string): string {
  return `${documentName}${suffix}`
}

/** The document a brackets channel belongs to, or null if the name is not a brackets channel. */
export function documentOfBrackets(name: string): string | null {
  return name.endsWith(suffix) ? name.slice(0, -suffix.length) : null
}

/** Key of the Y.Map (in the brackets channel) holding `BracketRecord`s by bracket id. */
export const bracketsMapName = 'brackets'
