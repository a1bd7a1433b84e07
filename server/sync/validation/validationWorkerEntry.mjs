// Worker threads do not inherit tsx's loader from the parent, so the worker registers it before loading
// the TypeScript worker module (as server/export/exportWorkerEntry.mjs does).
import { register } from 'tsx/esm/api'

register()
await import('./validationWorker.ts')
