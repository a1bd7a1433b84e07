import type { ConnectionInfo } from './servers/ServerUnderTest.ts'
import type { BrowserAccessInfo, FromWorker, RpcCall, ServerProbe, ToWorker } from './workerProtocol.ts'

type RpcResult = ServerProbe | ConnectionInfo[] | BrowserAccessInfo

type Pending = {
  resolve: (result: RpcResult) => void
  reject: (error: Error) => void
}

/**
 * The client worker's view of the runner: the server's /proc counters and its connection details live in
 * the runner, which owns the server process and any auth supplier.
 */
export class WorkerContext {
  private nextId = 1
  private readonly pending = new Map<number, Pending>()

  constructor(private readonly send: (message: FromWorker) => void) {}

  handle(message: ToWorker): void {
    if (message.type !== 'rpcResult' && message.type !== 'rpcError') return
    const pending = this.pending.get(message.id)
    if (!pending) return
    this.pending.delete(message.id)
    if (message.type === 'rpcResult') pending.resolve(message.result)
    else pending.reject(new Error(message.message))
  }

  /** Server CPU and memory right now (summed over its instances), and its PostgreSQL backends' CPU. */
  async probe(): Promise<ServerProbe> {
    const result = await this.call({ method: 'probe' })
    if (Array.isArray(result) || !('cpuSeconds' in result)) throw new Error('probe: unexpected reply')
    return result
  }

  /** Where our web client is served, with a fresh one-time sign-in URL (a new one per call). */
  async browserAccess(): Promise<{ httpOrigin: string; signInUrl: () => string }> {
    const result = await this.call({ method: 'browserAccess' })
    if (Array.isArray(result) || !('signInUrl' in result)) throw new Error('browserAccess: unexpected reply')
    return { httpOrigin: result.httpOrigin, signInUrl: () => result.signInUrl }
  }

  async connections(documentNames: string[]): Promise<ConnectionInfo[]> {
    const result = await this.call({ method: 'connections', documentNames })
    if (!Array.isArray(result)) throw new Error('connections: unexpected reply')
    return result
  }

  progress(message: string): void {
    this.send({ type: 'progress', message })
  }

  private call(call: RpcCall): Promise<RpcResult> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.send({ type: 'rpc', id, call })
    })
  }
}
