import { z } from 'zod'
import { requestFields } from './requestFields.ts'

/** Bodies and queries of the administrators' routes. */
export const adminRequests = {
  /** PATCH /api/admin/users/:id */
  updateUser: z.object({
    role: requestFields.role.optional(),
    isAdmin: z.boolean().optional(),
    disabled: z.boolean().optional(),
  }),
  /** POST /api/admin/invitations */
  createInvitation: z.object({
    delegation: requestFields.delegation,
    role: requestFields.role,
    name: requestFields.optionalText(80),
  }),
  /** GET /api/admin/audit?before=<event id> pages back from an event. */
  auditQuery: z.object({ before: z.coerce.number().int().positive().optional() }),
}

export type UpdateUserRequest = z.input<typeof adminRequests.updateUser>
export type CreateInvitationRequest = z.input<typeof adminRequests.createInvitation>
