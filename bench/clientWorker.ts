// Client worker: runs one scenario's Yjs clients in a process of their own, so their CPU is measured apart
// from the server's and the runner's timeouts still fire when the clients saturate a core.

import { browserEditing } from './scenarios/browserEditing.ts'
import { editingTrace } from './scenarios/editingTrace.ts'
import { fanOut } from './scenarios/fanOut.ts'
import { manyDocuments } from './scenarios/manyDocuments.ts'
import type { ClientKind } from './servers/ServerUnderTest.ts'
import { WorkerContext } from './WorkerContext.ts'
import type { FromWorker, ScenarioOutcome, ScenarioRequest, ToWorker } from './workerProtocol.ts'

/** Resolves once the message is handed to the channel, so exiting right after does not lose it. */
function send(message: FromWorker): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) resolve()
    else process.send(message, undefined, {}, () => resolve())
  })
}

function runScenario(
  context: WorkerContext,
  kind: ClientKind,
  request: ScenarioRequest,
): Promise<ScenarioOutcome> {
  switch (request.scenario) {
    case 'fanOut':
      return fanOut(context, kind, request)
    case 'manyDocuments':
      return manyDocuments(context, kind, request)
    case 'editingTrace':
      return editingTrace(context, kind, request)
    case 'browserEditing':
      return browserEditing(context, request)
  }
}

// Each y-websocket provider adds a process 'exit' listener; hundreds of clients are expected here.
process.setMaxListeners(0)
const context = new WorkerContext((message) => void send(message))
// An orphaned worker would keep hundreds of sockets open against the next run's server.
process.on('disconnect', () => process.exit(1))
process.on('message', (message: ToWorker) => {
  if (message.type !== 'run') {
    context.handle(message)
    return
  }
  runScenario(context, message.clientKind, message.request).then(
    (outcome) => {
      send({ type: 'result', outcome })
      // Exit rather than close every provider politely: the runner stops the server next anyway.
      process.disconnect?.()
      process.exit(0)
    },
    (error: unknown) => {
      send({
        type: 'error',
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      })
      process.exit(1)
    },
  )
})
