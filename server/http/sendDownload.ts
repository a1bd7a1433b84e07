import type { ServerResponse } from 'node:http'

/**
 * Exports shown inside our own page (a sandboxed iframe) get a policy that allows nothing but their styles.
 * `sandbox` matters when the same URL is opened at the top level, outside the frame's `sandbox` attribute: the
 * export then still runs with an opaque origin, never as ours.
 */
const inlineHeaders = {
  'Content-Security-Policy': [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    'img-src data:',
    "form-action 'none'",
    "base-uri 'none'",
    "frame-ancestors 'self'",
    'sandbox',
  ].join('; '),
  'X-Frame-Options': 'SAMEORIGIN',
}

/** Sends rendered bytes either to be shown in our own frame (`inline`) or saved as `filename`. */
export function sendDownload(
  response: ServerResponse,
  rendered: { body: Buffer; contentType: string },
  filename: string,
  inline: boolean,
): void {
  response.writeHead(200, {
    'Content-Type': rendered.contentType,
    'Content-Length': rendered.body.byteLength,
    'Cache-Control': 'no-store',
    ...(inline ? inlineHeaders : { 'Content-Disposition': `attachment; filename="${filename}"` }),
  })
  response.end(rendered.body)
}
