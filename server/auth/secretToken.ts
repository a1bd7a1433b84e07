import { createHash, randomBytes } from 'node:crypto'

/** A new random secret (256 bits) to hand to a user once; only its hash is stored. */
export function createSecretToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Stored form of a secret token: a database leak does not reveal usable sessions or links. */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
