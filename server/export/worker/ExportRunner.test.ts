import { monitorEventLoopDelay } from 'node:perf_hooks'
import { afterAll, describe, expect, it } from 'vitest'
import {
  largeDoc,
  meta,
  redlineEditedDoc,
  templateDoc,
} from '../../../test/fixtures/export/exportFixtures.ts'
import { readDocx } from '../../../test/fixtures/export/readDocx.ts'
import { Logger } from '../../logging/Logger.ts'
import { ExportRunner } from './ExportRunner.ts'
import { runExportTask } from './runExportTask.ts'

const runner = new ExportRunner(new Logger('silent'))
afterAll(() => runner.destroy())

describe('ExportRunner', () => {
  it('renders redlines in HTML and Word on the worker', async () => {
    const input = { baseDoc: templateDoc(), doc: redlineEditedDoc(), baseMeta: meta, meta }
    const html = await runner.renderRedline(input, 'html')
    expect(html).toMatchObject({ contentType: 'text/html; charset=utf-8', extension: 'html' })
    expect(html.body.toString('utf8')).toContain('Brand new article')
    const docx = await runner.renderRedline(input, 'docx')
    expect(docx.extension).toBe('docx')
    const inserted = readDocx(docx.body)
      .body.flatMap((paragraph) => paragraph.runs)
      .filter((run) => run.change?.kind === 'inserted')
    expect(inserted.map((run) => run.text).join(' ')).toContain('Brand new article')
  }, 60_000)

  it('counts the words changed per area on the worker', async () => {
    const areas = await runner.areaChanges(templateDoc(), redlineEditedDoc())
    expect(areas.find((area) => area.area === 'connectivity')!.insertedWords).toBeGreaterThan(0)
    expect(areas.find((area) => area.area === 'preamble')).toMatchObject({
      insertedWords: 0,
      deletedWords: 0,
    })
  }, 60_000)

  it('keeps the main thread responsive while a 100-page comparison and redline run', async () => {
    const input = { baseDoc: largeDoc(99), doc: largeDoc(100), baseMeta: meta, meta }
    await runner.renderRedline(input, 'html') // worker started and warm

    // What /compare and /redline used to do on the main thread.
    const inlineStart = performance.now()
    await runExportTask({ kind: 'areaChanges', baseDoc: input.baseDoc, doc: input.doc })
    await runExportTask({ kind: 'redline', input, format: 'html' })
    const inlineMs = performance.now() - inlineStart

    const delay = monitorEventLoopDelay({ resolution: 10 })
    delay.enable()
    const start = performance.now()
    const [areas, rendered] = await Promise.all([
      runner.areaChanges(input.baseDoc, input.doc),
      runner.renderRedline(input, 'html'),
    ])
    const workerMs = performance.now() - start
    delay.disable()
    const maxStallMs = delay.max / 1e6
    console.log(
      `100-page comparison + redline: inline on the main thread ${inlineMs.toFixed(0)} ms; on the worker ` +
        `${workerMs.toFixed(0)} ms with the main thread's longest stall ${maxStallMs.toFixed(0)} ms`,
    )
    expect(areas.find((area) => area.area === 'connectivity')!.insertedWords).toBeGreaterThan(400)
    expect(rendered.body.byteLength).toBeGreaterThan(100_000)
    expect(maxStallMs).toBeLessThan(Math.max(250, inlineMs / 2))
  }, 120_000)
})
