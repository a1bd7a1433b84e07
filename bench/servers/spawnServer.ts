import { type ChildProcess, spawn } from 'node:child_process'
import { childProcesses } from '../childProcesses.ts'

export interface SpawnedServer {
  child: ChildProcess
  pid: number
  port: number
  stop(): Promise<void>
}

interface SpawnServerOptions {
  name: string
  /** Script path relative to the project root, run as `node --import tsx <script>`. */
  script: string
  cwd: string
  env: Record<string, string>
  readyTimeoutMs?: number
}

const stderrTailLength = 4000

/**
 * Every server runs as `node --import tsx <script>` (never via npx) so that the pid we sample is the server
 * itself and all servers pay the same loader overhead. Readiness is the JSON log line
 * `{"msg":"listening","port":N}` on stdout (the reference scripts print the same line) or our server's
 * stderr banner.
 */
export function spawnServer(options: SpawnServerOptions): Promise<SpawnedServer> {
  // BENCH_SERVER_NODE_ARGS (e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof') goes to every server's node, for profiling.
  const extraArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)
  const child = spawn(process.execPath, [...extraArgs, '--import', 'tsx', options.script], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  childProcesses.track(child)
  let stderrTail = ''

  return new Promise<SpawnedServer>((resolve, reject) => {
    let stdoutBuffer = ''
    let ready = false
    const becomeReady = (port: number): void => {
      if (ready || child.pid === undefined) return
      ready = true
      clearTimeout(timer)
      const pid = child.pid
      resolve({ child, pid, port, stop: () => childProcesses.stop(child) })
    }
    const fail = (message: string): void => {
      if (ready) return
      ready = true
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(new Error(`${options.name}: ${message}${stderrTail ? `\n--- stderr ---\n${stderrTail}` : ''}`))
    }
    const timer = setTimeout(
      () => fail(`no "listening" log line within ${options.readyTimeoutMs ?? 60_000} ms`),
      options.readyTimeoutMs ?? 60_000,
    )
    child.once('error', (error) => fail(error.message))
    child.once('exit', (code, signal) => fail(`exited before listening (code ${code}, signal ${signal})`))
    child.stdout?.setEncoding('utf8')
    // Keep draining stdout after readiness, or a chatty server would block on a full pipe.
    child.stdout?.on('data', (chunk: string) => {
      if (ready) return
      stdoutBuffer += chunk
      let newline = stdoutBuffer.indexOf('\n')
      while (newline >= 0) {
        const line = stdoutBuffer.slice(0, newline)
        stdoutBuffer = stdoutBuffer.slice(newline + 1)
        const port = listeningPort(line)
        if (port !== undefined) {
          becomeReady(port)
          return
        }
        newline = stdoutBuffer.indexOf('\n')
      }
    })
    // Our server logs `listening` at info level, which LOG_LEVEL=warn suppresses; its stderr banner
    // ("Charter Desk is running at http://host:port/") is printed at every level but silent.
    child.stderr?.setEncoding('utf8')
    child.stderr?.on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-stderrTailLength)
      const banner = /running at https?:\/\/[^\s/]+:(\d+)\//.exec(stderrTail)
      if (banner?.[1] !== undefined) becomeReady(Number(banner[1]))
    })
  })
}

function listeningPort(line: string): number | undefined {
  if (!line.includes('"listening"')) return undefined
  try {
    const parsed: unknown = JSON.parse(line)
    if (typeof parsed !== 'object' || parsed === null) return undefined
    const record = parsed as Record<string, unknown>
    return record.msg === 'listening' && typeof record.port === 'number' ? record.port : undefined
  } catch {
    return undefined
  }
}
