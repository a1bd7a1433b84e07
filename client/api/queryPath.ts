import type { z } from 'zod'

/**
 * `path?query`, with the query typed by the schema the server parses it with (`shared/api/*Requests.ts`). Code on
 * the editor's first script passes `null` and names the schema as a type argument, so zod stays out of it.
 */
export function queryPath<Schema extends z.ZodType>(
  path: string,
  _schema: Schema | null,
  query: z.input<Schema> & Record<string, string | number | undefined>,
): string {
  const parameters = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) parameters.set(key, String(value))
  }
  const search = parameters.toString()
  return search ? `${path}?${search}` : path
}
