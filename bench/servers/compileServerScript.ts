import { execFileSync } from 'node:child_process'
import { basename, join } from 'node:path'
import { build } from 'esbuild'

const compiled = new Map<string, Promise<string>>()

/**
 * Compiles a server to plain JavaScript once per bench process and returns the script to run with `node`, so
 * every server runs the way it would in production: without a TypeScript loader, whose hooks thread (and one
 * more per worker thread) would add tens of MB of RSS and start-up work to every column. Ours is built by its own
 * `scripts/buildServer.mjs` (what `npm start` runs) into dist-server/; a reference server script is bundled with
 * its npm packages left external, into bench/results/.servers/ (git-ignored, inside the project so the
 * packages resolve from its node_modules).
 */
export function compileServerScript(projectRoot: string, script: string): Promise<string> {
  let result = compiled.get(script)
  if (!result) {
    result = compile(projectRoot, script)
    compiled.set(script, result)
  }
  return result
}

async function compile(projectRoot: string, script: string): Promise<string> {
  if (script === 'server/main.ts') {
    execFileSync(process.execPath, [join(projectRoot, 'scripts/buildServer.mjs')], { stdio: 'inherit' })
    return 'dist-server/main.mjs'
  }
  const outfile = join('bench/results/.servers', basename(script).replace(/\.ts$/, '.mjs'))
  await build({
    absWorkingDir: projectRoot,
    entryPoints: [script],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    packages: 'external',
    logLevel: 'warning',
  })
  return outfile
}
