import { httpErrors } from './HttpError.ts'

/** A trimmed string field within length bounds, or a 400 naming the field. */
export function stringField(
  body: Record<string, unknown>,
  key: string,
  { min = 1, max = 200 }: { min?: number; max?: number } = {},
): string {
  const value = body[key]
  if (typeof value !== 'string') throw httpErrors.badRequest(`"${key}" must be a string`)
  const trimmed = value.trim()
  if (trimmed.length < min || trimmed.length > max) {
    throw httpErrors.badRequest(`"${key}" must be ${min}–${max} characters`)
  }
  return trimmed
}

export function optionalStringField(
  body: Record<string, unknown>,
  key: string,
  bounds?: { min?: number; max?: number },
): string | null {
  const value = body[key]
  if (value === undefined || value === null || value === '') return null
  return stringField(body, key, bounds)
}

export function enumField<T extends string>(
  body: Record<string, unknown>,
  key: string,
  allowed: readonly T[],
): T {
  const value = body[key]
  const match = allowed.find((candidate) => candidate === value)
  if (match === undefined) throw httpErrors.badRequest(`"${key}" must be one of ${allowed.join(', ')}`)
  return match
}

/** Passwords are not trimmed; 10–200 characters (NIST SP 800-63B: long passphrases, no composition rules). */
export function passwordField(body: Record<string, unknown>, key = 'password'): string {
  const value = body[key]
  if (typeof value !== 'string' || value.length < 10 || value.length > 200) {
    throw httpErrors.badRequest(`"${key}" must be 10–200 characters`)
  }
  return value
}

/** Logins: lowercase letters, digits, dots, dashes, underscores; 2–40 characters. */
export function loginField(body: Record<string, unknown>, key = 'login'): string {
  const value = stringField(body, key, { min: 2, max: 40 }).toLowerCase()
  if (!/^[a-z0-9._-]+$/.test(value)) throw httpErrors.badRequest(`"${key}" may use letters, digits, . _ -`)
  return value
}
