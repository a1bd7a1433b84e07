import { HttpError, httpErrors } from './HttpError.ts'

/** Longer targets get 414; the whole header block is capped at 16 KiB by the server anyway (431). */
const maxTargetLength = 8 * 1024

/**
 * The one place a request target becomes a URL. Only origin-form (`/path?query`) is served: absolute-form,
 * authority-form and `*` are for proxies. Anything ambiguous (back slashes, empty segments, fragments, raw
 * non-ASCII, broken or control-character percent-encoding in path or query) is a 400, so no later
 * `decodeURIComponent`, path join or route match ever sees it. Throws an HttpError; never anything else.
 */
export function parseRequestTarget(target: string | undefined): URL {
  if (!target) throw httpErrors.badRequest('Empty request target')
  if (target.length > maxTargetLength) {
    throw new HttpError(414, 'uri_too_long', `Request target longer than ${maxTargetLength} characters`)
  }
  if (!target.startsWith('/')) throw httpErrors.badRequest('Request target must be a path ("/…")')
  // Node hands the target over as latin1: anything outside printable ASCII was not percent-encoded.
  if (/[^\x21-\x7e]/.test(target)) throw httpErrors.badRequest('Request target has unencoded characters')
  // WHATWG URLs read "\" as "/" and "//x" as a host: both would mean something else to a later reader.
  if (target.includes('\\')) throw httpErrors.badRequest('Request target has a back slash')
  if (target.includes('#')) throw httpErrors.badRequest('Request target has a fragment')
  const queryStart = target.indexOf('?')
  const path = queryStart === -1 ? target : target.slice(0, queryStart)
  const query = queryStart === -1 ? '' : target.slice(queryStart + 1)
  if (path.includes('//')) throw httpErrors.badRequest('Request path has an empty segment')
  const decodedPath = decodeStrictly(path, 'path')
  if (hasControlCharacter(decodedPath)) throw httpErrors.badRequest('Request path has control characters')
  for (const part of query.split(/[&=]/)) decodeStrictly(part.replaceAll('+', ' '), 'query')
  try {
    return new URL(`http://localhost${target}`)
  } catch {
    throw httpErrors.badRequest('Request target is not a valid URL')
  }
}

/** Every `%` starts two hex digits and the bytes are UTF-8; else a 400 naming the part. */
function decodeStrictly(text: string, part: 'path' | 'query'): string {
  try {
    return decodeURIComponent(text)
  } catch {
    throw httpErrors.badRequest(`Request ${part} has invalid percent-encoding`)
  }
}

function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 0x20 || code === 0x7f) return true
  }
  return false
}
