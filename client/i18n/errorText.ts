import type { TFunction } from 'i18next'
import { ApiError } from '../api/apiFetch.ts'

const knownCodes = [
  'bad_request',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal',
] as const

/** A failed request in the reader's language, from the API's stable error code. */
export function errorText(t: TFunction<'errors'>, error: unknown): string {
  if (!(error instanceof ApiError)) return t('unreachable')
  const code = knownCodes.find((candidate) => candidate === error.code)
  return code ? t(code) : t('unknown')
}
