import fs from 'node:fs'
import type { ServerResponse } from 'node:http'
import path from 'node:path'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
}

/**
 * Serves the built client. Paths are resolved inside `rootDir` only; unknown paths without an extension get
 * index.html so client-side routes work. Returns false if nothing could be served.
 */
export function serveStatic(rootDir: string, pathname: string, response: ServerResponse): boolean {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return false
  }
  const candidate = path.resolve(rootDir, `.${path.posix.normalize(decoded)}`)
  if (candidate !== rootDir && !candidate.startsWith(rootDir + path.sep)) return false
  let file = candidate
  if (!isFile(file)) {
    if (path.extname(decoded) !== '') return false
    file = path.join(rootDir, 'index.html')
    if (!isFile(file)) return false
  }
  const immutable = file.startsWith(path.join(rootDir, 'assets') + path.sep)
  response.writeHead(200, {
    'Content-Type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  })
  fs.createReadStream(file).pipe(response)
  return true
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}
