import fs from 'node:fs'
import { emptyStats, fuzzSocket, mutators } from './fuzzFrames.ts'
import { Random } from './support.ts'

/**
 * The fuzzing senders of `fuzz.test.ts`, run as a child process (`node --import tsx fuzzSender.ts <config>`)
 * so that generating and sending frames does not share the event loop of the server under test. Writes its
 * statistics (FuzzStats, JSON) to `resultPath` when done.
 */
export interface FuzzSenderConfig {
  /** One URL per fuzzed document, token included; worker i uses urls[i % urls.length]. */
  urls: string[]
  /** Captured frames, base64. */
  seeds: string[]
  totalFrames: number
  workers: number
  seed: number
  /** Stop sending after this long even if `totalFrames` is not reached. */
  deadlineMs: number
  maxMessageBytes: number
  resultPath: string
}

async function main(configPath: string): Promise<void> {
  const config = JSON.parse(fs.readFileSync(configPath, 'utf8')) as FuzzSenderConfig
  const seeds = config.seeds.map((seed) => Uint8Array.from(Buffer.from(seed, 'base64')))
  // FUZZ_MUTATIONS=valid,bitflip narrows the mix (to chase one finding).
  const only = process.env.FUZZ_MUTATIONS?.split(',').filter(Boolean)
  const table = mutators(config.maxMessageBytes).filter(([name]) => !only || only.includes(name))
  if (table.length === 0) throw new Error(`FUZZ_MUTATIONS matches no mutation: ${process.env.FUZZ_MUTATIONS}`)
  const stats = emptyStats()
  const deadline = performance.now() + config.deadlineMs
  const budget = () => stats.frames < config.totalFrames && performance.now() < deadline
  await Promise.all(
    Array.from({ length: config.workers }, async (_, worker) => {
      const random = new Random((config.seed + worker * 0x9e37) >>> 0)
      const url = config.urls[worker % config.urls.length]!
      while (budget()) await fuzzSocket({ url, seeds, table, random, stats, budget })
    }),
  )
  fs.writeFileSync(config.resultPath, JSON.stringify(stats))
}

const configPath = process.argv[2]
if (!configPath) {
  process.stderr.write('usage: fuzzSender.ts <config.json>\n')
  process.exit(2)
}
main(configPath).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`)
    process.exit(1)
  },
)
