import { type ChildProcess, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { plainText } from '../helpers/charterText.ts'
import { connectClient, type TestClient } from '../helpers/connectClient.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/createTestDatabase.ts'
import { eventually } from '../helpers/eventually.ts'
import { createDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.ts'

/**
 * The nginx configuration DEPLOYMENT.md ships (deploy/nginx.conf), run by a real nginx in front of two instances
 * over PostgreSQL and Redis: only the upstream addresses, `listen` and the TLS lines are swapped for local ones.
 * CI installs nginx (.ci/run).
 */
const projectRoot = path.resolve(import.meta.dirname, '../..')
const patience = { timeoutMs: 30_000 }

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/** deploy/nginx.conf with the two instances as upstreams and a plain-HTTP listener on loopback. */
function siteConfig(upstreamPorts: number[], port: number): string {
  const shipped = fs.readFileSync(path.join(projectRoot, 'deploy/nginx.conf'), 'utf8')
  const upstreams = shipped.match(/^\s*server 10\.0\.0\.\d+:1234[^\n]*$/gm) ?? []
  expect(upstreams).toHaveLength(2)
  let site = shipped
  upstreams.forEach((line, index) => {
    site = site.replace(line, line.replace(/10\.0\.0\.\d+:1234/, `127.0.0.1:${upstreamPorts[index]}`))
  })
  expect(site).toContain('listen 443 ssl;')
  return site
    .replace('listen 443 ssl;', `listen 127.0.0.1:${port};`)
    .replace(/^\s*ssl_certificate[^\n]*\n/gm, '')
}

class Nginx {
  private child: ChildProcess | null = null
  private exited: Promise<void> = Promise.resolve()
  readonly prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-nginx-'))

  constructor(readonly port: number) {}

  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`
  }

  async start(site: string): Promise<void> {
    const temp = (name: string) => path.join(this.prefix, name)
    // nginx started as root drops its workers to `nobody`, which cannot read a private temp directory.
    const user = process.getuid?.() === 0 ? 'user root;' : ''
    const config = [
      'daemon off;',
      user,
      'worker_processes 1;',
      `pid ${temp('nginx.pid')};`,
      `error_log ${temp('error.log')} warn;`,
      'events { worker_connections 256; }',
      'http {',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
        (kind) => `  ${kind}_temp_path ${temp(kind)};`,
      ),
      site,
      '}',
    ].join('\n')
    fs.writeFileSync(temp('nginx.conf'), config)
    const child = spawn('nginx', ['-p', this.prefix, '-c', temp('nginx.conf')], { stdio: 'inherit' })
    this.child = child
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()))
    await eventually(async () => {
      expect(child.exitCode).toBeNull()
      const response = await fetch(`${this.httpUrl}/healthz`)
      expect(response.status).toBe(200)
    }, patience)
  }

  async stop(): Promise<void> {
    if (this.child && this.child.exitCode === null) this.child.kill('SIGQUIT')
    await this.exited
    fs.rmSync(this.prefix, { recursive: true, force: true })
  }
}

describe('two instances behind nginx (deploy/nginx.conf)', () => {
  const servers: TestServer[] = []
  const clients: TestClient[] = []
  const cleanups: (() => Promise<void>)[] = []

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    for (const server of servers.splice(0)) await server.stop({ removeData: true })
    for (const cleanup of cleanups.splice(0)) await cleanup()
  })

  async function startDeployment() {
    const database: TestDatabase = await createTestDatabase()
    cleanups.push(() => database.drop())
    const env = (id: string) => ({
      DATABASE_URL: database.url,
      REDIS_URL: `redis://127.0.0.1:${process.env.TEST_REDIS_PORT ?? 6379}`,
      REDIS_PREFIX: `test:${randomUUID()}:`,
      INSTANCE_ID: id,
      CLUSTER_CHECK_MS: '2000',
    })
    const channels = env('a').REDIS_PREFIX
    const a = await startTestServer({
      dataDir: createDataDir(),
      env: { ...env('a'), REDIS_PREFIX: channels },
    })
    servers.push(a)
    const b = await startTestServer({
      dataDir: createDataDir(),
      env: { ...env('b'), REDIS_PREFIX: channels },
    })
    servers.push(b)
    const nginx = new Nginx(await freePort())
    cleanups.push(() => nginx.stop())
    await nginx.start(siteConfig([a.port, b.port], nginx.port))
    await a.ensureDocument('shared')
    const { token } = await a.createAccount({ role: 'drafter' })
    return { a, b, nginx, token }
  }

  async function connect(url: string, token: string): Promise<TestClient> {
    const client = await connectClient(url, 'shared', { params: { token } })
    clients.push(client)
    return client
  }

  it('passes HTTP and WebSocket upgrades through, and hides /metrics', async () => {
    const { b, nginx, token } = await startDeployment()
    const ready = await fetch(`${nginx.httpUrl}/readyz`)
    expect(ready.status).toBe(200)
    expect(((await ready.json()) as { status: string }).status).toBe('ready')
    expect((await fetch(`${nginx.httpUrl}/metrics`)).status).toBe(403)

    const viaBalancer = await connect(`ws://127.0.0.1:${nginx.port}/collab`, token)
    const direct = await connect(b.wsUrl, token)
    viaBalancer.text.insert(0, 'through nginx. ')
    direct.text.insert(0, 'straight to B. ')
    await eventually(() => {
      expect(plainText(viaBalancer.text)).toBe(plainText(direct.text))
      expect(plainText(direct.text)).toContain('through nginx.')
      expect(plainText(viaBalancer.text)).toContain('straight to B.')
    }, patience)
  })

  it('moves a client to the other instance when its instance drains, and keeps what it typed meanwhile', async () => {
    const { a, b, nginx, token } = await startDeployment()
    const viaBalancer = await connect(`ws://127.0.0.1:${nginx.port}/collab`, token)
    const home = a.app.syncServer.connectionCount > 0 ? a : b
    const other = home === a ? b : a
    expect(home.app.syncServer.connectionCount).toBe(1)
    const watcher = await connect(other.wsUrl, token)
    viaBalancer.text.insert(0, 'before. ')
    await eventually(() => expect(plainText(watcher.text)).toContain('before.'), patience)

    // SIGTERM's path: readiness off, then every socket closed with 1001; the client comes back through nginx.
    home.app.startDraining()
    servers.splice(servers.indexOf(home), 1)
    await home.stop({ removeData: true })
    viaBalancer.text.insert(0, 'during the move. ')
    await eventually(() => {
      expect(other.app.syncServer.connectionCount).toBe(2)
      expect(plainText(watcher.text)).toContain('during the move.')
      expect(plainText(watcher.text)).toBe(plainText(viaBalancer.text))
    }, patience)
  })
})
