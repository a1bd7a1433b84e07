import type { IncomingMessage } from 'node:http'
import { documentOfThreads } from '../../shared/comments/index.ts'
import { documentOfBrackets } from '../../shared/negotiation/index.ts'
import { CloseCode } from '../../shared/protocol/index.ts'
import type { Role } from '../../shared/roles/index.ts'
import { textAccessOf } from '../../shared/suggestions/index.ts'
import type { DocumentCatalog, DocumentRecord } from '../documents/DocumentCatalog.ts'
import { effectiveRole } from '../documents/effectiveRole.ts'
import { readCookie } from '../http/cookies.ts'
import type { Principal } from '../sync/Principal.ts'
import type { UpgradeDecision } from '../sync/SyncServer.ts'
import type { Account, Session } from './Account.ts'
import type { SessionStore } from './SessionStore.ts'

export const sessionCookieName = 'cd_session'

export interface Authenticated {
  session: Session
  account: Account
  /** Cookie sessions need cross-site protection; bearer tokens cannot be sent by another site. */
  via: 'cookie' | 'bearer'
}

export interface DocumentAccess {
  document: DocumentRecord
  role: Role
}

/** Resolves who a request comes from and what they may open. Every check happens here, on the server. */
export class Authenticator {
  constructor(
    private readonly sessions: SessionStore,
    private readonly catalog: DocumentCatalog,
    /** Origins allowed to use cookie sessions; null means "the origin of the Host header". */
    private readonly allowedOrigins: readonly string[] | null,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async authenticate(request: IncomingMessage): Promise<Authenticated | null> {
    const authorization = request.headers.authorization
    if (authorization?.startsWith('Bearer ')) {
      const found = await this.sessions.findSession(authorization.slice('Bearer '.length).trim(), this.now())
      return found ? { ...found, via: 'bearer' } : null
    }
    // WebSocket clients in Node and scripts may pass a token as a query parameter (browsers use the cookie).
    const queryToken = new URL(request.url ?? '/', 'http://localhost').searchParams.get('token')
    if (queryToken) {
      const found = await this.sessions.findSession(queryToken, this.now())
      return found ? { ...found, via: 'bearer' } : null
    }
    const cookie = readCookie(request, sessionCookieName)
    if (!cookie) return null
    const found = await this.sessions.findSession(cookie, this.now())
    return found ? { ...found, via: 'cookie' } : null
  }

  /** A missing Origin (non-browser client) is allowed; a present one must be ours. */
  isOriginAllowed(request: IncomingMessage): boolean {
    const origin = request.headers.origin
    if (origin === undefined) return true
    if (this.allowedOrigins) return this.allowedOrigins.includes(origin)
    const host = request.headers.host
    return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`)
  }

  /** The document and role for an account, or null if the document is invisible to it. */
  async access(account: Account, documentName: string): Promise<DocumentAccess | null> {
    const document = await this.catalog.find(documentName)
    if (!document) return null
    const role = effectiveRole(account, document)
    return role ? { document, role } : null
  }

  async authenticateUpgrade(request: IncomingMessage, documentName: string): Promise<UpgradeDecision> {
    if (!this.isOriginAllowed(request)) {
      return { closeCode: CloseCode.forbidden, reason: 'origin not allowed' }
    }
    const authenticated = await this.authenticate(request)
    if (!authenticated) return { closeCode: CloseCode.unauthenticated, reason: 'sign in first' }
    return this.decide(authenticated.session, authenticated.account, documentName)
  }

  /** Re-checks an open connection: revoked sessions, role and access changes take effect while connected. */
  async revalidate(principal: Principal, documentName: string): Promise<UpgradeDecision> {
    if (principal.sessionId === null) return { principal }
    const found = await this.sessions.findSessionById(principal.sessionId, this.now())
    if (!found) return { closeCode: CloseCode.unauthenticated, reason: 'session ended' }
    return this.decide(found.session, found.account, documentName)
  }

  private async decide(session: Session, account: Account, documentName: string): Promise<UpgradeDecision> {
    // A document's threads and brackets channels are readable by whoever may open the document, and written
    // only by the server.
    const channelOf = documentOfThreads(documentName) ?? documentOfBrackets(documentName)
    if (session.documentName !== null && session.documentName !== (channelOf ?? documentName)) {
      return { closeCode: CloseCode.forbidden, reason: 'token is not valid for this document' }
    }
    const access = await this.access(account, channelOf ?? documentName)
    if (!access) return { closeCode: CloseCode.notFound, reason: 'no such document' }
    if (channelOf !== null) access.role = 'observer'
    const textAccess =
      channelOf !== null
        ? 'none'
        : textAccessOf(access.role, await this.catalog.suggestionPolicyOf(documentName))
    return {
      principal: {
        userId: String(account.id),
        sessionId: session.id,
        sessionExpiresAt: Date.parse(session.expiresAt),
        name: account.name,
        delegation: account.delegation,
        role: access.role,
        textAccess,
      },
    }
  }
}
