import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DashboardView } from '../../shared/negotiation/DashboardView.ts'
import { charterDocumentName } from '../../shared/protocol/index.ts'
import type { Delegation, Role } from '../../shared/roles/index.ts'
import { runPdfTool } from '../fixtures/export/runPdfTool.ts'
import { connectClient, type TestClient } from '../helpers/connectClient.ts'
import { eventually } from '../helpers/eventually.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'

type Who = `${Role} ${Delegation}`

function section(ydoc: Y.Doc, area: string): Y.XmlElement {
  const found = ydoc
    .getXmlFragment('default')
    .toArray()
    .find(
      (node) =>
        node instanceof Y.XmlElement &&
        node.nodeName === 'charterSection' &&
        node.getAttribute('area') === area,
    )
  if (!(found instanceof Y.XmlElement)) throw new Error(`no ${area} section`)
  return found
}

function paragraph(...content: (string | Y.XmlElement)[]): Y.XmlElement {
  const element = new Y.XmlElement('paragraph')
  element.insert(
    0,
    content.map((part) => (typeof part === 'string' ? new Y.XmlText(part) : part)),
  )
  return element
}

function bracket(text: string, proposedBy: Delegation): Y.XmlElement {
  const element = new Y.XmlElement('bracket')
  element.setAttribute('id', crypto.randomUUID())
  const alternative = new Y.XmlElement('bracketAlternative')
  alternative.setAttribute('id', crypto.randomUUID())
  alternative.setAttribute('proposedBy', proposedBy)
  alternative.insert(0, [new Y.XmlText(text)])
  element.insert(0, [alternative])
  return element
}

/** A new article at `index` of an area, as the editor makes one: a fresh clause id and one paragraph. */
function addArticle(ydoc: Y.Doc, area: string, index: number, ...content: (string | Y.XmlElement)[]): string {
  const clauseId = crypto.randomUUID()
  const article = new Y.XmlElement('article')
  article.setAttribute('clauseId', clauseId)
  article.insert(0, [paragraph(...content)])
  section(ydoc, area).insert(index, [article])
  return clauseId
}

/**
 * The figures the dashboard must show, counted straight from the Yjs document (not through the server's
 * code): articles and brackets per area.
 */
function countFromDocument(ydoc: Y.Doc): Map<string, { articles: number; brackets: number }> {
  const counts = new Map<string, { articles: number; brackets: number }>()
  for (const node of ydoc.getXmlFragment('default').toArray()) {
    if (!(node instanceof Y.XmlElement) || node.nodeName !== 'charterSection') continue
    const area = node.getAttribute('area') as string
    const articles = node
      .toArray()
      .filter((child) => child instanceof Y.XmlElement && child.nodeName === 'article')
    let brackets = 0
    for (const article of articles) {
      for (const inner of (article as Y.XmlElement).createTreeWalker(
        (candidate) =>
          candidate instanceof Y.XmlElement && ['bracket', 'alternatives'].includes(candidate.nodeName),
      )) {
        void inner
        brackets++
      }
    }
    counts.set(area, { articles: articles.length, brackets })
  }
  return counts
}

