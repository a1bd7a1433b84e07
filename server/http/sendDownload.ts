import type { ServerResponse } from 'node:http'

/** Exports shown inside our own page (a sandboxed iframe) get a policy that allows nothing but their styles. */
const inlineHeaders = {
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'",
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
