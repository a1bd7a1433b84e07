import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

/** Text formats worth compressing; fonts and images are compressed already. */
const compressible = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt)$/

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file of the build, at the highest levels, so the
 * server sends compressed bytes without compressing per request (`server/http/serveStatic.ts`). A variant that
 * would not save at least 5 % is not written. Source maps are left alone: only developers fetch them.
 *
 * Runs last (`order: 'post'`, sequential), after vite-plugin-pwa has written the service worker and the manifest,
 * so `sw.js` is compressed too and no variant is older than its file.
 */
export function precompressAssets(): Plugin {
  let outDir = ''
  return {
    name: 'charter-desk:precompress-assets',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        compressFiles(outDir)
      },
    },
  }
}

function compressFiles(outDir: string): void {
  for (const file of filesUnder(outDir)) {
    if (!compressible.test(file)) continue
    const content = readFileSync(file)
    const brotli = brotliCompressSync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.byteLength,
      },
    })
    const gzip = gzipSync(content, { level: 9 })
    if (brotli.byteLength < content.byteLength * 0.95) writeFileSync(`${file}.br`, brotli)
    if (gzip.byteLength < content.byteLength * 0.95) writeFileSync(`${file}.gz`, gzip)
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}