describe('the negotiation dashboard', () => {
  let server: TestServer
  const tokens = {} as Record<Who, string>
  const clients: TestClient[] = []

  async function request(who: Who, method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${server.httpUrl}/api/documents/${charterDocumentName}${path}`, {
      method,
      headers: { Authorization: `Bearer ${tokens[who]}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  }

  async function dashboard(): Promise<DashboardView> {
    return (await (await request('observer AZ', 'GET', '/dashboard')).json()) as DashboardView
  }

  async function connect(who: Who): Promise<TestClient> {
    const client = await connectClient(server.wsUrl, charterDocumentName, { params: { token: tokens[who] } })
    clients.push(client)
    return client
  }

  beforeEach(async () => {
    server = await startTestServer()
    for (const delegation of ['AZ', 'US'] as const) {
      for (const role of ['co-chair', 'drafter', 'observer'] as const) {
        tokens[`${role} ${delegation}`] = (await server.createAccount({ role, delegation })).token
      }
    }
  })

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.stop({ removeData: true })
  })

  it('shows the figures the document holds after concurrent edits, and prints them in the state of play', async () => {
    const az = await connect('drafter AZ')
    const us = await connect('drafter US')
    const agreedClause = (await (await request('observer AZ', 'GET', '/clauses')).json()) as {
      clauseId: string
      area: string
    }[]
    const securityClause = agreedClause.find((clause) => clause.area === 'security')!.clauseId
    expect(
      (await request('co-chair AZ', 'POST', `/clauses/${securityClause}/status`, { to: 'agreedAdRef' }))
        .status,
    ).toBe(200)
    expect(
      (await request('co-chair US', 'POST', `/clauses/${securityClause}/status`, { to: 'agreedAdRef' }))
        .status,
    ).toBe(200)
    const snapshot = await request('co-chair AZ', 'POST', '/snapshots', { name: 'After the first round' })
    expect(snapshot.status).toBe(200)

    // Both delegations draft at once, in the same place and elsewhere, without waiting for each other.
    az.ydoc.transact(() => {
      addArticle(
        az.ydoc,
        'connectivity',
        2,
        'The Parties shall develop the Middle Corridor ',
        bracket('with priority', 'AZ'),
        '.',
      )
      addArticle(az.ydoc, 'investment', 2, 'Joint research in artificial intelligence.')
    })
    us.ydoc.transact(() => {
      addArticle(
        us.ydoc,
        'connectivity',
        2,
        'Energy transit ',
        bracket('shall', 'US'),
        ' be facilitated ',
        bracket('promptly', 'US'),
        '.',
      )
    })
    const reader = await connect('observer US')
    await eventually(() => {
      const counts = countFromDocument(reader.ydoc)
      expect(counts.get('connectivity')).toEqual({ articles: 3, brackets: 3 })
      expect(counts.get('investment')?.articles).toBe(2)
    })
    const counts = countFromDocument(reader.ydoc)

    const view = await eventually(async () => {
      const current = await dashboard()
      expect(current.totals.openBrackets).toBe(3)
      return current
    })
    for (const area of view.areas) {
      const expected = counts.get(area.area) ?? { articles: 0, brackets: 0 }
      expect({ area: area.area, articles: area.articles.length, brackets: area.openBrackets }).toEqual({
        area: area.area,
        ...expected,
      })
    }
    const totalArticles = [...counts.values()].reduce((sum, count) => sum + count.articles, 0)
    expect(view.totals).toMatchObject({ articles: totalArticles, agreed: 1, openBrackets: 3 })
    expect(view.areas.find((area) => area.area === 'security')?.agreed).toBe(1)
    expect(view.deadline).toBe('2026-02-08')
    expect(view.sinceLastMeeting.snapshot?.name).toBe('After the first round')
    const added = view.sinceLastMeeting.articles.filter((change) => change.added)
    expect(added).toHaveLength(3)
    expect(added.reduce((sum, change) => sum + change.bracketsOpened, 0)).toBe(3)
    expect(view.rounds.map((round) => [round.name, round.agreedArticles, round.openBrackets])).toEqual([
      ['After the first round', 1, 0],
      ['Now', 1, 3],
    ])

    const pdf = await request('observer US', 'GET', '/dashboard/state-of-play.pdf')
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    const text = runPdfTool(Buffer.from(await pdf.arrayBuffer())).replace(/\s+/g, ' ')
    expect(text).toContain(`Agreed: 1 of ${totalArticles} articles`)
    expect(text).toContain('Open brackets: 3')
    expect(text).toContain('Nothing is agreed until everything is agreed')
    expect(text).toMatch(/After the first round: 1\/\d+ agreed, 0 open brackets/)
  })

  it('lets co-chairs, and only co-chairs, move the deadline', async () => {
    expect((await request('drafter US', 'PUT', '/deadline', { deadline: '2027-03-01' })).status).toBe(403)
    expect((await request('co-chair US', 'PUT', '/deadline', { deadline: '2027-02-30' })).status).toBe(400)
    expect((await request('co-chair US', 'PUT', '/deadline', { deadline: '2027-03-01' })).status).toBe(200)
    const view = await dashboard()
    expect(view.deadline).toBe('2027-03-01')
    const today = new Date()
    const expected = Math.round(
      (Date.parse('2027-03-01T00:00:00Z') -
        Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())) /
        86_400_000,
    )
    expect(view.daysLeft).toBe(expected)
  })
})
