export interface ExportOptions {
  /** Comment threads are internal to the delegations, so they are left out unless asked for. */
  includeThreads: boolean
}

export const defaultExportOptions: ExportOptions = { includeThreads: false }
