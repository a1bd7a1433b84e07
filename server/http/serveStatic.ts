import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { type ContentCoding, chooseEncoding } from './chooseEncoding.ts'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
}

/** Suffix of each precompressed variant the build writes (`build/precompressAssets.ts`), in order of preference. */
const variants: Record<ContentCoding, string> = { br: '.br', gzip: '.gz' }

/**
 * Serves the built client. Paths are resolved inside `rootDir` only; unknown paths without an extension get
 * index.html so client-side routes work. Returns false if nothing could be served.
 *
 * Compressed variants written at build time are sent to clients that accept them (`Vary: Accept-Encoding`), so
 * nothing is compressed per request. Hashed files under `assets/` never change and are cached for a year;
 * everything else (index.html, the service worker, the manifest) is revalidated on every use with its ETag, so
 * a new release is picked up at once and an unchanged one costs a 304.
 */
export function serveStatic(
  rootDir: string,
  request: IncomingMessage,
  pathname: string,
  response: ServerResponse,
): boolean {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return false
  }
  const candidate = path.resolve(rootDir, `.${path.posix.normalize(decoded)}`)
  if (candidate !== rootDir && !candidate.startsWith(rootDir + path.sep)) return false
  let file = candidate
  let stat = statFile(file)
  if (!stat) {
    if (path.extname(decoded) !== '') return false
    file = path.join(rootDir, 'index.html')
    stat = statFile(file)
    if (!stat) return false
  }
  const available = (Object.keys(variants) as ContentCoding[]).filter((coding) =>
    statFile(file + variants[coding]),
  )
  const coding = chooseEncoding(headerValue(request.headers['accept-encoding']), available)
  const sent = coding ? file + variants[coding] : file
  const sentStat = coding ? statFile(sent) : stat
  if (!sentStat) return false
  const immutable = file.startsWith(path.join(rootDir, 'assets') + path.sep)
  const etag = `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}${coding ? `-${coding}` : ''}"`
  const headers: Record<string, string | number> = {
    'Content-Type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ETag: etag,
  }
  if (available.length > 0) headers.Vary = 'Accept-Encoding'
  if (coding) headers['Content-Encoding'] = coding
  if (ifNoneMatch(headerValue(request.headers['if-none-match']), etag)) {
    response.writeHead(304, headers)
    response.end()
    return true
  }
  headers['Content-Length'] = sentStat.size
  response.writeHead(200, headers)
  if (request.method === 'HEAD') response.end()
  else fs.createReadStream(sent).pipe(response)
  return true
}

function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*')
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value
}

function statFile(file: string): fs.Stats | undefined {
  try {
    const stat = fs.statSync(file)
    return stat.isFile() ? stat : undefined
  } catch {
    return undefined
  }
}
