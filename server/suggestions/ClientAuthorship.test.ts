import { describe, expect, it } from 'vitest'
import { temporarySqliteDatabases } from '../../test/helpers/temporarySqliteDatabases.ts'
import { SqliteDocumentStore } from '../persistence/SqliteDocumentStore.ts'
import { SqliteGroupCommit } from '../persistence/SqliteGroupCommit.ts'
import type { Principal } from '../sync/Principal.ts'
import type { ClientAuthor } from './AuthorshipStore.ts'
import { ClientAuthorship } from './ClientAuthorship.ts'
import { MemoryAuthorshipStore } from './MemoryAuthorshipStore.ts'
import { SqliteAuthorshipStore } from './SqliteAuthorshipStore.ts'

const openDatabase = temporarySqliteDatabases('client-authorship-')

function principal(userId: string): Principal {
  return { userId, sessionId: null, name: `Name of ${userId}`, delegation: 'AZ', role: 'drafter' }
}

/** Whether `promise` has settled by the time the microtasks queued so far have run. */
async function settledNow(promise: Promise<unknown>): Promise<boolean> {
  let settled = false
  promise.then(
    () => {
      settled = true
    },
    () => {
      settled = true
    },
  )
  await Promise.resolve()
  await Promise.resolve()
  return settled
}

describe('ClientAuthorship', () => {
  it('on SQLite, decides a new id before its record is durable and holds it for its author meanwhile', async () => {
    const store = new SqliteAuthorshipStore(openDatabase())
    const claims = new ClientAuthorship(store)
    const first = await claims.claim('charter', principal('alice'), [7])
    expect(first.refusal).toBeNull()
    expect(await settledNow(first.recorded)).toBe(false)
    // A forger using alice's id before her record committed is refused all the same.
    const forged = await claims.claim('charter', principal('mallory'), [7])
    expect(forged.refusal).toBe('client id 7 belongs to another author')
    await first.recorded
    expect((await store.list('charter')).map(({ clientId, accountId }) => ({ clientId, accountId }))).toEqual(
      [{ clientId: 7, accountId: 'alice' }],
    )
    // Known ids cost no write.
    const again = await claims.claim('charter', principal('alice'), [7])
    expect(again.refusal).toBeNull()
    expect(await settledNow(again.recorded)).toBe(true)
  })

  it("on SQLite, a claim and the update's append started in the same turn cost one commit", async () => {
    const database = openDatabase()
    const claims = new ClientAuthorship(new SqliteAuthorshipStore(database))
    const documents = new SqliteDocumentStore(database)
    const group = SqliteGroupCommit.of(database)
    const before = group.committed
    const decision = await claims.claim('charter', principal('alice'), [7, 8])
    const appended = documents.append('charter', [Uint8Array.of(1, 2, 3)])
    await Promise.all([decision.recorded, appended])
    expect(group.committed - before).toBe(1)
    expect(await new SqliteAuthorshipStore(database).list('charter')).toHaveLength(2)
  })

  it('releases the held ids when their record fails, so the next claim records them again', async () => {
    let failNext = true
    const store = new (class extends MemoryAuthorshipStore {
      override async record(documentName: string, authors: readonly ClientAuthor[]): Promise<ClientAuthor[]> {
        if (failNext) {
          failNext = false
          throw new Error('disk full')
        }
        return super.record(documentName, authors)
      }
    })()
    const claims = new ClientAuthorship(store)
    const first = await claims.claim('charter', principal('alice'), [7])
    expect(first.refusal).toBeNull()
    await expect(first.recorded).rejects.toThrow('disk full')
    const retry = await claims.claim('charter', principal('alice'), [7])
    expect(retry.refusal).toBeNull()
    await retry.recorded
    expect((await store.list('charter')).map((author) => author.accountId)).toEqual(['alice'])
  })

  it('where other instances write to the store too, the stored author decides', async () => {
    const store = new (class extends MemoryAuthorshipStore {
      override readonly exclusive = false
    })()
    // Another instance recorded the id first: this instance's cache cannot know.
    const elsewhere = new ClientAuthorship(store)
    const here = new ClientAuthorship(store)
    await here.claim('charter', principal('bob'), [1])
    await (await elsewhere.claim('charter', principal('alice'), [7])).recorded
    const late = await here.claim('charter', principal('mallory'), [7])
    expect(late.refusal).toBe('client id 7 belongs to another author')
    const decided = await elsewhere.claim('charter', principal('carol'), [9])
    expect(decided.refusal).toBeNull()
    expect(await settledNow(decided.recorded)).toBe(true)
    expect((await store.list('charter')).find((author) => author.clientId === 9)?.accountId).toBe('carol')
  })
})
