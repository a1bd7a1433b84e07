import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openSqliteDatabase } from '../../server/persistence/openSqliteDatabase.ts'
import { threadsDocumentName } from '../../shared/comments/index.ts'
import { charterDocumentName } from '../../shared/protocol/index.ts'
import {
  type ComparisonView,
  documentEventsMapName,
  restoreNoticeKey,
  type SnapshotSummary,
} from '../../shared/snapshots/index.ts'
import { parseMarkup } from '../fixtures/export/parseMarkup.ts'
import { readDocx } from '../fixtures/export/readDocx.ts'
import { articleText, plainText } from '../helpers/charterText.ts'
import { connectClient, type TestClient } from '../helpers/connectClient.ts'
import { eventually } from '../helpers/eventually.ts'
import { HoldableDocumentStore } from '../helpers/HoldableDocumentStore.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'

const azerbaijani = 'Ələkbərov İsmayıl Şəkərbəyli Çağlar Öztürk Ümid ğ ı ş ç ö ü'
const cyrillic = 'Хартия о стратегическом партнёрстве'

describe('snapshots, compare, restore and export', () => {
  let server: TestServer
  let coChair: string
  let reviewer: string
  let store: HoldableDocumentStore
  const clients: TestClient[] = []

  async function call(token: string, method: string, route: string, body?: unknown) {
    const response = await fetch(`${server.httpUrl}/api${route}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    })
    return response
  }

  async function snapshot(name: string): Promise<SnapshotSummary> {
    const response = await call(coChair, 'POST', `/documents/${charterDocumentName}/snapshots`, { name })
    expect(response.status).toBe(200)
    return (await response.json()) as SnapshotSummary
  }

  async function editor() {
    const client = await connectClient(server.wsUrl, charterDocumentName, {
      params: { token: (await server.createAccount({ role: 'drafter' })).token },
    })
    clients.push(client)
    return client
  }

  async function settled(client: TestClient, expected: (text: string) => boolean) {
    await eventually(async () => {
      const probe = await connectClient(server.wsUrl, charterDocumentName, {
        params: { token: (await server.createAccount({ role: 'observer' })).token },
      })
      try {
        expect(expected(plainText(articleText(probe.ydoc, 'investment')))).toBe(true)
      } finally {
        probe.destroy()
      }
    })
    return client
  }

  beforeEach(async () => {
    server = await startTestServer({
      wrapDocumentStore: (sqlite) => {
        store = new HoldableDocumentStore(sqlite)
        return store
      },
    })
    coChair = (await server.createAccount({ role: 'co-chair' })).token
    reviewer = (await server.createAccount({ role: 'reviewer' })).token
  })

  afterEach(async () => {
    store.release()
    for (const client of clients.splice(0)) client.destroy()
    await server.stop({ removeData: true })
  })

  it('takes immutable snapshots (co-chairs only) whose hash matches their content', async () => {
    const refused = await call(reviewer, 'POST', `/documents/${charterDocumentName}/snapshots`, {
      name: 'Mine',
    })
    expect(refused.status).toBe(403)
    const first = await snapshot('After meeting of 19 Dec 2025')
    const again = await snapshot('Same text, new name')
    expect(again.contentHash).toBe(first.contentHash)
    expect(first.contentHash).toMatch(/^[0-9a-f]{64}$/)
    const stored = (await server.app.stores.snapshots.findSnapshot(first.id))!
    expect(stored.state.byteLength).toBeGreaterThan(1000)
    const database = openSqliteDatabase(server.dataDir)
    try {
      expect(() =>
        database.prepare("UPDATE snapshots SET name = 'rewritten' WHERE id = ?").run(first.id),
      ).toThrow(/immutable/)
      expect(() => database.prepare('DELETE FROM snapshots WHERE id = ?').run(first.id)).toThrow(/immutable/)
    } finally {
      database.close()
    }
    const client = await editor()
    articleText(client.ydoc, 'investment').insert(0, 'Changed. ')
    await settled(client, (text) => text.startsWith('Changed. '))
    const changed = await snapshot('After edits')
    expect(changed.contentHash).not.toBe(first.contentHash)
  })

  it('compares two versions: a known insertion and deletion, counted per priority area', async () => {
    const client = await editor()
    const text = articleText(client.ydoc, 'investment')
    const before = await snapshot('Before')
    const original = plainText(text)
    text.delete(0, '[Placeholder: '.length)
    text.insert(0, 'The Parties shall promote investment in data centres. ')
    await settled(client, (value) => value.includes('data centres'))
    const after = await snapshot('After')
    const response = await call(
      reviewer,
      'GET',
      `/documents/${charterDocumentName}/compare?from=${before.id}&to=${after.id}`,
    )
    const comparison = (await response.json()) as ComparisonView
    const investment = comparison.areas.find((area) => area.area === 'investment')!
    expect(investment.insertedWords).toBeGreaterThanOrEqual(8)
    expect(investment.deletedWords).toBeGreaterThanOrEqual(1)
    // The words are split by the delegation that wrote and deleted them (the drafter is AZ).
    expect(investment.byDelegation?.AZ.insertedWords).toBeGreaterThanOrEqual(8)
    expect(investment.byDelegation?.AZ.deletedWords).toBeGreaterThanOrEqual(1)
    expect(investment.byDelegation?.US).toEqual({ insertedWords: 0, deletedWords: 0 })
    expect(comparison.areas.find((area) => area.area === 'security')).toMatchObject({
      insertedWords: 0,
      deletedWords: 0,
    })
    expect(Object.keys(comparison).sort()).toEqual(['areas', 'from', 'to'])
    const redline = parseMarkup(
      await (
        await call(reviewer, 'GET', `/documents/${charterDocumentName}/redline?from=${before.id}&to=current`)
      ).text(),
    )
    expect(redline.findAll('ins').some((ins) => ins.text.includes('data centres'))).toBe(true)
    expect(redline.findAll('del').some((del) => del.text.includes('Placeholder'))).toBe(true)
    const word = await call(
      reviewer,
      'GET',
      `/documents/${charterDocumentName}/redline?from=${before.id}&to=${after.id}&format=docx`,
    )
    expect(word.status).toBe(200)
    const inserted = readDocx(Buffer.from(await word.arrayBuffer()))
      .body.flatMap((paragraph) => paragraph.runs)
      .filter((run) => run.change?.kind === 'inserted')
    expect(inserted.map((run) => run.text).join(' ')).toContain('data centres')
    expect(original).toContain('[Placeholder: ')
  })

  it('restores a snapshot as a new change that a connected client receives, keeping history', async () => {
    const client = await editor()
    const text = articleText(client.ydoc, 'investment')
    const original = plainText(text)
    const good = await snapshot('Good version')
    text.insert(0, 'Unwanted change. ')
    await settled(client, (value) => value.startsWith('Unwanted'))
    const logBefore = (await server.app.store.load(charterDocumentName)).lastSeq
    expect(
      (await call(reviewer, 'POST', `/documents/${charterDocumentName}/snapshots/${good.id}/restore`)).status,
    ).toBe(403)
    const restored = await call(
      coChair,
      'POST',
      `/documents/${charterDocumentName}/snapshots/${good.id}/restore`,
    )
    expect(restored.status).toBe(200)
    await eventually(() => expect(plainText(articleText(client.ydoc, 'investment'))).toBe(original))
    expect((await server.app.store.load(charterDocumentName)).lastSeq).toBeGreaterThan(logBefore)
    const list = (await (
      await call(reviewer, 'GET', `/documents/${charterDocumentName}/snapshots`)
    ).json()) as SnapshotSummary[]
    expect(list[0]).toMatchObject({ kind: 'before-restore', name: 'Before restoring “Good version”' })
    expect(list.map((entry) => entry.id)).toContain(good.id)
  })

  it('tells everyone with the document open who restored which version, and which snapshot keeps the text before', async () => {
    const channel = await connectClient(server.wsUrl, threadsDocumentName(charterDocumentName), {
      params: { token: (await server.createAccount({ role: 'observer' })).token },
    })
    clients.push(channel)
    const good = await snapshot('Good version')
    const response = await call(
      coChair,
      'POST',
      `/documents/${charterDocumentName}/snapshots/${good.id}/restore`,
    )
    const beforeRestore = (await response.json()) as SnapshotSummary
    await eventually(() =>
      expect(channel.ydoc.getMap(documentEventsMapName).get(restoreNoticeKey)).toEqual({
        at: expect.any(String),
        byName: beforeRestore.createdByName,
        snapshotName: 'Good version',
        beforeRestoreSnapshotId: beforeRestore.id,
        beforeRestoreSnapshotName: 'Before restoring “Good version”',
      }),
    )
  })

  it('restores a snapshot while a drafter keeps typing: everyone converges on the restored text plus every concurrent edit', async () => {
    const client = await editor()
    const investment = articleText(client.ydoc, 'investment')
    const connectivity = articleText(client.ydoc, 'connectivity')
    const original = { investment: plainText(investment), connectivity: plainText(connectivity) }
    const good = await snapshot('Good version')
    investment.insert(0, 'Unwanted change. ')
    await settled(client, (value) => value.startsWith('Unwanted'))

    // Hold the restore's change at the store: it is computed from the document as it is now, and the drafter's
    // next edits are made without it, so the two are truly concurrent.
    store.hold()
    const restoring = call(coChair, 'POST', `/documents/${charterDocumentName}/snapshots/${good.id}/restore`)
    await eventually(() => expect(store.waitingAppends).toBe(1))
    const typed = { investment: '', connectivity: '' }
    for (let index = 0; index < 12; index++) {
      const area = index % 2 === 0 ? 'investment' : 'connectivity'
      const target = area === 'investment' ? investment : connectivity
      const words = ` <typed ${index}>`
      target.insert(plainText(target).length, words)
      typed[area] += words
    }
    expect(plainText(investment).startsWith('Unwanted change. ')).toBe(true)
    store.release()
    expect((await restoring).status).toBe(200)

    const expected = {
      investment: `${original.investment}${typed.investment}`,
      connectivity: `${original.connectivity}${typed.connectivity}`,
    }
    await eventually(() => {
      expect(plainText(articleText(client.ydoc, 'investment'))).toBe(expected.investment)
      expect(plainText(articleText(client.ydoc, 'connectivity'))).toBe(expected.connectivity)
    })
    // What the server has (a client with no state of its own) is the same document.
    await eventually(async () => {
      const probe = await connectClient(server.wsUrl, charterDocumentName, {
        params: { token: (await server.createAccount({ role: 'observer' })).token },
      })
      try {
        expect(probe.ydoc.getXmlFragment('default').toJSON()).toBe(
          client.ydoc.getXmlFragment('default').toJSON(),
        )
      } finally {
        probe.destroy()
      }
    })
  })

  it('exports DOCX, PDF, HTML and Markdown with both alphabets, the header and the content hash', async () => {
    const client = await editor()
    articleText(client.ydoc, 'investment').insert(0, `${azerbaijani} ${cyrillic}. `)
    await settled(client, (value) => value.includes(cyrillic))
    const taken = await snapshot('After meeting of 19 Dec 2025')
    const download = async (format: string) => {
      const response = await call(
        reviewer,
        'GET',
        `/documents/${charterDocumentName}/export?format=${format}&version=${taken.id}`,
      )
      expect(response.status).toBe(200)
      expect(response.headers.get('content-disposition')).toContain(`.${format}`)
      return Buffer.from(await response.arrayBuffer())
    }

    const docx = unzipSync(new Uint8Array(await download('docx')))
    const decoder = new TextDecoder()
    const body = decoder.decode(docx['word/document.xml'])
    const headers = Object.entries(docx)
      .filter(([name]) => /word\/(header|footer)\d*\.xml/.test(name))
      .map(([, bytes]) => decoder.decode(bytes))
      .join('\n')
    expect(body).toContain('Ələkbərov İsmayıl')
    expect(body).toContain(cyrillic)
    expect(headers).toContain('DRAFT — After meeting of 19 Dec 2025')
    expect(headers).toContain(taken.contentHash)

    const pdfFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'charter-pdf-')), 'export.pdf')
    fs.writeFileSync(pdfFile, await download('pdf'))
    const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile, '-'])
      .toString('utf8')
      .replace(/\s+/g, ' ')
    expect(pdfText).toContain('Ələkbərov İsmayıl Şəkərbəyli')
    expect(pdfText).toContain(cyrillic)
    expect(pdfText).toContain('DRAFT — After meeting of 19 Dec 2025')
    expect(pdfText.replace(/\s/g, '')).toContain(taken.contentHash)

    const html = (await download('html')).toString('utf8')
    expect(html).toContain(azerbaijani)
    expect(html).toContain(cyrillic)
    expect(html).toContain(taken.contentHash)
    expect(html).not.toMatch(/<script/i)

    const markdown = (await download('md')).toString('utf8')
    expect(markdown).toContain('Ələkbərov İsmayıl')
    expect(markdown).toContain(taken.contentHash)
  })

  it('exports brackets in the markup view by default and collapses them in the clean view, in both languages', async () => {
    // Opened by the server itself, so this test is about exports, not about who may open a bracket.
    await server.app.syncServer.documents.change(charterDocumentName, (ydoc) => {
      const text = articleText(ydoc, 'investment')
      const paragraph = text.parent as Y.XmlElement
      const alternative = (id: string, proposedBy: string, words: string) => {
        const element = new Y.XmlElement('bracketAlternative')
        element.setAttribute('id', id)
        element.setAttribute('proposedBy', proposedBy)
        element.insert(0, [new Y.XmlText(words)])
        return element
      }
      const bracket = new Y.XmlElement('bracket')
      bracket.setAttribute('id', 'br-digital')
      bracket.insert(0, [alternative('alt-1', 'AZ', 'digital'), alternative('alt-2', 'US', 'physical')])
      paragraph.insert(0, [new Y.XmlText('Cooperation on '), bracket, new Y.XmlText(' infrastructure. ')])
    })
    const route = `/documents/${charterDocumentName}/export?version=current`
    const markup = await call(reviewer, 'GET', `${route}&format=html`)
    expect(markup.headers.get('content-disposition')).not.toContain('-clean')
    const markupPage = parseMarkup(await markup.text())
    const paragraph = markupPage.findAll('p').find((p) => p.text.startsWith('Cooperation on'))!
    expect(paragraph.text).toMatch(/^Cooperation on \[digitalAZ \/ physicalUS\] infrastructure\./)
    expect(paragraph.findAll('sup').map((sup) => sup.text)).toEqual(['AZ', 'US'])

    const clean = await call(reviewer, 'GET', `${route}&format=html&view=clean`)
    expect(clean.headers.get('content-disposition')).toMatch(/-clean\.html/)
    const cleanPage = parseMarkup(await clean.text())
    expect(cleanPage.find('header')?.text).toMatch(/— CLEAN TEXT$/)
    expect(cleanPage.find('main')!.text).toContain('Cooperation on […] infrastructure.')
    expect(cleanPage.find('main')!.text).not.toMatch(/physical|digitalAZ/)

    const azerbaijaniMarkdown = await (
      await call(reviewer, 'GET', `${route}&format=md&view=clean&lang=az`)
    ).text()
    expect(azerbaijaniMarkdown).toContain('TƏMİZ MƏTN')
    expect(azerbaijaniMarkdown).toContain('1 açıq mötərizə')
    const azerbaijaniMarkup = await (await call(reviewer, 'GET', `${route}&format=md&lang=az`)).text()
    expect(azerbaijaniMarkup).toContain('\\[digital<sup>AZ</sup> / physical<sup>ABŞ</sup>\\]')

    expect((await call(reviewer, 'GET', `${route}&format=html&view=tidy`)).status).toBe(400)
  })

  it('keeps hostile content inert in every export', async () => {
    const client = await editor()
    const text = articleText(client.ydoc, 'security')
    text.insert(0, '<script>alert(1)</script><img src=x onerror=alert(2)> ')
    text.insert(0, 'click me ', { link: { href: 'javascript:alert(3)' } })
    await settled(client, () => true)
    await eventually(async () => {
      const html = await (
        await call(reviewer, 'GET', `/documents/${charterDocumentName}/export?format=html`)
      ).text()
      expect(html).toContain('&lt;script&gt;')
      expect(html).not.toMatch(/<script/i)
      expect(html).not.toMatch(/<img/i)
      expect(html).not.toMatch(/javascript:/i)
    })
    const markdown = await (
      await call(reviewer, 'GET', `/documents/${charterDocumentName}/export?format=md`)
    ).text()
    // A backslash-escaped "\<" is literal text in Markdown; an unescaped tag or a javascript: link is not.
    expect(markdown).not.toMatch(/(^|[^\\])<(script|img)/i)
    expect(markdown).not.toMatch(/\]\(javascript:/i)
    expect(markdown).toContain('\\<script\\>')
  })

  it('records meetings (co-chairs only) and links snapshots to them', async () => {
    const meeting = {
      title: 'First full meeting',
      date: '2025-12-19',
      format: 'online',
      participants: { AZ: ['A'], US: ['B'] },
    }
    expect((await call(reviewer, 'POST', '/meetings', meeting)).status).toBe(403)
    const created = (await (await call(coChair, 'POST', '/meetings', meeting)).json()) as { id: number }
    const linked = await call(coChair, 'POST', `/documents/${charterDocumentName}/snapshots`, {
      name: 'After meeting of 19 Dec 2025',
      meetingId: created.id,
    })
    expect(await linked.json()).toMatchObject({ meetingId: created.id, meetingTitle: 'First full meeting' })
  })

  it('serves an HTML export or redline for the in-page preview under a frame policy, anything else as a named download', async () => {
    const base = `/documents/${charterDocumentName}`
    const routes = [`${base}/export?version=current`, `${base}/redline?from=current&to=current`]
    for (const route of routes) {
      const preview = await call(reviewer, 'GET', `${route}&format=html&inline=1`)
      expect(preview.status).toBe(200)
      expect(preview.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
      expect(preview.headers.get('x-frame-options')).toBe('SAMEORIGIN')
      expect(preview.headers.get('content-disposition')).toBeNull()
      expect(preview.headers.get('cache-control')).toBe('no-store')
      const body = Buffer.from(await preview.arrayBuffer())
      expect(Number(preview.headers.get('content-length'))).toBe(body.byteLength)

      const download = await call(reviewer, 'GET', `${route}&format=docx&inline=1`)
      expect(download.status).toBe(200)
      expect(download.headers.get('content-disposition')).toMatch(
        new RegExp(`^attachment; filename="${charterDocumentName}-.+\\.docx"$`),
      )
      expect(download.headers.get('content-security-policy')).not.toContain("frame-ancestors 'self'")
      await download.arrayBuffer()
    }
  })
})
