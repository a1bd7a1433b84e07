import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { languages } from '../../shared/i18n/Language.ts'
import { charterDocumentName } from '../../shared/protocol/index.ts'
import { exportFormats, exportViews, type VersionRef } from '../../shared/snapshots/index.ts'
import { ConfigError, parseConfig } from '../config.ts'
import { createApp } from '../createApp.ts'
import { Logger } from '../logging/Logger.ts'

const usage = `Usage: npm run export -- [--document charter] [--snapshot ID|current] [--format html|md|docx|pdf]
                         [--view markup|clean] [--lang en|az] [--threads] [--out FILE] [--list]

Exports the current draft or a snapshot from DATA_DIR (default ./data) without a running server.
--view markup (default) prints brackets with every alternative and its proposer; --view clean prints only
the text outside brackets, each open bracket collapsed to […]. --lang sets the language of the labels.
--list prints the snapshots of the document. Stop the server first if it is running on the same data.`

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      document: { type: 'string', default: charterDocumentName },
      snapshot: { type: 'string', default: 'current' },
      format: { type: 'string', default: 'pdf' },
      view: { type: 'string', default: 'markup' },
      lang: { type: 'string', default: 'en' },
      threads: { type: 'boolean', default: false },
      out: { type: 'string' },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  })
  if (values.help) {
    process.stdout.write(`${usage}\n`)
    return
  }
  const format = exportFormats.find((candidate) => candidate === values.format)
  if (!format) throw new ConfigError(`--format must be one of ${exportFormats.join(', ')}`)
  const view = exportViews.find((candidate) => candidate === values.view)
  if (!view) throw new ConfigError(`--view must be one of ${exportViews.join(', ')}`)
  const language = languages.find((candidate) => candidate === values.lang)
  if (!language) throw new ConfigError(`--lang must be one of ${languages.join(', ')}`)
  const version: VersionRef = values.snapshot === 'current' ? 'current' : Number(values.snapshot)
  if (version !== 'current' && !Number.isSafeInteger(version))
    throw new ConfigError('--snapshot must be an id or "current"')

  const config = parseConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error' })
  const app = await createApp(config, new Logger(config.logLevel))
  try {
    if (values.list) {
      for (const snapshot of await app.snapshots.list(values.document)) {
        process.stdout.write(
          `${String(snapshot.id).padStart(4)}  ${snapshot.createdAt}  ${snapshot.contentHash.slice(0, 12)}  ${snapshot.name}\n`,
        )
      }
      return
    }
    if (!(await app.stores.catalog.find(values.document)))
      throw new ConfigError(`no document "${values.document}"`)
    const rendered = await app.snapshots.export(values.document, version, format, {
      includeThreads: values.threads,
      view,
      language,
    })
    const out = path.resolve(values.out ?? rendered.filename)
    fs.writeFileSync(out, rendered.body)
    process.stdout.write(`Wrote ${out} (${rendered.body.byteLength} bytes)\n`)
  } finally {
    await app.destroy()
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${usage}\n`)
  process.exit(error instanceof ConfigError ? 2 : 1)
})
