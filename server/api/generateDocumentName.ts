import { randomBytes } from 'node:crypto'
import { isValidDocumentName } from '../../shared/protocol/index.ts'

const maxSlugLength = 40

/**
 * A new document's name: a slug of its title and a random suffix (`budget-2026-k3x9q2mf`). The server picks
 * it so that no client can probe for names taken by documents it cannot see.
 */
export function generateDocumentName(title: string): string {
  const slug =
    title
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, maxSlugLength)
      .replace(/^-+|-+$/g, '') || 'document'
  // 50 random bits: guessing a private document's name is hopeless, and collisions are retried by the caller.
  const suffix = randomBytes(8).readBigUInt64BE().toString(36).slice(0, 10).padStart(10, '0')
  const name = `${slug}-${suffix}`
  if (!isValidDocumentName(name)) throw new Error(`generated an invalid document name: ${name}`)
  return name
}
