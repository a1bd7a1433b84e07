import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AuditLog, NewAuditEvent } from '../../server/audit/AuditLog.ts'

export type AuditLogFactory = () => Promise<{ store: AuditLog; destroy(): Promise<void> }>

function event(action: string, overrides: Partial<NewAuditEvent> = {}): NewAuditEvent {
  return {
    actorId: 1,
    actorLogin: 'az-co-chair',
    action,
    target: null,
    detail: {},
    address: '127.0.0.1',
    ...overrides,
  }
}

/** Every AuditLog implementation must pass this suite. */
export function describeAuditLogContract(name: string, factory: AuditLogFactory): void {
  describe(`AuditLog contract: ${name}`, () => {
    let store: AuditLog
    let destroy: () => Promise<void>

    beforeEach(async () => {
      ;({ store, destroy } = await factory())
    })
    afterEach(async () => destroy())

    it('records who did what, when and from where, and lists it', async () => {
      const before = new Date().toISOString()
      await store.record(
        event('auth.sign-in-failed', {
          actorId: null,
          actorLogin: 'nobody',
          target: 'charter',
          detail: { reason: 'unknown login', attempts: 3, nested: { ok: false } },
          address: null,
        }),
      )
      const [recorded] = await store.list({ limit: 10 })
      expect(recorded).toMatchObject({
        actorId: null,
        actorLogin: 'nobody',
        action: 'auth.sign-in-failed',
        target: 'charter',
        detail: { reason: 'unknown login', attempts: 3, nested: { ok: false } },
        address: null,
      })
      expect(recorded!.at >= before).toBe(true)
    })

    it('lists newest first and pages on with beforeId', async () => {
      for (let index = 1; index <= 7; index += 1) await store.record(event(`action-${index}`))
      const firstPage = await store.list({ limit: 3 })
      expect(firstPage.map((item) => item.action)).toEqual(['action-7', 'action-6', 'action-5'])
      const secondPage = await store.list({ limit: 3, beforeId: firstPage.at(-1)!.id })
      expect(secondPage.map((item) => item.action)).toEqual(['action-4', 'action-3', 'action-2'])
      const lastPage = await store.list({ limit: 3, beforeId: secondPage.at(-1)!.id })
      expect(lastPage.map((item) => item.action)).toEqual(['action-1'])
      expect(await store.list({ limit: 3, beforeId: lastPage[0]!.id })).toEqual([])
    })

    it('keeps every event of concurrent records, each with its own id', async () => {
      await Promise.all(Array.from({ length: 10 }, (_, index) => store.record(event(`burst-${index}`))))
      const listed = await store.list({ limit: 100 })
      expect(listed).toHaveLength(10)
      expect(new Set(listed.map((item) => item.id)).size).toBe(10)
    })
  })
}
