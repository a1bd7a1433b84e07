import { describe, expect, it } from 'vitest'
import { largeDoc, meta, richDoc } from '../../../test/fixtures/export/exportFixtures.ts'
import { runPdfTool } from '../../../test/fixtures/export/runPdfTool.ts'
import type { ExportTask } from './ExportTask.ts'
import { runExportTask } from './runExportTask.ts'

// Generous bounds: CI machines are small and shared; the point is to catch accidental blow-ups.
const boundMs = 15_000

describe('export tasks on a 100-page charter', () => {
  it('stay within a few seconds in every format, for both redlines and the comparison', async () => {
    const input = { doc: largeDoc(100), meta }
    const redline = { baseDoc: largeDoc(99), doc: input.doc, baseMeta: meta, meta }
    const options = { includeThreads: false }
    const tasks: Record<string, ExportTask> = {
      html: { kind: 'snapshot', input, format: 'html', options },
      markdown: { kind: 'snapshot', input, format: 'md', options },
      docx: { kind: 'snapshot', input, format: 'docx', options },
      pdf: { kind: 'snapshot', input, format: 'pdf', options },
      pdfClean: { kind: 'snapshot', input, format: 'pdf', options: { ...options, view: 'clean' } },
      docxClean: { kind: 'snapshot', input, format: 'docx', options: { ...options, view: 'clean' } },
      redlineHtml: { kind: 'redline', input: redline, format: 'html' },
      redlineDocx: { kind: 'redline', input: redline, format: 'docx' },
      areaChanges: { kind: 'areaChanges', baseDoc: redline.baseDoc, doc: redline.doc },
    }
    // Warm the font cache and JIT once, as a long-running server would be.
    await runExportTask({ kind: 'snapshot', input: { doc: richDoc(), meta }, format: 'pdf', options })
    const timings: Record<string, number> = {}
    let pdf = Buffer.alloc(0)
    for (const [name, task] of Object.entries(tasks)) {
      const start = performance.now()
      const result = await runExportTask(task)
      timings[name] = performance.now() - start
      if (name === 'pdf' && result.kind === 'rendered') pdf = Buffer.from(result.body)
    }
    const pages = Number(/Pages:\s+(\d+)/.exec(runPdfTool(pdf, 'pdfinfo'))?.[1])
    console.log(
      `100-article charter (${pages} PDF pages): ${Object.entries(timings)
        .map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`)
        .join(', ')}`,
    )
    expect(pages).toBeGreaterThanOrEqual(90)
    for (const ms of Object.values(timings)) expect(ms).toBeLessThan(boundMs)
  }, 120_000)
})
