import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Random, seedFrom } from '../hardening/support.ts'
import { connectClient } from '../helpers/connectClient.ts'
import { eventually } from '../helpers/eventually.ts'
import { seedDataDir } from '../helpers/seedDataDir.ts'
import { type SpawnedServer, spawnServer } from '../helpers/spawnServer.ts'
import { createDataDir } from '../helpers/startTestServer.ts'

/**
 * Generated malformed request targets (path, query, percent-encoding, slashes, length, methods, headers,
 * absolute and asterisk forms), sent as raw bytes to a server in a child process, over plain HTTP and as
 * WebSocket upgrades. No request may crash the process or get a 5xx; a malformed one gets a 4xx (HTTP) or a
 * refused handshake / close 4400 (upgrade). `MALFORMED_SEED=<seed>` replays a run, `MALFORMED_COUNT` resizes it,
 * `MALFORMED_BUDGET_MS` bounds the sending time (12 s).
 */
const total = Number(process.env.MALFORMED_COUNT ?? 3000)
const concurrency = 24
/** On a loaded machine the run stops taking new cases after this long (the sent prefix is still replayable). */
const sendBudgetMs = Number(process.env.MALFORMED_BUDGET_MS ?? 12_000)
const perRequestTimeoutMs = 8000
const documentName = 'malformed-doc'

/** `malformed`: must be refused; `either`: a target that may well be fine (e.g. `/./`), just never a 5xx. */
type Expectation = 'malformed' | 'either'

interface Case {
  kind: 'http' | 'upgrade'
  category: string
  expect: Expectation
  request: Buffer
}

interface Outcome {
  status: number | null
  contentType: string | null
  body: string
  closeCode: number | null
  error: string | null
}

const invalidEncodings = [
  '%',
  '%%',
  '%G1',
  '%C3%28',
  '%E0%A4%A',
  '%FF',
  '%80',
  '%ED%A0%80',
  '%F8%88%80%80%80',
  '%c',
  '%2',
]
const oddMethods = [
  'PROPFIND',
  'FOO',
  'get',
  'TRACE',
  'PURGE',
  'M-SEARCH',
  'SOURCE',
  'LINK',
  'BREW',
  'G@T',
  '',
]
const fineDotTargets = ['/./', '/../..', '/a/../', '/%2e/', '/%2E%2E/%2e%2e/', '/.', '/api/../']

function randomPathCharacters(random: Random, length: number): string {
  const alphabet = "abcXYZ019-._~!$&'()*+,;=:@/%?"
  let text = ''
  for (let index = 0; index < length; index++) text += random.pick([...alphabet])
  return text
}

function withPrefix(random: Random, target: string): string {
  return random
    .pick(['', '/api/health', '/api/documents', '/api/documents/x/threads', '/assets', '/collab'])
    .concat(target.startsWith('/') ? target : `/${target}`)
}

