import { parentPort } from 'node:worker_threads'
import { ShadowDocuments, type ValidationRequest } from './ShadowDocuments.ts'

const shadows = new ShadowDocuments()

parentPort?.on('message', (request: ValidationRequest) => {
  const response = shadows.handle(request)
  // Slices are fresh buffers of their own: hand them over rather than copy them.
  const transfer = (response?.slices ?? []).flatMap((slices) =>
    (slices ?? []).map((slice) => slice.buffer as ArrayBuffer),
  )
  if (response) parentPort?.postMessage(response, transfer)
})
