import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import readline from 'node:readline'

export interface SpawnedServer {
  child: ChildProcess
  port: number
  wsUrl: string
  httpUrl: string
  /** Every log line the server printed, parsed. */
  logs: Record<string, unknown>[]
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

const projectRoot = path.resolve(import.meta.dirname, '../..')

/** Runs `server/main.ts` as a real child process (for crash and signal tests) and waits until it listens. */
export async function spawnServer(env: Record<string, string>): Promise<SpawnedServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: projectRoot,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const logs: Record<string, unknown>[] = []
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }))
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const port = await new Promise<number>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! })
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${stderr}`)), 90_000)
    lines.on('line', (line) => {
      let entry: Record<string, unknown>
      try {
        entry = JSON.parse(line) as Record<string, unknown>
      } catch {
        return
      }
      logs.push(entry)
      if (entry.msg === 'listening' && typeof entry.port === 'number') {
        clearTimeout(timer)
        resolve(entry.port)
      }
    })
    void exited.then(({ code, signal }) => {
      clearTimeout(timer)
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${stderr}`))
    })
  })
  return {
    child,
    port,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    httpUrl: `http://127.0.0.1:${port}`,
    logs,
    exited,
  }
}