/** One target with its expectation; the prefix is chosen by the caller for HTTP or upgrade. */
function generateTarget(
  random: Random,
  prefix: string,
): { category: string; expect: Expectation; target: string } {
  const choice = random.int(0, 11)
  switch (choice) {
    case 0:
      return {
        category: 'bad-encoding-path',
        expect: 'malformed',
        target: `${prefix}/a${random.pick(invalidEncodings)}b`,
      }
    case 1:
      return {
        category: 'bad-encoding-query',
        expect: 'malformed',
        target: `${prefix}/?q=${random.pick(invalidEncodings)}&${random.pick(invalidEncodings)}=1`,
      }
    case 2:
      return {
        category: 'double-slash',
        expect: 'malformed',
        target: random.pick(['//', '///', `/${prefix}`, `${prefix}//x`, '//evil.example/x', `//${prefix}`]),
      }
    case 3:
      return {
        category: 'backslash',
        expect: 'malformed',
        target: random.pick([`${prefix}\\`, `${prefix}/..\\..\\x`, '/\\evil.example', `\\${prefix}`]),
      }
    case 4:
      return {
        category: 'over-long',
        expect: 'malformed',
        target: `${prefix}/${'a'.repeat(random.pick([8200, 12_000, 17_000, 40_000]))}`,
      }
    case 5:
      return {
        category: 'absolute-or-asterisk',
        expect: 'malformed',
        target: random.pick([
          'http://x/..',
          `http://localhost${prefix}`,
          `https://evil.example${prefix}/`,
          '*',
          'x',
          ':',
          '?',
          '#',
          `${prefix.slice(1)}`,
          'localhost:80',
          'http:',
          'ws://x/collab/a',
        ]),
      }
    case 6:
      return {
        category: 'fragment',
        expect: 'malformed',
        target: `${prefix}/a#${random.pick(['', 'x', '%'])}`,
      }
    case 7:
      return { category: 'dot-segments', expect: 'either', target: `${prefix}${random.pick(fineDotTargets)}` }
    case 8: {
      // Raw control and non-ASCII bytes: the HTTP parser refuses most; whatever it lets through we refuse.
      const byte = random.pick([0x00, 0x01, 0x09, 0x0b, 0x7f, 0x80, 0xc3, 0xff, 0x22, 0x3c, 0x60, 0x7b])
      return { category: 'raw-byte', expect: 'either', target: `${prefix}/a${String.fromCharCode(byte)}b` }
    }
    case 9:
      return {
        category: 'random-path',
        expect: 'either',
        target: `${prefix}/${randomPathCharacters(random, random.int(1, 60))}`,
      }
    case 10:
      return {
        category: 'encoded-specials',
        expect: 'either',
        target: `${prefix}/${random.pick(['%00', '%2F', '%5C', '%0D%0A', '%2e%2e%2f', '%C3%A9', '%F0%9F%98%80', '%3F', '%23'])}`,
      }
    default:
      return { category: 'empty-segments', expect: 'malformed', target: `${prefix}/a//b` }
  }
}

/** Headers that servers trip on; the request must still get an answer. */
function oddHeaders(random: Random): { category: string; headers: string } | null {
  if (!random.chance(0.15)) return null
  return random.pick([
    { category: 'no-host', headers: '' },
    { category: 'two-hosts', headers: 'Host: a\r\nHost: b\r\n' },
    { category: 'bad-content-length', headers: 'Content-Length: abc\r\n' },
    { category: 'two-content-lengths', headers: 'Content-Length: 1\r\nContent-Length: 2\r\n' },
    { category: 'te-and-cl', headers: 'Transfer-Encoding: chunked\r\nContent-Length: 3\r\n' },
    { category: 'no-colon', headers: 'X-Broken\r\n' },
    { category: 'space-before-colon', headers: 'X-Odd : 1\r\n' },
    { category: 'huge-header', headers: `X-Big: ${'b'.repeat(20_000)}\r\n` },
    { category: 'bad-cookie', headers: 'Cookie: session=%; other=%C3%28\r\n' },
    { category: 'bad-auth', headers: 'Authorization: Bearer %\r\n' },
    { category: 'obs-fold', headers: 'X-Fold: a\r\n b\r\n' },
  ])
}

function generateCase(random: Random): Case {
  if (random.chance(0.35)) {
    const { category, expect, target } = generateTarget(random, `/collab/${documentName}`)
    const key = Buffer.from(random.bytes(16)).toString('base64')
    const request = `GET ${target} HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`
    return {
      kind: 'upgrade',
      category,
      expect: isWellFormedOriginForm(target) ? 'either' : expect,
      request: Buffer.from(request, 'latin1'),
    }
  }
  let { category, expect, target } = generateTarget(random, withPrefix(random, ''))
  if (random.chance(0.5)) {
    const base = generateTarget(random, '')
    ;({ category, expect, target } = { ...base, target: withPrefix(random, base.target) })
  }
  let method = 'GET'
  if (random.chance(0.15)) {
    method = random.pick(oddMethods)
    category = `method:${method || 'empty'}+${category}`
    expect = 'either'
  } else if (random.chance(0.1)) {
    method = 'OPTIONS'
    target = '*'
    category = 'options-asterisk'
    expect = 'malformed'
  }
  const odd = oddHeaders(random)
  const host = odd?.category === 'no-host' || odd?.category === 'two-hosts' ? '' : 'Host: localhost\r\n'
  if (odd) category = `${category}+${odd.category}`
  const version = random.chance(0.05) ? random.pick(['HTTP/9.9', 'HTTP/1.0', 'HTTP/1', '']) : 'HTTP/1.1'
  const request = `${method} ${target} ${version}\r\n${host}${odd?.headers ?? ''}Connection: close\r\n\r\n`
  const verdict = odd || isWellFormedOriginForm(target) ? 'either' : expect
  return { kind: 'http', category, expect: verdict, request: Buffer.from(request, 'latin1') }
}

