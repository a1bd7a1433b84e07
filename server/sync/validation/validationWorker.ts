import { parentPort } from 'node:worker_threads'
import { ShadowDocuments, type ValidationRequest } from './ShadowDocuments.ts'

const shadows = new ShadowDocuments()

parentPort?.on('message', (request: ValidationRequest) => {
  const response = shadows.handle(request)
  if (response) parentPort?.postMessage(response)
})
