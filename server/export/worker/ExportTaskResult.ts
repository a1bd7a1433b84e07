import type { AreaChange } from '../../../shared/snapshots/index.ts'

/** What the worker sends back for a task; `body` is transferred, not copied. */
export type ExportTaskResult =
  | { kind: 'rendered'; body: Uint8Array; contentType: string; extension: string }
  | { kind: 'areaChanges'; areas: AreaChange[] }
