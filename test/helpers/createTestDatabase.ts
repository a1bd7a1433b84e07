import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** Where the tests find PostgreSQL: a database they may create other databases from. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'

export interface TestDatabase {
  url: string
  /** Drops the database, ending whatever connections are still open to it. */
  drop(): Promise<void>
}

async function administer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** A fresh, empty PostgreSQL database of its own for one test (or one contract-suite case). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `charter_test_${randomBytes(6).toString('hex')}`
  await administer(`CREATE DATABASE ${name}`)
  const url = new URL(testDatabaseUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: () => administer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  }
}
