import type { ServerResponse } from 'node:http'
import { authRequests, type SessionView } from '../../shared/api/index.ts'
import { type Language, pickLanguage } from '../../shared/i18n/index.ts'
import type { Account } from '../auth/Account.ts'
import { sessionCookieName } from '../auth/Authenticator.ts'
import { hashPassword, verifyPassword } from '../auth/passwordHash.ts'
import { recordAccountAction } from '../auth/recordAccountAction.ts'
import { sessionCookie } from '../http/cookies.ts'
import { httpErrors } from '../http/HttpError.ts'
import type { RequestContext, Router } from '../http/Router.ts'
import type { ApiDependencies } from './ApiDependencies.ts'
import { requireAccount } from './requireAccount.ts'
import { toAccountView } from './toAccountView.ts'

// A password check costs ~50 ms of scrypt; a fixed dummy hash keeps unknown logins from answering faster.
const dummyHash = hashPassword('timing-equaliser-not-a-real-password')

export function registerAuthRoutes(router: Router, dependencies: ApiDependencies): void {
  const { accounts, sessions, signInLinks, invitations, setupSecret, audit, signInLimits } = dependencies

  async function startBrowserSession(
    context: RequestContext,
    account: Account,
    how: string,
  ): Promise<SessionView> {
    const { token } = await sessions.createSession({
      userId: account.id,
      kind: 'browser',
      expiresAt: new Date(Date.now() + dependencies.browserSessionTtlMs),
    })
    setSessionCookie(context.response, token, dependencies.browserSessionTtlMs / 1000)
    await recordAccountAction(audit, account, 'auth.sign-in', null, { how }, context.address)
    return {
      account: toAccountView(account),
      needsSetup: false,
      language: await languageFor(context, account),
    }
  }

  /** The account's own choice; before one is made, what the browser asks for. */
  async function languageFor(context: RequestContext, account: Account | null): Promise<Language> {
    const chosen = account ? await accounts.languageOf(account.id) : null
    return chosen ?? pickLanguage(context.request.headers['accept-language'])
  }

  function setSessionCookie(response: ServerResponse, token: string, maxAgeSeconds: number): void {
    response.setHeader(
      'Set-Cookie',
      sessionCookie(sessionCookieName, token, maxAgeSeconds, dependencies.secureCookies),
    )
  }

  // Reading who you are is harmless, so a token limited to one document may do it.
  router.on('GET', '/api/session', { scope: 'public' }, async (context): Promise<SessionView> => {
    const authenticated = await dependencies.authenticator.authenticate(context.request)
    return {
      account: authenticated ? toAccountView(authenticated.account) : null,
      needsSetup: (await accounts.countAccounts()) === 0,
      language: await languageFor(context, authenticated?.account ?? null),
    }
  })

  // A preference of the person, not of a document: a token limited to one document may not change it.
  const setLanguage = { scope: 'account', body: authRequests.setLanguage } as const
  router.on('PUT', '/api/account/language', setLanguage, async (context) => {
    const { account } = await requireAccount(dependencies, context)
    await accounts.setLanguage(account.id, context.body.language)
    return { language: context.body.language }
  })

  router.on('POST', '/api/auth/sign-in', { scope: 'public', body: authRequests.signIn }, async (context) => {
    const { login, password } = context.body
    const addressKey = context.address ?? 'unknown'
    const retryAfter = Math.max(
      signInLimits.byLogin.retryAfter(login),
      signInLimits.byAddress.retryAfter(addressKey),
    )
    if (retryAfter > 0) {
      await audit.record({
        actorId: null,
        actorLogin: login,
        action: 'auth.sign-in-throttled',
        target: null,
        detail: {},
        address: context.address,
      })
      throw httpErrors.rateLimited(retryAfter)
    }
    const account = await accounts.findAccountByLogin(login)
    const hash = account ? await accounts.passwordHashOf(account.id) : null
    const valid = await verifyPassword(password, hash ?? (await dummyHash))
    if (!account || !hash || !valid || account.disabled) {
      signInLimits.byLogin.hit(login)
      signInLimits.byAddress.hit(addressKey)
      await audit.record({
        actorId: account?.id ?? null,
        actorLogin: login,
        action: 'auth.sign-in-failed',
        target: null,
        detail: { reason: account?.disabled ? 'disabled' : 'bad credentials' },
        address: context.address,
      })
      throw httpErrors.unauthenticated()
    }
    signInLimits.byLogin.reset(login)
    return startBrowserSession(context, account, 'password')
  })

  router.on('POST', '/api/auth/link', { scope: 'public', body: authRequests.signInLink }, async (context) => {
    const userId = await signInLinks.consumeSignInLink(context.body.token, new Date())
    const account = userId === null ? null : await accounts.findAccountById(userId)
    if (!account || account.disabled) {
      await audit.record({
        actorId: null,
        actorLogin: null,
        action: 'auth.sign-in-failed',
        target: null,
        detail: { reason: 'invalid sign-in link' },
        address: context.address,
      })
      throw httpErrors.unauthenticated()
    }
    return startBrowserSession(context, account, 'link')
  })

  // Ending the session you hold is harmless, so a token limited to one document may end itself.
  router.on('POST', '/api/auth/sign-out', { scope: 'session' }, async (context) => {
    const authenticated = await requireAccount(dependencies, context)
    await sessions.revokeSession(authenticated.session.id)
    setSessionCookie(context.response, '', 0)
    await recordAccountAction(audit, authenticated.account, 'auth.sign-out', null, {}, context.address)
    return { ok: true }
  })

  router.on('POST', '/api/setup', { scope: 'public', body: authRequests.setup }, async (context) => {
    const { token, password, ...fields } = context.body
    const account = await setupSecret.completeSetup(token, {
      ...fields,
      passwordHash: await hashPassword(password),
    })
    if (!account) throw httpErrors.forbidden('This setup link is not valid (already used?)')
    await recordAccountAction(audit, account, 'setup.first-admin', null, {}, context.address)
    return startBrowserSession(context, account, 'setup')
  })

  router.on('GET', '/api/invitations/:token', { scope: 'public' }, async (context) => {
    const invitation = await invitations.findInvitation(context.params.token ?? '', new Date())
    if (!invitation) throw httpErrors.notFound('This invitation is not valid (used or expired)')
    return {
      delegation: invitation.delegation,
      role: invitation.role,
      name: invitation.name,
      expiresAt: invitation.expiresAt,
    }
  })

  const acceptInvitation = { scope: 'public', body: authRequests.acceptInvitation } as const
  router.on('POST', '/api/invitations/:token/accept', acceptInvitation, async (context) => {
    const { login, name, password } = context.body
    if (await accounts.findAccountByLogin(login)) throw httpErrors.conflict('This login is taken')
    const account = await invitations.acceptInvitation(context.params.token ?? '', new Date(), {
      login,
      name,
      passwordHash: await hashPassword(password),
    })
    if (!account) throw httpErrors.notFound('This invitation is not valid (used or expired)')
    await recordAccountAction(
      audit,
      account,
      'invitation.accepted',
      null,
      { role: account.role, delegation: account.delegation },
      context.address,
    )
    return startBrowserSession(context, account, 'invitation')
  })

  // Account-wide: a token limited to one document must not mint itself an unlimited one.
  router.on('POST', '/api/tokens', { scope: 'account', body: authRequests.createToken }, async (context) => {
    const { account } = await requireAccount(dependencies, context)
    const { documentName, label, days } = context.body
    const { session, token } = await sessions.createSession({
      userId: account.id,
      kind: 'token',
      documentName,
      label,
      expiresAt: new Date(Date.now() + days * 86_400_000),
    })
    await recordAccountAction(
      audit,
      account,
      'token.created',
      documentName,
      { sessionId: session.id, days },
      context.address,
    )
    return { token, expiresAt: session.expiresAt, documentName }
  })
}
