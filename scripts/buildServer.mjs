// Compiles the server to plain JavaScript in dist-server/, so production runs without a TypeScript loader
// (tsx registers its hooks on a loader thread of its own, and again in every worker thread: tens of MB of RSS
// and a slower start). Plain .mjs on purpose: it must run from a clean clone before anything is compiled.
//
// One bundle per thread entry (main, validation worker, export worker), npm packages left external (loaded
// from node_modules as usual). Code splitting keeps dynamic imports (export renderers, the inline fallbacks)
// in chunks of their own, loaded only when first used. The worker entries land next to main.mjs under the
// names the source's `new URL('./…Entry.mjs', import.meta.url)` looks for, and the SQL migrations are copied
// where `loadMigrations` looks for them, so the same source runs both ways.
import { cpSync, existsSync, renameSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const outdir = join(root, 'dist-server')

// Built beside and swapped in by rename, so a server already running from dist-server (it loads chunks and
// worker entries lazily) never finds the directory half-written or gone.
const building = `${outdir}.building-${process.pid}`
const replaced = `${outdir}.replaced-${process.pid}`
rmSync(building, { recursive: true, force: true })
await build({
  absWorkingDir: root,
  entryPoints: [
    { in: 'server/main.ts', out: 'main' },
    { in: 'server/sync/validation/validationWorker.ts', out: 'validationWorkerEntry' },
    { in: 'server/export/worker/exportWorker.ts', out: 'exportWorkerEntry' },
  ],
  outdir: building,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
})
cpSync(join(root, 'server/persistence/migrations'), join(building, 'migrations'), { recursive: true })
if (existsSync(outdir)) renameSync(outdir, replaced)
renameSync(building, outdir)
rmSync(replaced, { recursive: true, force: true })
