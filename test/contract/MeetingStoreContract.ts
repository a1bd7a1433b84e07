import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MeetingStore, NewMeeting } from '../../server/snapshots/MeetingStore.ts'

export type MeetingStoreFactory = () => Promise<{ store: MeetingStore; destroy(): Promise<void> }>

export function newMeeting(title: string, date: string, overrides: Partial<NewMeeting> = {}): NewMeeting {
  return {
    title,
    date,
    format: 'online',
    place: null,
    participants: { AZ: ['Deputy Minister'], US: ['Deputy Assistant Secretary'] },
    notes: '',
    createdBy: 1,
    ...overrides,
  }
}

/** Every MeetingStore implementation must pass this suite. */
export function describeMeetingStoreContract(name: string, factory: MeetingStoreFactory): void {
  describe(`MeetingStore contract: ${name}`, () => {
    let store: MeetingStore
    let destroy: () => Promise<void>

    beforeEach(async () => {
      ;({ store, destroy } = await factory())
    })
    afterEach(async () => destroy())

    it('stores a meeting with its participants and finds it by id', async () => {
      const created = await store.createMeeting(
        newMeeting('Baku round', '2026-02-03', {
          format: 'in-person',
          place: 'Baku',
          notes: 'Ə ğ ı ş ç ö ü',
        }),
      )
      expect(created).toMatchObject({
        title: 'Baku round',
        format: 'in-person',
        place: 'Baku',
        notes: 'Ə ğ ı ş ç ö ü',
      })
      expect(created.participants).toEqual({ AZ: ['Deputy Minister'], US: ['Deputy Assistant Secretary'] })
      expect(await store.findMeeting(created.id)).toEqual(created)
      expect(await store.findMeeting(created.id + 1000)).toBeNull()
    })

    it('lists meetings latest date first, and the same date newest first', async () => {
      const early = await store.createMeeting(newMeeting('Early', '2025-12-19'))
      const late = await store.createMeeting(newMeeting('Late', '2026-03-01'))
      const sameDayFirst = await store.createMeeting(newMeeting('Morning', '2026-01-10'))
      const sameDaySecond = await store.createMeeting(newMeeting('Afternoon', '2026-01-10'))
      expect((await store.listMeetings()).map((meeting) => meeting.id)).toEqual([
        late.id,
        sameDaySecond.id,
        sameDayFirst.id,
        early.id,
      ])
    })
  })
}
