/** An error with a stable `code` that the API returns as `{ error: code, message }` with `status`. */
export class HttpError extends Error {
  override name = 'HttpError'

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** For a 400: the dotted path of the bad field (`participants.AZ.0`). */
    readonly path?: string,
  ) {
    super(message)
  }

  toJSON(): { error: string; message: string; path?: string } {
    return this.path === undefined
      ? { error: this.code, message: this.message }
      : { error: this.code, message: this.message, path: this.path }
  }
}

export const httpErrors = {
  badRequest: (message: string, path?: string) => new HttpError(400, 'bad_request', message, {}, path),
  unauthenticated: () => new HttpError(401, 'unauthenticated', 'Sign in first'),
  forbidden: (message = 'You are not allowed to do this') => new HttpError(403, 'forbidden', message),
  notFound: (message = 'Not found') => new HttpError(404, 'not_found', message),
  conflict: (message: string) => new HttpError(409, 'conflict', message),
  /** Closes the connection after answering: the rest of the body is not worth reading. */
  tooLarge: (limitBytes: number) =>
    new HttpError(413, 'too_large', `Request body larger than ${limitBytes} bytes`, { Connection: 'close' }),
  unsupportedMediaType: () =>
    new HttpError(415, 'unsupported_media_type', 'Send JSON (Content-Type: application/json)'),
  rateLimited: (retryAfterSeconds: number) =>
    new HttpError(429, 'rate_limited', 'Too many attempts; try again later', {
      'Retry-After': String(retryAfterSeconds),
    }),
}
