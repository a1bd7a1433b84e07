import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type Config, parseConfig } from '../../server/config.ts'
import { type App, createApp } from '../../server/createApp.ts'
import { Logger } from '../../server/logging/Logger.ts'

export interface TestServer {
  app: App
  port: number
  dataDir: string
  httpUrl: string
  wsUrl: string
  config: Config
  /** Stops the server; keeps the data directory unless `removeData` is set. */
  stop(options?: { removeData?: boolean }): Promise<void>
}

export function createDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'charter-desk-test-'))
}

/** Starts the real app in-process on port 0 with its own SQLite file. */
export async function startTestServer(
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? createDataDir()
  const config = parseConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...options.env,
  })
  const app = createApp(config, new Logger(config.logLevel))
  const port = await app.listen()
  return {
    app,
    port,
    dataDir,
    config,
    httpUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    stop: async ({ removeData = false } = {}) => {
      await app.destroy()
      if (removeData) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
