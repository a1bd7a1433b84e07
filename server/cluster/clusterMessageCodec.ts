import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { ClusterMessage } from './ClusterMessage.ts'

const kinds = ['updates', 'awareness', 'access'] as const

/**
 * Binary encoding of cluster messages for Redis (lib0, like the sync protocol): updates travel as raw bytes,
 * not base64. A message that does not decode is dropped by the receiver (it is only a doorbell).
 */
export const clusterMessageCodec = {
  encode(message: ClusterMessage): Uint8Array {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, kinds.indexOf(message.kind))
    encoding.writeVarString(encoder, message.instanceId)
    switch (message.kind) {
      case 'updates':
        encoding.writeVarString(encoder, message.documentName)
        encoding.writeVarUint(encoder, message.firstSeq)
        encoding.writeVarUint(encoder, message.updates.length)
        for (const update of message.updates) encoding.writeVarUint8Array(encoder, update)
        break
      case 'awareness':
        encoding.writeVarString(encoder, message.documentName)
        encoding.writeVarUint8Array(encoder, message.update)
        break
      case 'access':
        break
    }
    return encoding.toUint8Array(encoder)
  },

  /** The message, or null if the bytes are not one. */
  decode(bytes: Uint8Array): ClusterMessage | null {
    try {
      const decoder = decoding.createDecoder(bytes)
      const kind = kinds[decoding.readVarUint(decoder)]
      const instanceId = decoding.readVarString(decoder)
      switch (kind) {
        case 'updates': {
          const documentName = decoding.readVarString(decoder)
          const firstSeq = decoding.readVarUint(decoder)
          const count = decoding.readVarUint(decoder)
          const updates: Uint8Array[] = []
          for (let index = 0; index < count; index++) updates.push(decoding.readVarUint8Array(decoder))
          return { kind, instanceId, documentName, firstSeq, updates }
        }
        case 'awareness': {
          const documentName = decoding.readVarString(decoder)
          return { kind, instanceId, documentName, update: decoding.readVarUint8Array(decoder) }
        }
        case 'access':
          return { kind, instanceId }
        default:
          return null
      }
    } catch {
      return null
    }
  },
}
