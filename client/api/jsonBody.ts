import type { z } from 'zod'

/** A request body checked against the shared schema the server validates it with (`shared/api/*Requests.ts`). */
export interface JsonBody {
  readonly json: string
  /** Set if the body breaks its schema: the dotted path of the bad field and what is wrong with it. */
  readonly problem: { path: string; message: string } | null
}

/** Types a body by its request schema; a bad field is reported by `apiFetch` before anything is sent. */
export function jsonBody<Schema extends z.ZodType>(schema: Schema, body: z.input<Schema>): JsonBody {
  const result = schema.safeParse(body)
  const issue = result.success ? undefined : result.error.issues[0]
  const path = issue?.path.map(String).join('.') ?? ''
  return {
    json: JSON.stringify(body),
    problem: result.success
      ? null
      : { path, message: `${path || 'request'}: ${issue?.message ?? 'invalid'}` },
  }
}
