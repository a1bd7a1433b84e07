import { adminRequests } from '../../shared/api/index.ts'
import { recordAccountAction } from '../auth/recordAccountAction.ts'
import { httpErrors } from '../http/HttpError.ts'
import type { RequestContext, Router } from '../http/Router.ts'
import type { ApiDependencies } from './ApiDependencies.ts'
import { requireAccount } from './requireAccount.ts'
import { toAccountView } from './toAccountView.ts'

const invitationTtlMs = 7 * 86_400_000
const signInLinkTtlMs = 24 * 3_600_000

function baseUrl(context: RequestContext): string {
  const origin = context.request.headers.origin
  if (origin) return origin
  return `http://${context.request.headers.host ?? 'localhost'}`
}

export function registerAdminRoutes(router: Router, dependencies: ApiDependencies): void {
  const { accounts, sessions, signInLinks, invitations, audit } = dependencies

  async function accountParam(context: RequestContext) {
    const account = await accounts.findAccountById(Number(context.params.id))
    if (!account) throw httpErrors.notFound('No such account')
    return account
  }

  const admin = { scope: 'admin' } as const

  router.on('GET', '/api/admin/users', admin, async (context) => {
    await requireAccount(dependencies, context, { admin: true })
    return (await accounts.listAccounts()).map(toAccountView)
  })

  const updateUser = { ...admin, body: adminRequests.updateUser }
  router.on('PATCH', '/api/admin/users/:id', updateUser, async (context) => {
    const { account: admin } = await requireAccount(dependencies, context, { admin: true })
    const target = await accountParam(context)
    const changes = context.body
    if (target.id === admin.id && changes.isAdmin === false)
      throw httpErrors.badRequest('You cannot remove your own admin rights', 'isAdmin')
    if (target.id === admin.id && changes.disabled === true)
      throw httpErrors.badRequest('You cannot disable yourself', 'disabled')
    const updated = (await accounts.updateAccount(target.id, changes))!
    await recordAccountAction(
      audit,
      admin,
      'account.updated',
      target.login,
      { before: { role: target.role, isAdmin: target.isAdmin, disabled: target.disabled }, changes },
      context.address,
    )
    return toAccountView(updated)
  })

  router.on('POST', '/api/admin/users/:id/revoke-sessions', admin, async (context) => {
    const { account: admin } = await requireAccount(dependencies, context, { admin: true })
    const target = await accountParam(context)
    const revoked = await sessions.revokeSessionsOf(target.id)
    await recordAccountAction(audit, admin, 'sessions.revoked', target.login, { revoked }, context.address)
    return { revoked }
  })

  router.on('POST', '/api/admin/users/:id/sign-in-link', admin, async (context) => {
    const { account: admin } = await requireAccount(dependencies, context, { admin: true })
    const target = await accountParam(context)
    const token = await signInLinks.createSignInLink(target.id, new Date(Date.now() + signInLinkTtlMs))
    await recordAccountAction(audit, admin, 'sign-in-link.created', target.login, {}, context.address)
    return { url: `${baseUrl(context)}/sign-in#link=${token}` }
  })

  router.on('GET', '/api/admin/invitations', admin, async (context) => {
    await requireAccount(dependencies, context, { admin: true })
    return await invitations.listInvitations()
  })

  const createInvitation = { ...admin, body: adminRequests.createInvitation }
  router.on('POST', '/api/admin/invitations', createInvitation, async (context) => {
    const { account: admin } = await requireAccount(dependencies, context, { admin: true })
    const { invitation, token } = await invitations.createInvitation({
      ...context.body,
      createdBy: admin.id,
      expiresAt: new Date(Date.now() + invitationTtlMs).toISOString(),
    })
    await recordAccountAction(
      audit,
      admin,
      'invitation.created',
      invitation.name,
      { invitationId: invitation.id, delegation: invitation.delegation, role: invitation.role },
      context.address,
    )
    return { invitation, url: `${baseUrl(context)}/invite#token=${token}` }
  })

  router.on('GET', '/api/admin/audit', { ...admin, query: adminRequests.auditQuery }, async (context) => {
    await requireAccount(dependencies, context, { admin: true })
    return await audit.list({ limit: 200, beforeId: context.query.before })
  })
}
