import { z } from 'zod'
import { languages } from '../i18n/Language.ts'
import { requestFields } from './requestFields.ts'

/** Bodies of the sign-in, setup, invitation and token routes. */
export const authRequests = {
  /** POST /api/auth/sign-in; the password is checked, not validated, so a wrong one is a 401 like any other. */
  signIn: z.object({ login: requestFields.text(100).toLowerCase(), password: z.string().max(1000) }),
  /** POST /api/auth/link */
  signInLink: z.object({ token: requestFields.text(200) }),
  /** POST /api/setup */
  setup: z.object({
    token: requestFields.text(200),
    login: requestFields.login,
    name: requestFields.text(80),
    delegation: requestFields.delegation,
    password: requestFields.password,
  }),
  /** POST /api/invitations/:token/accept */
  acceptInvitation: z.object({
    login: requestFields.login,
    name: requestFields.text(80),
    password: requestFields.password,
  }),
  /** PUT /api/account/language: the interface language, kept with the account. */
  setLanguage: z.object({ language: z.enum(languages) }),
  /** POST /api/tokens; `documentName` limits the token to one document. */
  createToken: z.object({
    documentName: requestFields.optionalText(64),
    label: requestFields.optionalText(80),
    days: z.number().positive().max(365).default(30),
  }),
}

export type SignInRequest = z.input<typeof authRequests.signIn>
export type SignInLinkRequest = z.input<typeof authRequests.signInLink>
export type SetupRequest = z.input<typeof authRequests.setup>
export type AcceptInvitationRequest = z.input<typeof authRequests.acceptInvitation>
export type SetLanguageRequest = z.input<typeof authRequests.setLanguage>
export type CreateTokenRequest = z.input<typeof authRequests.createToken>
