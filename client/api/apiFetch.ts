import type { JsonBody } from './jsonBody.ts'

/** An API error with the server's stable code (`unauthenticated`, `rate_limited`, …). */
export class ApiError extends Error {
  override name = 'ApiError'

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** For `bad_request`: the dotted path of the bad field. */
    readonly path?: string,
  ) {
    super(message)
  }
}

/**
 * A request to our own API; the session cookie travels automatically (same origin). Bodies come from
 * `jsonBody`, so every one is typed and checked by the schema the server validates it with.
 */
export async function apiFetch<T>(
  path: string,
  options: { method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; body?: JsonBody } = {},
): Promise<T> {
  const { body } = options
  if (body?.problem) throw new ApiError(400, 'bad_request', body.problem.message, body.problem.path)
  const response = await fetch(path, {
    method: options.method ?? 'GET',
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body?.json,
  })
  const text = await response.text()
  const parsed: unknown = text ? JSON.parse(text) : null
  if (!response.ok) {
    const error = (parsed ?? {}) as { error?: string; message?: string; path?: string }
    throw new ApiError(
      response.status,
      error.error ?? 'unknown',
      error.message ?? response.statusText,
      error.path,
    )
  }
  return parsed as T
}
