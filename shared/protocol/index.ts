export { CloseCode } from './CloseCode.ts'
export { charterDocumentName, collabPathPrefix, isValidDocumentName } from './documentName.ts'
export { limits } from './limits.ts'
export { MessageType, SyncMessageType } from './MessageType.ts'
