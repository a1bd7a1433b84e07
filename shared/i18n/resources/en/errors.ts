/** Error messages by the API's stable error code. */
export const errors = {
  bad_request: 'Some of the information sent is not valid.',
  unauthenticated: 'Sign in first.',
  forbidden: 'You are not allowed to do this.',
  not_found: 'Not found, or no longer valid (used or expired).',
  conflict: 'This conflicts with what exists already (for example, the login is taken).',
  too_large: 'The request is too large.',
  unsupported_media_type: 'The request was not sent as JSON.',
  rate_limited: 'Too many attempts; try again later.',
  internal: 'Something went wrong on the server.',
  unknown: 'Something went wrong; please try again.',
  unreachable: 'The server could not be reached. Please try again.',
} as const
