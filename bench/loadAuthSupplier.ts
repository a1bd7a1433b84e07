import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { AuthSupplier } from './servers/ServerUnderTest.ts'

/**
 * Credentials for our server, from (in order) a module whose default export is an AuthSupplier, or a fixed
 * query string in BENCH_OURS_QUERY (e.g. `token=abc`). Undefined when neither is given.
 */
export async function loadAuthSupplier(modulePath: string | undefined): Promise<AuthSupplier | undefined> {
  if (modulePath) {
    const loaded: unknown = await import(pathToFileURL(resolve(modulePath)).href)
    const supplier =
      typeof loaded === 'object' && loaded !== null ? (loaded as Record<string, unknown>).default : undefined
    if (typeof supplier !== 'function') {
      throw new Error(`${modulePath}: default export must be a function (documentName request) => options`)
    }
    return supplier as AuthSupplier
  }
  const query = process.env.BENCH_OURS_QUERY
  if (query) {
    const params = Object.fromEntries(new URLSearchParams(query))
    return () => ({ params })
  }
  return undefined
}
