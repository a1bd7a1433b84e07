import { useEffect, useState } from 'react'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { type BracketRecord, bracketsDocumentName, bracketsMapName } from '../../shared/negotiation/index.ts'
import { collabPathPrefix } from '../../shared/protocol/index.ts'

function collabServerUrl(): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${protocol}//${window.location.host}${collabPathPrefix.replace(/\/$/, '')}`
}

function isRecord(value: unknown): value is BracketRecord {
  return (
    value !== null &&
    typeof value === 'object' &&
    'id' in value &&
    'alternatives' in value &&
    Array.isArray((value as { alternatives: unknown }).alternatives)
  )
}

function readRegister(map: Y.Map<unknown>): BracketRecord[] {
  const records: BracketRecord[] = []
  for (const value of map.values()) if (isRecord(value)) records.push(value)
  return records.sort((a, b) => a.openedAt.localeCompare(b.openedAt) || a.id.localeCompare(b.id))
}

export interface BracketRegisterChannel {
  /** Every bracket the document ever had (open ones and their history), oldest first. */
  brackets: BracketRecord[]
  /** The same, by bracket id: what the text's bracket nodes look up for their owners and cleaning state. */
  byId: ReadonlyMap<string, BracketRecord>
  /** True once the server's copy of the register has arrived. */
  loaded: boolean
}

const empty: BracketRegisterChannel = { brackets: [], byId: new Map(), loaded: false }

/**
 * The document's bracket register, live: the server publishes every changed record into a read-only sync
 * document (`<name>--brackets`); this connects a stock y-websocket provider to it and mirrors its map into
 * state. Clients never write it: who opened a bracket, who proposed what and who cleaned it is the server's word.
 */
export function useBracketRegister(documentName: string): BracketRegisterChannel {
  const [channel, setChannel] = useState<BracketRegisterChannel>(empty)
  useEffect(() => {
    const ydoc = new Y.Doc()
    const map = ydoc.getMap<unknown>(bracketsMapName)
    const provider = new WebsocketProvider(collabServerUrl(), bracketsDocumentName(documentName), ydoc, {
      maxBackoffTime: 5000,
    })
    // Nobody needs to know who is reading the register.
    provider.awareness.setLocalState(null)
    let loaded = false
    const update = () => {
      const brackets = readRegister(map)
      setChannel({ brackets, byId: new Map(brackets.map((record) => [record.id, record])), loaded })
    }
    const onSync = (synced: boolean) => {
      if (!synced || loaded) return
      loaded = true
      update()
    }
    map.observe(update)
    provider.on('sync', onSync)
    return () => {
      map.unobserve(update)
      provider.off('sync', onSync)
      provider.destroy()
      ydoc.destroy()
      setChannel(empty)
    }
  }, [documentName])
  return channel
}
