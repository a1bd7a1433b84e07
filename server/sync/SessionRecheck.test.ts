import { describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/protocol/index.ts'
import { eventually } from '../../test/helpers/eventually.ts'
import { Logger } from '../logging/Logger.ts'
import type { Principal } from './Principal.ts'
import type { RecheckedConnection } from './SessionRecheck.ts'
import { SessionRecheck } from './SessionRecheck.ts'
import type { UpgradeDecision } from './SyncServer.ts'

const drafter: Principal = { userId: '1', sessionId: 1, name: 'Ada', delegation: null, role: 'drafter' }

function connectionOf(principal: Principal): RecheckedConnection & { closedWith: number[] } {
  const closedWith: number[] = []
  return {
    principal,
    documentName: 'charter',
    logger: new Logger('silent'),
    close: (code: number) => {
      closedWith.push(code)
    },
    closedWith,
  }
}

describe('SessionRecheck', () => {
  it('awaits an asynchronous re-check and never overlaps two runs', async () => {
    const connection = connectionOf(drafter)
    let calls = 0
    let answer: (decision: UpgradeDecision) => void = () => {}
    const recheck = new SessionRecheck(
      new Set([connection]),
      () => {
        calls++
        return new Promise<UpgradeDecision>((resolve) => {
          answer = resolve
        })
      },
      60_000,
    )
    const first = recheck.run()
    await recheck.run()
    expect(calls).toBe(1)
    answer({ closeCode: CloseCode.unauthenticated, reason: 'session revoked' })
    await first
    expect(connection.closedWith).toEqual([CloseCode.unauthenticated])
    recheck.destroy()
  })

  it('asks once per session and document, however many sockets share them', async () => {
    const tabs = [connectionOf(drafter), connectionOf(drafter), connectionOf(drafter)]
    const elsewhere = { ...connectionOf(drafter), documentName: 'other' }
    const asked: string[] = []
    const recheck = new SessionRecheck(
      new Set([...tabs, elsewhere]),
      async (principal, documentName) => {
        asked.push(documentName)
        return { principal: { ...principal, role: 'observer' } }
      },
      60_000,
    )
    await recheck.run()
    expect(asked).toEqual(['charter', 'other'])
    // The shared answer still applies to each socket: every one of them closes.
    for (const tab of tabs) expect(tab.closedWith).toEqual([CloseCode.policy])
    await recheck.run()
    expect(asked).toEqual(['charter', 'other', 'charter', 'other'])
    recheck.destroy()
  })

  it('closes a connection whose role changed with 1008 and keeps an unchanged one open', async () => {
    const demoted = connectionOf(drafter)
    const unchanged = connectionOf({ ...drafter, userId: '2' })
    const recheck = new SessionRecheck(
      new Set([demoted, unchanged]),
      async (principal) => ({
        principal: principal.userId === '1' ? { ...principal, role: 'observer' } : principal,
      }),
      60_000,
    )
    await recheck.run()
    expect(demoted.closedWith).toEqual([CloseCode.policy])
    expect(unchanged.closedWith).toEqual([])
    recheck.destroy()
  })

  it('keeps a connection open when its re-check throws', async () => {
    const connection = connectionOf(drafter)
    const recheck = new SessionRecheck(
      new Set([connection]),
      () => Promise.reject(new Error('store unavailable')),
      60_000,
    )
    await recheck.run()
    expect(connection.closedWith).toEqual([])
    recheck.destroy()
  })

  it('skips periodic runs while nothing changed, and runs when another process changed the database', async () => {
    const connection = connectionOf(drafter)
    let calls = 0
    let changed = false
    let probes = 0
    const recheck = new SessionRecheck(
      new Set([connection]),
      async (principal) => {
        calls++
        return { principal }
      },
      10,
      () => {
        probes++
        return changed
      },
    )
    await eventually(() => expect(probes).toBeGreaterThan(5))
    expect(calls).toBe(0)
    changed = true
    await eventually(() => expect(calls).toBeGreaterThan(0))
    recheck.destroy()
  })

  it('counts its passes, so a socket that joined after a pass had read the connections is checked late', async () => {
    const connections = new Set<RecheckedConnection>()
    let revoked = false
    const recheck = new SessionRecheck(
      connections,
      async (principal) =>
        revoked ? { closeCode: CloseCode.unauthenticated, reason: 'session revoked' } : { principal },
      60_000,
    )
    // Authenticated before the revocation, added to the set after the pass that followed it.
    const before = recheck.passesStarted
    revoked = true
    await recheck.run(true)
    const late = connectionOf(drafter)
    connections.add(late)
    expect(late.closedWith).toEqual([])
    expect(recheck.passesStarted).not.toBe(before)
    await recheck.checkLate(late)
    expect(late.closedWith).toEqual([CloseCode.unauthenticated])
    recheck.destroy()
  })
})
