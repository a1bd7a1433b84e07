import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Account } from '../../server/auth/Account.ts'
import { sessionCookieName } from '../../server/auth/Authenticator.ts'
import type { DocumentActor } from '../../server/auth/DocumentActor.ts'
import { databaseFileName } from '../../server/persistence/openSqliteDatabase.ts'
import {
  canComment,
  canEditComment,
  canManageSnapshots,
  canResolveThread,
  type Delegation,
  type Role,
  roles,
} from '../../shared/roles/index.ts'
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts'

/**
 * Every HTTP route × every kind of caller × every kind of credential. Expected answers come from the shared
 * permission predicates and the explicit tables below, never from the server; a refused call must change nothing.
 */

type Scope = 'public' | 'session' | 'account' | 'admin' | 'document'
type CredentialKind = 'cookie' | 'token' | 'limited-here' | 'limited-elsewhere' | 'none'

/** Who may open which test document, and the most they may do there (an access rule capped below co-chair). */
const documentAccess: Record<string, { delegations: Delegation[]; maxRole: Role }> = {
  'az-doc': { delegations: ['AZ'], maxRole: 'co-chair' },
  'us-doc': { delegations: ['US'], maxRole: 'co-chair' },
  'capped-doc': { delegations: ['AZ', 'US'], maxRole: 'reviewer' },
}
const targetDocuments = Object.keys(documentAccess)
/** Where "limited elsewhere" tokens are limited to, and "limited here" tokens on account-wide routes. */
const elsewhere = 'charter'
const accountWideHere = 'az-doc'

interface Caller {
  label: string
  kind: 'member' | 'admin' | 'anonymous'
  role: Role
  delegation: Delegation
}

const callers: Caller[] = [
  ...(['AZ', 'US'] as const).flatMap((delegation) => [
    ...roles.map((role): Caller => ({ label: `${role} ${delegation}`, kind: 'member', role, delegation })),
    // Administrators are observers: admin rights must not lend document rights.
    { label: `admin ${delegation}`, kind: 'admin', role: 'observer', delegation } satisfies Caller,
  ]),
]
const anonymous: Caller = { label: 'anonymous', kind: 'anonymous', role: 'observer', delegation: 'AZ' }
const credentialKinds: CredentialKind[] = ['cookie', 'token', 'limited-here', 'limited-elsewhere']

interface Fixtures {
  threadId: number
  commentId: number
  snapshotId: number
}

interface MatrixRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** `:name` is the target document; `:thread`, `:comment`, `:snapshot` its fixtures; `:user` a bystander. */
  path: string
  scope: Scope
  body?: unknown
  /** Beyond the scope: may a caller with this role (in the document, for document routes) do it? */
  permits?: (caller: { role: Role; accountId: number }) => boolean
  /** Public routes answer everyone alike (state-changing ones want a same-origin Origin header). */
  publicAnswer?: number
  /** The call ends the credential it uses (sign-out), so each cell gets a fresh one. */
  consumesCredential?: boolean
}

/** The author of the fixture threads and comments (set once created); the predicates read it when called. */
let fixtureAuthor = 0

