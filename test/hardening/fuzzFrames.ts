import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import {
  CloseCode,
  decodeFrame,
  encodeAwareness,
  encodeFrame,
  type Frame as ProtocolFrame,
} from '../../shared/protocol/index.ts'
import { type Random, sleep } from './support.ts'

/**
 * Frame mutations and the fuzzing socket loop of `fuzz.test.ts`. Kept apart so that the senders can run in a
 * child process (`fuzzSender.ts`), off the event loop of the server under test.
 */

/** Close codes a fuzzed socket may get: its own fault, or a limit. 1000/1005 are our own normal closes. */
export const expectedCloseCodes = new Set<number>([
  CloseCode.badRequest,
  CloseCode.messageTooBig,
  CloseCode.rateLimited,
  CloseCode.policy,
  CloseCode.forbidden,
  // ws itself refuses a text frame that is not valid UTF-8 before the server sees it (RFC 6455 §8.1).
  1007,
  1000,
  1005,
])

/**
 * Close codes that would point at a known, not yet fixed product bug. Empty: the one this fuzzer found (an update
 * that decodes but cannot be applied, closing with 1011) is refused with 4400 by validateDocumentUpdate now.
 */
export const knownBugCloseCodes = new Set<number>()

export interface Frame {
  data: Uint8Array | string
  binary: boolean
  mutation: string
}

export function varUint(value: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, value)
  return encoding.toUint8Array(encoder)
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(Buffer.concat(parts))
}

/**
 * Splits a valid frame into its envelope (type, sync type) and payload, if it has that shape. Valid frames come
 * from the shared codec; only the deliberately broken parts below are written by hand.
 */
function envelope(frame: Uint8Array): { head: Uint8Array; payload: Uint8Array } | null {
  let decoded: ProtocolFrame
  try {
    decoded = decodeFrame(frame)
  } catch {
    return null
  }
  const empty = new Uint8Array(0)
  let payload: Uint8Array
  let withoutPayload: ProtocolFrame
  if (decoded.type === 'syncStep1') {
    payload = decoded.stateVector
    withoutPayload = { type: 'syncStep1', stateVector: empty }
  } else if (decoded.type === 'syncStep2' || decoded.type === 'update' || decoded.type === 'awareness') {
    payload = decoded.update
    withoutPayload = { type: decoded.type, update: empty }
  } else return null
  // An empty payload encodes as a single varuint 0 at the end: what comes before it is the envelope.
  return { head: encodeFrame(withoutPayload).slice(0, -1), payload }
}

export type Mutator = (seed: Uint8Array, random: Random, seeds: Uint8Array[]) => Frame

const binary = (mutation: string, data: Uint8Array): Frame => ({ data, binary: true, mutation })

/** Each mutation, with its weight. */
export function mutators(maxMessageBytes: number): [string, number, Mutator][] {
  return [
    ['valid', 10, (seed) => binary('valid', seed)],
    [
      'bitflip',
      14,
      (seed, random) => {
        const data = Uint8Array.from(seed)
        for (let flips = random.int(1, 8); flips > 0 && data.length > 0; flips--) {
          const index = random.int(0, data.length - 1)
          data[index] = data[index]! ^ (1 << random.int(0, 7))
        }
        return binary('bitflip', data)
      },
    ],
    [
      'payload-bitflip',
      14,
      (seed, random) => {
        const parts = envelope(seed)
        if (!parts || parts.payload.length === 0) return binary('payload-bitflip', seed)
        const payload = Uint8Array.from(parts.payload)
        for (let flips = random.int(1, 3); flips > 0; flips--) {
          const index = random.int(0, payload.length - 1)
          payload[index] = payload[index]! ^ (1 << random.int(0, 7))
        }
        return binary('payload-bitflip', concat(parts.head, varUint(payload.length), payload))
      },
    ],
    [
      'truncate',
      8,
      (seed, random) => binary('truncate', seed.slice(0, random.int(0, Math.max(0, seed.length - 1)))),
    ],
    [
      'length-lie',
      8,
      (seed, random) => {
        const parts = envelope(seed)
        if (!parts) return binary('length-lie', seed)
        const lie = Math.max(0, parts.payload.length + random.pick([-3, -2, -1, 1, 2, 7, 100, 4096]))
        return binary('length-lie', concat(parts.head, varUint(lie), parts.payload))
      },
    ],
    [
      'huge-length',
      6,
      (seed, random) => {
        const parts = envelope(seed) ?? { head: Uint8Array.of(0, 2), payload: seed }
        const claimed = random.pick([
          varUint(2 ** 31),
          varUint(2 ** 32 + 5),
          varUint(Number.MAX_SAFE_INTEGER),
          Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f),
        ])
        return binary('huge-length', concat(parts.head, claimed, parts.payload.slice(0, 32)))
      },
    ],
    [
      'type-byte',
      8,
      (seed, random) => {
        const data = Uint8Array.from(seed.length > 0 ? seed : Uint8Array.of(0))
        const index = data.length > 1 && random.chance(0.5) ? 1 : 0
        data[index] = random.int(0, 255)
        return binary('type-byte', data)
      },
    ],
    ['random-bytes', 8, (_seed, random) => binary('random-bytes', random.bytes(random.int(0, 512)))],
    [
      'trailing-bytes',
      5,
      (seed, random) => binary('trailing-bytes', concat(seed, random.bytes(random.int(1, 16)))),
    ],
    [
      'splice',
      5,
      (seed, random, seeds) => {
        const other = random.pick(seeds)
        return binary(
          'splice',
          concat(seed.slice(0, random.int(0, seed.length)), other.slice(random.int(0, other.length))),
        )
      },
    ],
    [
      'endless-varint',
      2,
      (_seed, random) => binary('endless-varint', new Uint8Array(random.int(1, 64)).fill(0x80)),
    ],
    ['empty', 1, () => binary('empty', new Uint8Array(0))],
    [
      'awareness-garbage',
      3,
      (_seed, random) => {
        const update = encoding.createEncoder()
        encoding.writeVarUint(update, random.pick([1, 2, 1000, 2 ** 30]))
        encoding.writeVarUint(update, random.int(0, 2 ** 31))
        encoding.writeVarUint(update, random.int(0, 100))
        encoding.writeVarString(
          update,
          random.pick(['{', 'null', '[]', '{"user":{"name":"root"}}', '"x"', '']),
        )
        return binary('awareness-garbage', encodeAwareness(encoding.toUint8Array(update)))
      },
    ],
    [
      'text-frame',
      4,
      (seed, random) => ({
        data: random.chance(0.5) ? Buffer.from(seed).toString('latin1') : 'hello',
        binary: false,
        mutation: 'text-frame',
      }),
    ],
    [
      'invalid-utf8-text',
      1,
      () => ({ data: Uint8Array.of(0xff, 0xfe, 0xc3), binary: false, mutation: 'invalid-utf8-text' }),
    ],
    [
      'oversized',
      1,
      (_seed, random) =>
        binary(
          'oversized',
          concat(Uint8Array.of(0, 2), varUint(maxMessageBytes), random.bytes(maxMessageBytes)),
        ),
    ],
  ]
}

