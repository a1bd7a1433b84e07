import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { initialScripts } from '../../build/initialScripts.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'

/**
 * The built client over real HTTP (issue 16): precompressed variants chosen by Accept-Encoding, the caching
 * headers that make a repeat visit cost nothing, and the size budget of the editor's initial script. Needs the
 * built client (`npx vite build`; `npm test` builds it first).
 */
const clientDir = path.resolve(import.meta.dirname, '../../dist/client')

/**
 * The editor's initial JS (entry + preloaded modules), brotli as served: issue 16's 200 KB. The build is at
 * 199.1 KB (BENCHMARKS.md, "Issue 16"); brotli varies by a few hundred bytes with the chunk hashes. Not counted:
 * the active language's strings (6.4 KB English, 7.8 KB Azerbaijani), a chunk requested beside the session before
 * the first paint, and everything that loads after it.
 */
const initialJsBudgetBytes = 200_000

interface Icon {
  src: string
  sizes: string
  type: string
  purpose?: string
}

interface RawResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

function get(url: string, headers: Record<string, string>, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      )
      response.on('error', reject)
    })
    request.on('error', reject)
    request.end()
  })
}

describe('static assets', () => {
  let server: TestServer
  let entry: string

  beforeAll(async () => {
    if (!fs.existsSync(path.join(clientDir, 'index.html'))) {
      throw new Error('dist/client is missing: run `npx vite build` (npm test does)')
    }
    entry = initialScripts(clientDir)[0]!
    server = await startTestServer()
  })

  afterAll(async () => {
    await server?.stop({ removeData: true })
  })

  it('sends brotli to clients that take it, with Vary and a revalidated index.html', async () => {
    const response = await get(`${server.httpUrl}/d/charter`, { 'Accept-Encoding': 'gzip, deflate, br' })
    expect(response.status).toBe(200)
    expect(response.headers['content-encoding']).toBe('br')
    expect(response.headers.vary).toBe('Accept-Encoding')
    expect(response.headers['cache-control']).toBe('no-cache')
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(Number(response.headers['content-length'])).toBe(response.body.byteLength)
    expect(brotliDecompressSync(response.body).toString()).toBe(
      fs.readFileSync(path.join(clientDir, 'index.html'), 'utf8'),
    )
  })

  it('sends gzip without brotli, and hashed assets as immutable', async () => {
    const response = await get(`${server.httpUrl}/${entry}`, { 'Accept-Encoding': 'gzip' })
    expect(response.status).toBe(200)
    expect(response.headers['content-encoding']).toBe('gzip')
    expect(response.headers.vary).toBe('Accept-Encoding')
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(gunzipSync(response.body).equals(fs.readFileSync(path.join(clientDir, entry)))).toBe(true)
  })

  it('sends the file itself to clients that accept no coding, or refuse them with q=0', async () => {
    const raw = fs.readFileSync(path.join(clientDir, entry))
    for (const accept of ['identity', 'br;q=0, gzip;q=0']) {
      const response = await get(`${server.httpUrl}/${entry}`, { 'Accept-Encoding': accept })
      expect(response.headers['content-encoding']).toBeUndefined()
      expect(response.headers.vary).toBe('Accept-Encoding')
      expect(response.body.equals(raw)).toBe(true)
    }
  })

  it('answers a matching If-None-Match with 304 and HEAD without a body', async () => {
    const first = await get(`${server.httpUrl}/`, { 'Accept-Encoding': 'br' })
    const etag = first.headers.etag
    expect(etag).toBeTruthy()
    const again = await get(`${server.httpUrl}/`, { 'Accept-Encoding': 'br', 'If-None-Match': etag! })
    expect(again.status).toBe(304)
    expect(again.body.byteLength).toBe(0)
    // Another representation has another tag: a gzip client never gets a 304 for the brotli bytes.
    const gzip = await get(`${server.httpUrl}/`, { 'Accept-Encoding': 'gzip', 'If-None-Match': etag! })
    expect(gzip.status).toBe(200)
    const head = await get(`${server.httpUrl}/${entry}`, { 'Accept-Encoding': 'br' }, 'HEAD')
    expect(head.status).toBe(200)
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0)
    expect(head.body.byteLength).toBe(0)
  })

  it('serves the service worker revalidated and compressed, with a precache list of the app shell', async () => {
    const worker = await get(`${server.httpUrl}/sw.js`, { 'Accept-Encoding': 'gzip, deflate, br' })
    expect(worker.status).toBe(200)
    expect(worker.headers['content-type']).toBe('text/javascript; charset=utf-8')
    // Never immutable: a new release must reach the browser's update check at once.
    expect(worker.headers['cache-control']).toBe('no-cache')
    expect(worker.headers['content-encoding']).toBe('br')
    // The variant is as new as the file (it is compressed after the worker is written).
    const source = fs.readFileSync(path.join(clientDir, 'sw.js'), 'utf8')
    expect(brotliDecompressSync(worker.body).toString()).toBe(source)
    expect(source).toContain('"index.html"')
    expect(source).toContain(entry)
    expect(source).not.toContain('self.__WB_MANIFEST')
    const policy = worker.headers['content-security-policy'] ?? ''
    expect(policy).toContain("worker-src 'self'")
    expect(policy).toContain("manifest-src 'self'")
  })

  it('serves an installable web app manifest whose icons exist, linked from the app shell', async () => {
    const response = await get(`${server.httpUrl}/manifest.webmanifest`, { 'Accept-Encoding': 'gzip' })
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('application/manifest+json; charset=utf-8')
    expect(response.headers['cache-control']).toBe('no-cache')
    const manifest = JSON.parse(
      (response.headers['content-encoding'] === 'gzip'
        ? gunzipSync(response.body)
        : response.body
      ).toString(),
    ) as { name: string; display: string; start_url: string; theme_color: string; icons: Icon[] }
    expect(manifest).toMatchObject({ name: 'Charter Desk', display: 'standalone', start_url: '/' })
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i)
    const pngSizes = manifest.icons.filter((icon) => icon.type === 'image/png').map((icon) => icon.sizes)
    expect(pngSizes).toEqual(expect.arrayContaining(['192x192', '512x512']))
    expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true)
    for (const icon of manifest.icons) {
      const image = await get(`${server.httpUrl}${icon.src}`, {})
      expect(image.status, icon.src).toBe(200)
      expect(image.headers['content-type']).toBe(icon.type)
    }
    const html = fs.readFileSync(path.join(clientDir, 'index.html'), 'utf8')
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest">')
  })

  it('keeps the editor initial script within its budget, compressed as served', async () => {
    let total = 0
    for (const script of initialScripts(clientDir)) {
      const response = await get(`${server.httpUrl}/${script}`, { 'Accept-Encoding': 'br' })
      expect(response.headers['content-encoding']).toBe('br')
      total += response.body.byteLength
      // The offline app (workbox-window, the update prompt) loads after the first paint.
      expect(brotliDecompressSync(response.body).toString()).not.toContain('SKIP_WAITING')
    }
    expect(total).toBeLessThanOrEqual(initialJsBudgetBytes)
  })
})
