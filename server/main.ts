import { seedDemo } from './auth/seedDemo.ts'
import { ConfigError, parseConfig } from './config.ts'
import { createApp } from './createApp.ts'
import { Logger } from './logging/Logger.ts'

/** Composition root: parse the environment once, wire the app, handle signals. */
async function main(): Promise<void> {
  let config: ReturnType<typeof parseConfig>
  try {
    config = parseConfig(process.env)
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`)
      process.exit(2)
    }
    throw error
  }
  const logger = new Logger(config.logLevel)
  const app = await createApp(config, logger)
  const port = await app.listen()
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
  logger.info('listening', {
    port,
    url: `http://${shownHost}:${port}/`,
    storage: config.databaseUrl ? 'postgres' : { dataDir: config.dataDir },
  })
  const baseUrl = config.publicUrl ?? `http://${shownHost}:${port}`
  const banner = [`\n  Charter Desk is running at ${baseUrl}/\n`]
  if (config.demo) {
    banner.push('  Demo accounts (one-time sign-in links, valid 7 days):')
    for (const link of await seedDemo(app.stores)) {
      banner.push(
        `    ${link.delegation} ${link.role.padEnd(9)} ${link.name.padEnd(16)} ${baseUrl}/sign-in#link=${link.token}`,
      )
    }
    banner.push('')
  }
  if ((await app.stores.accounts.countAccounts()) === 0) {
    const token = await app.stores.setupSecret.createSetupToken()
    banner.push(
      `  First run: create the first co-chair (administrator) here:\n    ${baseUrl}/setup#token=${token}\n`,
    )
  }
  if (config.logLevel !== 'silent') process.stderr.write(`${banner.join('\n')}\n`)

  const shutdownBoundMs = 10_000
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info('shutting down', { signal })
    const forced = setTimeout(() => {
      logger.error('shutdown took too long; exiting')
      process.exit(1)
    }, shutdownBoundMs)
    forced.unref()
    app.destroy().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', { error })
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

void main()