const routes: MatrixRoute[] = [
  { method: 'GET', path: '/api/health', scope: 'public', publicAnswer: 200 },
  { method: 'GET', path: '/metrics', scope: 'public', publicAnswer: 200 },
  { method: 'GET', path: '/healthz', scope: 'public', publicAnswer: 200 },
  { method: 'GET', path: '/readyz', scope: 'public', publicAnswer: 200 },
  { method: 'GET', path: '/api/session', scope: 'public', publicAnswer: 200 },
  { method: 'POST', path: '/api/auth/sign-in', scope: 'public', body: {}, publicAnswer: 400 },
  { method: 'POST', path: '/api/auth/link', scope: 'public', body: {}, publicAnswer: 400 },
  { method: 'POST', path: '/api/setup', scope: 'public', body: {}, publicAnswer: 400 },
  { method: 'GET', path: '/api/invitations/not-a-token', scope: 'public', publicAnswer: 404 },
  {
    method: 'POST',
    path: '/api/invitations/not-a-token/accept',
    scope: 'public',
    body: {},
    publicAnswer: 400,
  },
  { method: 'GET', path: '/api/documents', scope: 'session' },
  { method: 'POST', path: '/api/auth/sign-out', scope: 'session', consumesCredential: true },
  { method: 'POST', path: '/api/tokens', scope: 'account', body: { label: 'matrix' } },
  { method: 'GET', path: '/api/meetings', scope: 'account' },
  {
    method: 'POST',
    path: '/api/meetings',
    scope: 'account',
    body: { title: 'Round 9', date: '2026-05-01', format: 'online' },
    permits: ({ role }) => role === 'co-chair',
  },
  {
    method: 'POST',
    path: '/api/documents',
    scope: 'account',
    body: { title: 'Side letter', visibility: 'delegation' },
    permits: ({ role }) => role === 'co-chair',
  },
  { method: 'GET', path: '/api/admin/users', scope: 'admin' },
  { method: 'PATCH', path: '/api/admin/users/:user', scope: 'admin', body: { role: 'observer' } },
  { method: 'POST', path: '/api/admin/users/:user/revoke-sessions', scope: 'admin' },
  { method: 'POST', path: '/api/admin/users/:user/sign-in-link', scope: 'admin' },
  { method: 'GET', path: '/api/admin/invitations', scope: 'admin' },
  {
    method: 'POST',
    path: '/api/admin/invitations',
    scope: 'admin',
    body: { delegation: 'US', role: 'observer' },
  },
  { method: 'GET', path: '/api/admin/audit', scope: 'admin' },
  { method: 'GET', path: '/api/documents/:name', scope: 'document' },
  { method: 'GET', path: '/api/documents/:name/threads', scope: 'document' },
  { method: 'GET', path: '/api/documents/:name/people', scope: 'document' },
  { method: 'GET', path: '/api/documents/:name/state', scope: 'document' },
  {
    method: 'POST',
    path: '/api/documents/:name/threads',
    scope: 'document',
    body: { kind: 'area', area: 'general', text: 'matrix' },
    permits: ({ role }) => canComment(role),
  },
  {
    method: 'POST',
    path: '/api/documents/:name/threads/:thread/comments',
    scope: 'document',
    body: { text: 'matrix reply' },
    permits: ({ role }) => canComment(role),
  },
  ...(['resolve', 'reopen'] as const).map(
    (action): MatrixRoute => ({
      method: 'POST',
      path: `/api/documents/:name/threads/:thread/${action}`,
      scope: 'document',
      permits: ({ role, accountId }) =>
        canComment(role) && canResolveThread(role, accountId, { createdBy: fixtureAuthor }),
    }),
  ),
  {
    method: 'PATCH',
    path: '/api/documents/:name/comments/:comment',
    scope: 'document',
    body: { text: 'rewritten' },
    permits: ({ accountId }) => canEditComment(accountId, { authorId: fixtureAuthor }),
  },
  {
    method: 'DELETE',
    path: '/api/documents/:name/comments/:comment',
    scope: 'document',
    permits: ({ accountId }) => canEditComment(accountId, { authorId: fixtureAuthor }),
  },
  { method: 'GET', path: '/api/documents/:name/brackets', scope: 'document' },
  { method: 'GET', path: '/api/documents/:name/snapshots', scope: 'document' },
  {
    method: 'POST',
    path: '/api/documents/:name/snapshots',
    scope: 'document',
    body: { name: 'matrix' },
    permits: ({ role }) => canManageSnapshots(role),
  },
  {
    method: 'POST',
    path: '/api/documents/:name/snapshots/:snapshot/restore',
    scope: 'document',
    permits: ({ role }) => canManageSnapshots(role),
  },
  { method: 'GET', path: '/api/documents/:name/compare', scope: 'document' },
  { method: 'GET', path: '/api/documents/:name/redline', scope: 'document' },
  { method: 'GET', path: '/api/documents/:name/export?format=md', scope: 'document' },
]

/** The role a caller has in a test document per `documentAccess`, or null if it cannot see it. */
function documentRole(caller: Caller, documentName: string): Role | null {
  const access = documentAccess[documentName]
  if (!access?.delegations.includes(caller.delegation)) return null
  // `roles` runs from most to least capable: the lesser of the two is the later one.
  return roles[Math.max(roles.indexOf(caller.role), roles.indexOf(access.maxRole))] ?? null
}