/** One frame: a seed picked at random, changed by a mutation picked by weight. */
export function mutate(seeds: Uint8Array[], random: Random, table: [string, number, Mutator][]): Frame {
  const total = table.reduce((sum, [, weight]) => sum + weight, 0)
  let roll = random.next() * total
  for (const [, weight, mutator] of table) {
    roll -= weight
    if (roll < 0) return mutator(random.pick(seeds), random, seeds)
  }
  return binary('valid', random.pick(seeds))
}

export interface FuzzStats {
  frames: number
  sockets: number
  byMutation: Record<string, number>
  closeCodes: Record<string, number>
  /** Sockets that sent only unmutated frames yet were closed by the server: code, reason. */
  innocentClosed: string[]
  /** Closes with a code outside `expectedCloseCodes` (and `knownBugCloseCodes`). */
  unexpected: { code: number; reason: string; mutations: string }[]
  knownBug: { code: number; reason: string; mutations: string }[]
}

export function emptyStats(): FuzzStats {
  return {
    frames: 0,
    sockets: 0,
    byMutation: {},
    closeCodes: {},
    innocentClosed: [],
    unexpected: [],
    knownBug: [],
  }
}

/** One socket: random bursts until the server closes it or it has sent enough, then a normal close. */
export async function fuzzSocket(options: {
  url: string
  seeds: Uint8Array[]
  table: [string, number, Mutator][]
  random: Random
  stats: FuzzStats
  budget: () => boolean
}): Promise<void> {
  const { url, seeds, table, random, stats, budget } = options
  const socket = new WebSocket(url)
  socket.binaryType = 'nodebuffer'
  socket.on('error', () => {})
  let serverClosed = false
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => {
      serverClosed = code !== 1000 && code !== 1005
      resolve({ code, reason: reason.toString() })
    })
  })
  const opened = await new Promise<boolean>((resolve) => {
    socket.once('open', () => resolve(true))
    socket.once('close', () => resolve(false))
  })
  if (!opened) {
    const { code, reason } = await closed
    stats.unexpected.push({ code, reason: `could not open: ${reason}`, mutations: '' })
    return
  }
  stats.sockets++
  const sent: string[] = []
  const sentData: string[] = []
  // Half the sockets send before the server's first message (frames queued while the room loads).
  if (random.chance(0.5)) await Promise.race([closed, sleep(random.int(0, 5))])
  const framesForSocket = random.int(1, 120)
  while (socket.readyState === WebSocket.OPEN && sent.length < framesForSocket && budget()) {
    for (
      let burst = random.int(1, 12);
      burst > 0 && socket.readyState === WebSocket.OPEN && budget();
      burst--
    ) {
      const frame = mutate(seeds, random, table)
      socket.send(frame.data, { binary: frame.binary })
      sent.push(frame.mutation)
      if (process.env.FUZZ_DEBUG) sentData.push(Buffer.from(frame.data).toString('base64'))
      stats.frames++
      stats.byMutation[frame.mutation] = (stats.byMutation[frame.mutation] ?? 0) + 1
    }
    await Promise.race([closed, sleep(random.int(1, 25))])
  }
  if (socket.readyState === WebSocket.OPEN) socket.close(1000)
  const { code, reason } = await closed
  stats.closeCodes[code] = (stats.closeCodes[code] ?? 0) + 1
  if (serverClosed && sent.every((mutation) => mutation === 'valid'))
    stats.innocentClosed.push(`${code} ${reason} ${sentData.join(' ')}`)
  const entry = { code, reason, mutations: sent.slice(-12).join(',') }
  if (knownBugCloseCodes.has(code)) stats.knownBug.push(entry)
  else if (!expectedCloseCodes.has(code)) stats.unexpected.push(entry)
}
