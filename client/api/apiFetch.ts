/** An API error with the server's stable code (`unauthenticated`, `rate_limited`, …). */
export class ApiError extends Error {
  override name = 'ApiError'

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** JSON request to our own API; the session cookie travels automatically (same origin). */
export async function apiFetch<T>(
  path: string,
  options: { method?: string; body?: unknown } = {},
): Promise<T> {
  const response = await fetch(path, {
    method: options.method ?? 'GET',
    credentials: 'same-origin',
    headers: options.body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const text = await response.text()
  const parsed: unknown = text ? JSON.parse(text) : null
  if (!response.ok) {
    const error = (parsed ?? {}) as { error?: string; message?: string }
    throw new ApiError(response.status, error.error ?? 'unknown', error.message ?? response.statusText)
  }
  return parsed as T
}
