import { CloseCode } from './CloseCode.ts'

/** A client broke the protocol; the connection is closed with `closeCode`, nothing else is affected. */
export class ProtocolError extends Error {
  override name = 'ProtocolError'

  constructor(
    message: string,
    readonly closeCode: number = CloseCode.badRequest,
  ) {
    super(message)
  }
}