/**
 * An independent oracle for targets the mutations above happen to leave valid (e.g. "/" after stripping a
 * prefix, or "%2b" from a truncated escape): RFC 3986 origin-form, no empty segment, every escape UTF-8.
 */
function isWellFormedOriginForm(target: string): boolean {
  if (
    target.length > 8192 ||
    !/^\/[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*(\?[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]*)?$/.test(target)
  )
    return false
  const [path = '', query = ''] = target.split(/\?(.*)/s)
  if (path.includes('//')) return false
  try {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
    if (/[\u0000-\u001f\u007f]/.test(decodeURIComponent(path))) return false
    for (const part of query.split(/[&=]/)) decodeURIComponent(part)
  } catch {
    return false
  }
  return true
}

/** Sends one raw request and reads the answer: an HTTP status, or for an accepted upgrade the close code. */
function send(port: number, testCase: Case): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    let received = Buffer.alloc(0)
    let settled = false
    const finish = (error: string | null) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      resolve({ ...parse(received), error })
    }
    const timer = setTimeout(() => finish('timeout'), perRequestTimeoutMs)
    socket.on('connect', () => socket.write(testCase.request))
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk])
      const parsed = parse(received)
      if (parsed.closeCode !== null) finish(null)
    })
    socket.on('end', () => finish(null))
    socket.on('close', () => finish(null))
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A reset after a complete answer is fine (the server closes as it said it would).
      finish(parse(received).status === null ? (error.code ?? error.message) : null)
    })
  })
}

function parse(received: Buffer): Omit<Outcome, 'error'> {
  const headerEnd = received.indexOf('\r\n\r\n')
  if (headerEnd === -1) return { status: null, contentType: null, body: '', closeCode: null }
  const head = received.subarray(0, headerEnd).toString('latin1')
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? Number.NaN)
  const contentType = /\r\ncontent-type: *([^\r]*)/i.exec(head)?.[1] ?? null
  const rest = received.subarray(headerEnd + 4)
  let closeCode: number | null = null
  // A server frame is unmasked: 0x88 (FIN + close), a 7-bit length, then the 2-byte code.
  if (status === 101 && rest.length >= 4 && rest[0] === 0x88) closeCode = rest.readUInt16BE(2)
  return { status: Number.isNaN(status) ? null : status, contentType, body: rest.toString('utf8'), closeCode }
}

