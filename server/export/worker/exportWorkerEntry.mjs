// Worker threads do not inherit tsx's loader from the parent, so the worker registers it before loading
// the TypeScript worker module.
import { register } from 'tsx/esm/api'

register()
await import('./exportWorker.ts')
