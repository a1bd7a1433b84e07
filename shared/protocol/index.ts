export { CloseCode } from './CloseCode.ts'
export { charterDocumentName, collabPathPrefix, isValidDocumentName } from './documentName.ts'
export {
  type AwarenessEntry,
  decodeAwarenessEntries,
  decodeFrame,
  encodeAwareness,
  encodeAwarenessEntries,
  encodeFrame,
  encodePermissionDenied,
  encodeQueryAwareness,
  encodeSyncMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  type Frame,
} from './frameCodec.ts'
export { limits } from './limits.ts'
export { MessageType, SyncMessageType } from './MessageType.ts'
export { ProtocolError } from './ProtocolError.ts'
