/**
 * WebSocket close codes sent by the server. 4400–4499 are terminal: the client must not reconnect
 * without user action. The others are transient and a client may retry with backoff.
 */
export const CloseCode = {
  /** Server shutting down (SIGTERM); reconnect later. */
  goingAway: 1001,
  /** Policy violation that a retry may cure (e.g. too many connections from one address). */
  policy: 1008,
  /** A frame larger than `limits.maxMessageBytes`. */
  messageTooBig: 1009,
  /** Unexpected server error; nothing acknowledged was lost. */
  internalError: 1011,
  /** Server is overloaded or the document is being unloaded; retry. */
  tryAgainLater: 1013,
  /** Malformed frame or invalid document name. */
  badRequest: 4400,
  /** No session, or the session expired or was revoked. */
  unauthenticated: 4401,
  /** Signed in but not allowed to do this (e.g. a read-only role sent an update). */
  forbidden: 4403,
  /** The document does not exist (or is invisible to this user). */
  notFound: 4404,
  /** Authentication did not complete in time. */
  authTimeout: 4408,
  /** Too many messages or updates. */
  rateLimited: 4429,
} as const

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]
