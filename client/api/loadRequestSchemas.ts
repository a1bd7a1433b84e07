/**
 * The request schemas, loaded on first use: the editor's first paint sends no request body, so zod and the
 * schemas arrive in a separate chunk while the person reads.
 */
export function loadRequestSchemas(): Promise<typeof import('./requestSchemas.ts')> {
  return import('./requestSchemas.ts')
}
