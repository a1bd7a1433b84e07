import { randomBytes } from 'node:crypto'
import { afterAll } from 'vitest'
import { administerPostgres as administer } from './administerPostgres.ts'

/** Where the tests find PostgreSQL: a database they may create other databases from. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'

export interface TestDatabase {
  /** Connection string whose connections see only this test's schema. */
  url: string
  drop(): Promise<void>
}

let fileDatabase: Promise<{ name: string; url: URL }> | null = null

/**
 * This test file's own database, `charter_test_<random>`, created on first use and dropped after the file.
 * CREATE DATABASE takes seconds, so the file's cases share it, each with a fresh schema of its own.
 */
function databaseOfThisFile(): Promise<{ name: string; url: URL }> {
  fileDatabase ??= (async () => {
    const name = `charter_test_${randomBytes(6).toString('hex')}`
    await administer(testDatabaseUrl, `CREATE DATABASE ${name}`)
    const url = new URL(testDatabaseUrl)
    url.pathname = `/${name}`
    return { name, url }
  })()
  return fileDatabase
}

// Registered when a test file imports this module (vitest isolates modules per file).
afterAll(async () => {
  if (!fileDatabase) return
  const { name } = await fileDatabase
  fileDatabase = null
  await administer(testDatabaseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
})

/** A fresh, empty PostgreSQL schema for one test (or one contract-suite case), as if it were its own database. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const database = await databaseOfThisFile()
  const schema = `case_${randomBytes(6).toString('hex')}`
  await administer(database.url.toString(), `CREATE SCHEMA ${schema}`)
  const url = new URL(database.url)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return {
    url: url.toString(),
    drop: () => administer(database.url.toString(), `DROP SCHEMA IF EXISTS ${schema} CASCADE`),
  }
}
