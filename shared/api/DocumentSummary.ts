import type { Role } from '../roles/index.ts'

/** A document the signed-in account can see, with its role there. GET /api/documents[/:name] */
export interface DocumentSummary {
  name: string
  title: string
  role: Role
}
