import { promisify } from 'node:util'
import { brotliCompress, gzip, constants as zlibConstants } from 'node:zlib'
import * as Y from 'yjs'
import { documentRequests } from '../../shared/api/index.ts'
import { chooseEncoding } from '../http/chooseEncoding.ts'
import { httpErrors } from '../http/HttpError.ts'
import type { Router } from '../http/Router.ts'
import type { DocumentAccess } from '../sync/DocumentAccess.ts'
import { encodeIntegratedState } from '../sync/encodeIntegratedState.ts'
import type { ApiDependencies } from './ApiDependencies.ts'
import { requireDocumentActor } from './requireDocumentActor.ts'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** Below this the coding costs more than it saves. */
const compressAboveBytes = 1024

function stateVectorOf(encoded: string | undefined): Uint8Array | undefined {
  if (encoded === undefined || encoded === '') return undefined
  try {
    const vector = new Uint8Array(Buffer.from(encoded, 'base64url'))
    // Decoding validates it: a malformed vector is the client's error, not a crash of the encoder below.
    Y.decodeStateVector(vector)
    return vector
  } catch {
    throw httpErrors.badRequest('sv is not a Yjs state vector')
  }
}

/**
 * The first sync of a browser over HTTP: the same state the WebSocket's sync step 2 carries (anyone who may open
 * the document receives all of it there), but requested beside the page's other first requests instead of after a
 * WebSocket handshake, and compressed with brotli over the whole message, where permessage-deflate keeps an 8 KB
 * window. The socket then syncs only what changed since. Nothing is cached: it is one person's live view.
 */
export function registerDocumentStateRoute(
  router: Router,
  dependencies: ApiDependencies,
  documents: DocumentAccess,
): void {
  const route = { scope: 'document', query: documentRequests.stateQuery } as const
  router.on('GET', '/api/documents/:name/state', route, async (context) => {
    const { documentName } = await requireDocumentActor(dependencies, context)
    const stateVector = stateVectorOf(context.query.sv)
    const update = await documents.read(documentName, (ydoc) => encodeIntegratedState(ydoc, stateVector))
    const coding =
      update.byteLength > compressAboveBytes
        ? chooseEncoding(context.request.headers['accept-encoding'], ['br', 'gzip'])
        : undefined
    const body =
      coding === 'br'
        ? await brotli(update, {
            params: {
              [zlibConstants.BROTLI_PARAM_QUALITY]: 5,
              [zlibConstants.BROTLI_PARAM_SIZE_HINT]: update.byteLength,
            },
          })
        : coding === 'gzip'
          ? await gzipAsync(update, { level: 6 })
          : Buffer.from(update)
    context.response.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': body.byteLength,
      'Cache-Control': 'no-store',
      Vary: 'Accept-Encoding, Cookie',
      ...(coding ? { 'Content-Encoding': coding } : {}),
    })
    context.response.end(body)
    return undefined
  })
}
