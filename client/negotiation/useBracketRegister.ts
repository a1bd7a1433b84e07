import { useMemo } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { type BracketRecord, bracketsDocumentName, bracketsMapName } from '../../shared/negotiation/index.ts'
import { useServerChannel } from '../sync/useServerChannel.ts'

function isRecord(value: unknown): value is BracketRecord {
  return (
    value !== null &&
    typeof value === 'object' &&
    'id' in value &&
    'alternatives' in value &&
    Array.isArray((value as { alternatives: unknown }).alternatives)
  )
}

const noRecords: readonly BracketRecord[] = []

function readRegister(ydoc: Y.Doc): readonly BracketRecord[] {
  const records: BracketRecord[] = []
  for (const value of ydoc.getMap<unknown>(bracketsMapName).values()) if (isRecord(value)) records.push(value)
  return records.sort((a, b) => a.openedAt.localeCompare(b.openedAt) || a.id.localeCompare(b.id))
}

export interface BracketRegisterChannel {
  /** Every bracket the document ever had (open ones and their history), oldest first. */
  brackets: readonly BracketRecord[]
  /** The same, by bracket id: what the text's bracket nodes look up for their owners and cleaning state. */
  byId: ReadonlyMap<string, BracketRecord>
  /** True once the server's copy of the register has arrived. */
  loaded: boolean
}

/**
 * The document's bracket register, live, from the server-written `<name>--brackets` channel: who opened a
 * bracket, who proposed what and who cleaned it is the server's word.
 */
export function useBracketRegister(documentName: string, after?: WebsocketProvider): BracketRegisterChannel {
  const { value, loaded } = useServerChannel(
    bracketsDocumentName(documentName),
    readRegister,
    noRecords,
    after,
  )
  return useMemo(
    () => ({ brackets: value, byId: new Map(value.map((record) => [record.id, record])), loaded }),
    [value, loaded],
  )
}
