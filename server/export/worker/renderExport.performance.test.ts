import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { largeDoc, meta, richDoc } from '../../../test/fixtures/export/exportFixtures.ts'
import { exportDocx } from '../docx/exportDocx.ts'
import { exportHtml } from '../html/exportHtml.ts'
import { exportMarkdown } from '../markdown/exportMarkdown.ts'
import { exportPdf } from '../pdf/exportPdf.ts'
import { exportRedlineHtml } from '../redline/exportRedlineHtml.ts'

// Generous bounds: CI machines are small and shared; the point is to catch accidental blow-ups.
const boundMs = 15_000

async function timed(run: () => unknown): Promise<{ syncMs: number; totalMs: number; result: unknown }> {
  const start = performance.now()
  const pending = run()
  const syncMs = performance.now() - start
  const result = await pending
  return { syncMs, totalMs: performance.now() - start, result }
}

describe('exporting a 100-page charter', () => {
  it('stays within a few seconds in every format', async () => {
    const input = { doc: largeDoc(100), meta }
    // Warm the font cache and JIT once, as a long-running server would be.
    await exportPdf({ doc: richDoc(), meta })
    const runs = {
      html: await timed(() => exportHtml(input)),
      markdown: await timed(() => exportMarkdown(input)),
      docx: await timed(() => exportDocx(input)),
      pdf: await timed(() => exportPdf(input)),
      redline: await timed(() =>
        exportRedlineHtml({ baseDoc: largeDoc(99), doc: input.doc, baseMeta: meta, meta }),
      ),
    }
    const dir = mkdtempSync(join(tmpdir(), 'charter-perf-'))
    let pages = 0
    try {
      writeFileSync(join(dir, 'large.pdf'), runs.pdf.result as Buffer)
      const info = execFileSync('pdfinfo', [join(dir, 'large.pdf')], { encoding: 'utf8' })
      pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    console.log(
      `100-article charter (${pages} PDF pages): ${Object.entries(runs)
        .map(([name, run]) => `${name} ${run.totalMs.toFixed(0)} ms (sync ${run.syncMs.toFixed(0)} ms)`)
        .join(', ')}`,
    )
    expect(pages).toBeGreaterThanOrEqual(90)
    for (const run of Object.values(runs)) expect(run.totalMs).toBeLessThan(boundMs)
  }, 120_000)
})
