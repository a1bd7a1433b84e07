import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Account } from '../../server/auth/Account.ts'
import { type Config, parseConfig } from '../../server/config.ts'
import { type App, type AppOptions, createApp } from '../../server/createApp.ts'
import type { AccessRule } from '../../server/documents/DocumentCatalog.ts'
import { Logger } from '../../server/logging/Logger.ts'
import type { Delegation, Role } from '../../shared/roles/index.ts'
import { createTestDatabase, type TestDatabase } from './createTestDatabase.ts'

/** Where a test server keeps its state: the SQLite file in its data directory, or a PostgreSQL database. */
export type TestStorage = 'sqlite' | 'postgres'

/**
 * The storages integration tests that prove storage guarantees run on. TEST_STORAGE=postgres runs every other
 * integration test on PostgreSQL too (the default for a test server that names none).
 */
export const testStorages: readonly TestStorage[] = ['sqlite', 'postgres']

const defaultStorage: TestStorage = process.env.TEST_STORAGE === 'postgres' ? 'postgres' : 'sqlite'

export interface TestServer {
  app: App
  port: number
  dataDir: string
  storage: TestStorage
  /** Pass these to `startTestServer` to start again on the same stored state (a restart). */
  sameStorage: { dataDir: string; env: Record<string, string> }
  httpUrl: string
  wsUrl: string
  config: Config
  /** Creates an account and a personal access token for it. */
  createAccount(options?: Partial<TestAccountOptions>): Promise<TestAccount>
  /** Makes `documentName` exist, open to everyone signed in (role-capped) unless `access` says otherwise. */
  ensureDocument(documentName: string, access?: AccessRule[]): Promise<void>
  /** Stops the server; keeps the data directory unless `removeData` is set. */
  stop(options?: { removeData?: boolean }): Promise<void>
}

export interface TestAccountOptions {
  login: string
  name: string
  delegation: Delegation
  role: Role
  isAdmin: boolean
  /** Limit the token to one document. */
  documentName: string | null
}

export interface TestAccount {
  account: Account
  token: string
  sessionId: number
}

let accountCounter = 0

export function createDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'charter-desk-test-'))
}

/**
 * Starts the real app in-process on port 0 with its own SQLite file or, for `storage: 'postgres'`, its own
 * PostgreSQL schema (TEST_DATABASE_URL); `env.DATABASE_URL` reuses a given one.
 */
export async function startTestServer(
  options: { dataDir?: string; env?: Record<string, string>; storage?: TestStorage } & AppOptions = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? createDataDir()
  let testDatabase: TestDatabase | null = null
  const env = { ...options.env }
  if (!env.DATABASE_URL && (options.storage ?? defaultStorage) === 'postgres') {
    testDatabase = await createTestDatabase()
    env.DATABASE_URL = testDatabase.url
  }
  const config = parseConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...env,
  })
  const app = await createApp(config, new Logger(config.logLevel), options)
  const port = await app.listen()
  return {
    app,
    port,
    dataDir,
    storage: config.databaseUrl ? 'postgres' : 'sqlite',
    sameStorage: { dataDir, env },
    config,
    createAccount: async (options = {}) => {
      accountCounter++
      const role = options.role ?? 'drafter'
      const delegation = options.delegation ?? 'AZ'
      const account = await app.stores.accounts.createAccount({
        login: options.login ?? `${delegation.toLowerCase()}-${role}-${accountCounter}`,
        name: options.name ?? `Test ${role} ${accountCounter}`,
        delegation,
        role,
        isAdmin: options.isAdmin ?? false,
        passwordHash: null,
      })
      const { session, token } = await app.stores.sessions.createSession({
        userId: account.id,
        kind: 'token',
        documentName: options.documentName ?? null,
        expiresAt: new Date(Date.now() + 3_600_000),
      })
      return { account, token, sessionId: session.id }
    },
    ensureDocument: async (
      documentName,
      access = [{ subject: { kind: 'everyone' }, maxRole: 'co-chair' }],
    ) => {
      await app.stores.catalog.ensure({ name: documentName, title: documentName, position: 50, access })
    },
    httpUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    stop: async ({ removeData = false } = {}) => {
      await app.destroy()
      if (removeData) {
        fs.rmSync(dataDir, { recursive: true, force: true })
        await testDatabase?.drop()
      }
    },
  }
}