function expectedStatus(
  route: MatrixRoute,
  caller: Caller,
  credential: CredentialKind,
  accountId: number,
  target: string | null,
): number {
  if (route.scope === 'public') {
    const sendsOrigin = credential === 'cookie' || credential === 'none'
    return route.method === 'GET' || sendsOrigin ? (route.publicAnswer ?? 200) : 403
  }
  if (caller.kind === 'anonymous') return 401
  const limitedTo =
    credential === 'limited-elsewhere'
      ? elsewhere
      : credential === 'limited-here'
        ? (target ?? accountWideHere)
        : null
  if (route.scope === 'admin' && caller.kind !== 'admin') return 403
  if (limitedTo !== null && (route.scope === 'account' || route.scope === 'admin')) return 403
  if (route.scope === 'document') {
    if (limitedTo !== null && limitedTo !== target) return 403
    const role = documentRole(caller, target ?? '')
    if (role === null) return 404
    return (route.permits?.({ role, accountId }) ?? true) ? 200 : 403
  }
  return (route.permits?.({ role: caller.role, accountId }) ?? true) ? 200 : 403
}

describe('permission matrix: every route × role × delegation × credential', () => {
  let server: TestServer
  let database: Database.Database
  let origin: string
  const accounts = new Map<string, Account>()
  const fixtures = new Map<string, Fixtures>()
  let bystander: Account

  async function createCredential(account: Account, kind: CredentialKind, limitedTo: string | null) {
    const { token } = await server.app.stores.sessions.createSession({
      userId: account.id,
      kind: kind === 'cookie' ? 'browser' : 'token',
      documentName: kind === 'limited-here' || kind === 'limited-elsewhere' ? limitedTo : null,
      expiresAt: new Date(Date.now() + 3_600_000),
    })
    return token
  }

  const credentials = new Map<string, string>()
  async function credentialFor(
    caller: Caller,
    kind: CredentialKind,
    limitedTo: string | null,
    fresh: boolean,
  ): Promise<string | null> {
    const account = accounts.get(caller.label)
    if (!account || kind === 'none') return null
    const key = `${caller.label}|${kind}|${limitedTo}`
    if (fresh) return await createCredential(account, kind, limitedTo)
    let token = credentials.get(key)
    if (!token) {
      token = await createCredential(account, kind, limitedTo)
      credentials.set(key, token)
    }
    return token
  }

  /** A cheap picture of everything a refused call could have changed. */
  function fingerprint(): string {
    const rows = (sql: string) => database.prepare(sql).all()
    return JSON.stringify([
      rows('SELECT * FROM accounts'),
      rows('SELECT * FROM sessions'),
      rows('SELECT * FROM sign_in_links'),
      rows('SELECT * FROM invitations'),
      rows('SELECT * FROM documents'),
      rows('SELECT * FROM document_access'),
      rows('SELECT * FROM threads'),
      rows('SELECT * FROM comments'),
      rows('SELECT * FROM meetings'),
      rows('SELECT id FROM snapshots'),
      rows('SELECT COUNT(*) AS events, MAX(id) AS last FROM audit_events'),
    ])
  }

  beforeAll(async () => {
    server = await startTestServer()
    origin = server.httpUrl
    database = new Database(path.join(server.dataDir, databaseFileName), { readonly: true })
    for (const [name, access] of Object.entries(documentAccess)) {
      await server.ensureDocument(
        name,
        access.delegations.map((delegation) => ({
          subject: { kind: 'delegation', delegation },
          maxRole: access.maxRole,
        })),
      )
    }
    for (const caller of callers) {
      accounts.set(
        caller.label,
        (
          await server.createAccount({
            role: caller.role,
            delegation: caller.delegation,
            isAdmin: caller.kind === 'admin',
          })
        ).account,
      )
    }
    bystander = (await server.createAccount({ role: 'drafter', delegation: 'US' })).account
    const author = (await server.createAccount({ role: 'co-chair', delegation: 'AZ' })).account
    fixtureAuthor = author.id
    const actor: DocumentActor = { account: author, role: 'co-chair', address: null }
    for (const documentName of targetDocuments) {
      const thread = await server.app.threads.create(documentName, actor, {
        kind: 'area',
        area: 'general',
        anchor: null,
        quote: null,
        text: 'fixture thread',
      })
      const snapshot = await server.app.snapshots.take(documentName, actor, {
        name: 'fixture',
        meetingId: null,
      })
      fixtures.set(documentName, {
        threadId: thread.id,
        commentId: thread.comments[0]?.id ?? 0,
        snapshotId: snapshot.id,
      })
    }
  })

  afterAll(async () => {
    database?.close()
    await server?.stop({ removeData: true })
  })

  function concretePath(route: MatrixRoute, target: string | null): string {
    const fixture = target ? fixtures.get(target) : undefined
    return route.path
      .replace(':name', target ?? '')
      .replace(':thread', String(fixture?.threadId))
      .replace(':comment', String(fixture?.commentId))
      .replace(':snapshot', String(fixture?.snapshotId))
      .replace(':user', String(bystander.id))
  }

  const instances = routes.flatMap((route) =>
    route.scope === 'document'
      ? targetDocuments.map((target) => ({ route, target }))
      : [{ route, target: null as string | null }],
  )
  let cells = 0
  const started = performance.now()

  it.each(
    instances.map(
      (instance) =>
        [
          `${instance.route.method} ${instance.route.path.replace(':name', instance.target ?? ':name')}`,
          instance,
        ] as const,
    ),
  )(
    '%s answers every caller as the permissions say, and a refusal changes nothing',
    async (_title, { route, target }) => {
      const cases = [
        ...callers.flatMap((caller) => credentialKinds.map((credential) => ({ caller, credential }))),
        { caller: anonymous, credential: 'none' as CredentialKind },
      ]
      cells += cases.length
      const prepare = ({ caller, credential }: (typeof cases)[number]) =>
        prepareCell(route, target, caller, credential)
      if (route.method === 'GET') {
        // Reads change nothing for anyone, so their cells run together and the state is compared once.
        const prepared = await Promise.all(cases.map(prepare))
        const before = fingerprint()
        const failures = (await Promise.all(prepared.map((send) => send()))).flatMap(
          (answer) => answer.failure ?? [],
        )
        if (fingerprint() !== before)
          failures.push(`${route.method} ${route.path}: a read changed the stored state`)
        expect(failures).toEqual([])
        return
      }
      const failures: string[] = []
      for (const cell of cases) {
        const send = await prepare(cell)
        const before = fingerprint()
        const answer = await send()
        if (answer.failure) failures.push(answer.failure)
        else if (answer.refused && fingerprint() !== before) {
          failures.push(`${answer.label} → refused with ${answer.status} but changed the stored state`)
        }
      }
      expect(failures).toEqual([])
    },
  )

  /** Makes the cell's credential, then returns its call; `failure` says how the answer differs from the expected one. */
  async function prepareCell(
    route: MatrixRoute,
    target: string | null,
    caller: Caller,
    credential: CredentialKind,
  ) {
    const limitedTo =
      credential === 'limited-here'
        ? (target ?? accountWideHere)
        : credential === 'limited-elsewhere'
          ? elsewhere
          : null
    const token = await credentialFor(caller, credential, limitedTo, route.consumesCredential === true)
    const accountId = accounts.get(caller.label)?.id ?? 0
    const expected = expectedStatus(route, caller, credential, accountId, target)
    const headers: Record<string, string> = {}
    if (credential === 'cookie' && token) headers.Cookie = `${sessionCookieName}=${token}`
    else if (token) headers.Authorization = `Bearer ${token}`
    // A browser (signed in by cookie, or not at all) always sends its Origin; scripts with tokens do not.
    if (credential === 'cookie' || credential === 'none') headers.Origin = origin
    if (route.body !== undefined) headers['Content-Type'] = 'application/json'
    return async () => {
      const response = await fetch(`${server.httpUrl}${concretePath(route, target)}`, {
        method: route.method,
        headers,
        body: route.body === undefined ? undefined : JSON.stringify(route.body),
      })
      const text = await response.text()
      const label = `${route.method} ${concretePath(route, target)} ${caller.label} ${credential}`
      return {
        label,
        status: response.status,
        refused: expected !== 200,
        failure:
          response.status === expected
            ? null
            : `${label} → expected ${expected}, got ${response.status} ${text.slice(0, 120)}`,
      }
    }
  }

  it('covered every cell of the matrix', () => {
    const seconds = (performance.now() - started) / 1000
    console.info(
      `permission matrix: ${cells} cells (${instances.length} route instances) in ${seconds.toFixed(1)} s`,
    )
    expect(cells).toBe(instances.length * (callers.length * credentialKinds.length + 1))
  })
})
