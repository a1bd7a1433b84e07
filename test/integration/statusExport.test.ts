import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ClauseOverview } from '../../shared/negotiation/clauseStatus.ts'
import { charterDocumentName } from '../../shared/protocol/index.ts'
import type { SnapshotSummary } from '../../shared/snapshots/index.ts'
import { runPdfTool } from '../fixtures/export/runPdfTool.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'

describe('clause status in exports, through the API', () => {
  let server: TestServer
  let coChairAZ: string
  let coChairUS: string
  let reviewer: string

  async function call(token: string, method: string, route: string, body?: unknown): Promise<Response> {
    return fetch(`${server.httpUrl}/api/documents/${charterDocumentName}${route}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    })
  }

  async function download(version: string, format: 'md' | 'pdf', lang = 'en'): Promise<Buffer> {
    const response = await call(reviewer, 'GET', `/export?format=${format}&version=${version}&lang=${lang}`)
    expect(response.status).toBe(200)
    return Buffer.from(await response.arrayBuffer())
  }

  beforeEach(async () => {
    server = await startTestServer()
    coChairAZ = (await server.createAccount({ role: 'co-chair', delegation: 'AZ' })).token
    coChairUS = (await server.createAccount({ role: 'co-chair', delegation: 'US' })).token
    reviewer = (await server.createAccount({ role: 'reviewer', delegation: 'US' })).token
  })

  afterEach(async () => {
    await server.stop({ removeData: true })
  })

  it('labels an article agreed by both delegations in the current draft, not in a snapshot taken before', async () => {
    const before = (await (
      await call(coChairAZ, 'POST', '/snapshots', { name: 'Before agreement' })
    ).json()) as SnapshotSummary
    const clauses = (await (await call(reviewer, 'GET', '/clauses')).json()) as ClauseOverview[]
    const article = clauses.find((clause) => clause.area === 'connectivity')!
    for (const token of [coChairAZ, coChairUS]) {
      const moved = await call(token, 'POST', `/clauses/${article.clauseId}/status`, { to: 'agreedAdRef' })
      expect(moved.status).toBe(200)
    }
    const heading = `Article ${article.number}`
    const caveat = 'Nothing is agreed until everything is agreed.'

    const markdown = (await download('current', 'md')).toString('utf8')
    expect(markdown.split('\n')).toContain(`### ${heading} — *Agreed ad ref.*`)
    expect(markdown).toContain(`> ${caveat}`)
    // No other article is labelled.
    expect(markdown.match(/^### Article \d+ — /gm)).toHaveLength(1)

    const pdf = runPdfTool(await download('current', 'pdf')).replace(/\s+/g, ' ')
    expect(pdf).toContain(`${heading} Agreed ad ref.`)
    expect(pdf).toContain(caveat)

    const azerbaijani = (await download('current', 'md', 'az')).toString('utf8')
    expect(azerbaijani).toContain(`### ${heading} — *Ad ref. razılaşdırılıb*`)
    expect(azerbaijani).toContain('Hər şey razılaşdırılmayana qədər heç nə razılaşdırılmış sayılmır.')

    // The snapshot shows the status at its own time: the agreement came after it.
    const old = (await download(String(before.id), 'md')).toString('utf8')
    expect(old.split('\n')).toContain(`### ${heading}`)
    expect(old).not.toMatch(/Agreed ad ref\.|Nothing is agreed/)
    const oldPdf = runPdfTool(await download(String(before.id), 'pdf')).replace(/\s+/g, ' ')
    expect(oldPdf).not.toMatch(/Agreed ad ref\.|Nothing is agreed/)

    // A snapshot taken after the agreement keeps the label.
    const after = (await (
      await call(coChairUS, 'POST', '/snapshots', { name: 'After agreement' })
    ).json()) as SnapshotSummary
    const kept = (await download(String(after.id), 'md')).toString('utf8')
    expect(kept.split('\n')).toContain(`### ${heading} — *Agreed ad ref.*`)
  })
})
