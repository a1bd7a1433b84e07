import type { Delegation, Role } from '../roles/index.ts'

/** GET /api/documents/:name/people: someone with access to the document, as @mentions offer them. */
export interface PersonView {
  id: number
  name: string
  /** Mentions match the login too (`@aysel`), as the server reads them. */
  login: string
  delegation: Delegation
  /** Their role in this document. */
  role: Role
}
