import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The scripts a built client loads before anything else: the entry and every module index.html preloads, as
 * paths relative to `clientDir`. Lazily imported chunks are not in this list; this is the "initial JS" the
 * budget and the bench measure.
 */
export function initialScripts(clientDir: string): string[] {
  const html = readFileSync(join(clientDir, 'index.html'), 'utf8')
  const scripts = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g),
  ]
    .map((match) => match[1])
    .filter((path): path is string => path !== undefined)
  return [...new Set(scripts)]
}