async function runAll(port: number, cases: Case[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = []
  const deadline = performance.now() + sendBudgetMs
  let next = 0
  const worker = async () => {
    while (next < cases.length && performance.now() < deadline) {
      const index = next++
      outcomes[index] = await send(port, cases[index]!)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return outcomes
}

function describeCase(testCase: Case, outcome: Outcome): string {
  const line = testCase.request.toString('latin1').split('\r\n')[0]!
  const shown = line.length > 120 ? `${line.slice(0, 120)}…(${line.length})` : line
  return `${testCase.kind} ${testCase.category} ${JSON.stringify(shown)} → status ${outcome.status} close ${outcome.closeCode} error ${outcome.error}`
}

/** What is wrong with the answer to one case, or null if it is acceptable. */
function judge(testCase: Case, outcome: Outcome): string | null {
  const { status, closeCode } = outcome
  if (status === null) return 'no answer'
  if (status >= 500) return '5xx'
  if (testCase.kind === 'http') {
    if (status >= 400 && !(outcome.contentType ?? '').startsWith('application/json'))
      return '4xx without JSON'
    if (testCase.expect === 'malformed' && status < 400) return 'not refused'
    return null
  }
  if (status === 101) {
    if (closeCode === null || closeCode < 4400 || closeCode > 4499) return 'upgrade not closed with 44xx'
    if (testCase.expect === 'malformed' && closeCode !== 4400) return 'malformed upgrade not closed with 4400'
    return null
  }
  return status < 400 ? 'upgrade neither refused nor closed' : null
}

describe('malformed requests', () => {
  let server: SpawnedServer
  let token: string

  beforeAll(async () => {
    const dataDir = createDataDir()
    token = await seedDataDir(dataDir, [documentName])
    server = await spawnServer({ DATA_DIR: dataDir })
  })

  afterAll(async () => {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL')
      await server.exited
    }
  })

  it('answers every generated malformed target with a 4xx or a refused handshake, and stays up', async () => {
    const seed = seedFrom('MALFORMED_SEED')
    const random = new Random(seed)
    const generated = Array.from({ length: total }, () => generateCase(random))
    const started = performance.now()
    const outcomes = await runAll(server.port, generated)
    const cases = generated.slice(0, outcomes.length)
    const elapsedMs = Math.round(performance.now() - started)
    const upgrades = cases.filter((testCase) => testCase.kind === 'upgrade').length
    const statuses = new Map<string, number>()
    outcomes.forEach((outcome) => {
      const key =
        outcome.closeCode !== null ? `close ${outcome.closeCode}` : String(outcome.status ?? outcome.error)
      statuses.set(key, (statuses.get(key) ?? 0) + 1)
    })
    console.log(
      `[malformed] seed=${seed} (MALFORMED_SEED) targets=${cases.length}/${generated.length} http=${cases.length - upgrades} upgrade=${upgrades} ms=${elapsedMs} outcomes=${JSON.stringify(Object.fromEntries(statuses))}`,
    )

    // Even a starved run must have covered a good share of the mix.
    expect(cases.length).toBeGreaterThanOrEqual(Math.min(total, 1000))
    const problems = cases.flatMap((testCase, index) => {
      const outcome = outcomes[index]!
      const problem = judge(testCase, outcome)
      return problem ? [`${problem}: ${describeCase(testCase, outcome)}`] : []
    })
    const serverErrors = server.logs.filter((entry) => entry.level === 'error')
    for (const entry of serverErrors) console.log('[malformed] server error log:', JSON.stringify(entry))
    expect(server.child.exitCode, 'server process exited').toBeNull()
    expect(problems.slice(0, 30), `${problems.length} problems (seed ${seed})`).toEqual([])
    expect(serverErrors).toEqual([])

    const health = await fetch(`${server.httpUrl}/api/health`)
    expect(health.status).toBe(200)
    const writer = await connectClient(server.wsUrl, documentName, { params: { token } })
    const reader = await connectClient(server.wsUrl, documentName, { params: { token } })
    try {
      writer.text.insert(0, 'still syncing')
      await eventually(() => expect(reader.text.toString()).toBe('still syncing'))
    } finally {
      writer.destroy()
      reader.destroy()
    }
    expect(server.child.exitCode).toBeNull()
  }, 60_000)

  it('survives the two requests that used to kill it: GET // and an upgrade to /collab/%', async () => {
    const doubleSlash = await send(server.port, {
      kind: 'http',
      category: 'double-slash',
      expect: 'malformed',
      request: Buffer.from('GET // HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'),
    })
    expect(doubleSlash.status).toBe(400)
    const lonePercentUpgrade = await send(server.port, {
      kind: 'upgrade',
      category: 'bad-encoding-path',
      expect: 'malformed',
      request: Buffer.from(
        'GET /collab/% HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
      ),
    })
    expect(lonePercentUpgrade.status === 400 || lonePercentUpgrade.closeCode === 4400).toBe(true)
    const health = await fetch(`${server.httpUrl}/api/health`)
    expect(health.status).toBe(200)
    expect(server.child.exitCode).toBeNull()
  })
})
