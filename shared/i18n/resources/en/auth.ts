/** Sign-in, first-run setup and invitations. */
export const auth = {
  signIn: 'Sign in',
  signingIn: 'Signing you in…',
  linkFailed:
    'This sign-in link has expired or was already used. Ask an administrator for a new one, or sign in with your password.',
  lead: 'Azerbaijan–United States Strategic Working Group drafting room.',
  login: 'Login',
  password: 'Password',
  pleaseWait: 'Please wait…',
  fullName: 'Full name',
  loginRule: 'Letters, digits, dots, dashes and underscores',
  newPassword: 'Password (at least 10 characters)',
  delegation: 'Delegation',
  setupTitle: 'Set up Charter Desk',
  setupLead: 'Create the first account: a co-chair who can invite everyone else.',
  createAccount: 'Create account',
  checkingInvitation: 'Checking your invitation…',
  invitationInvalid: 'Invitation not valid',
  invitationInvalidLead: 'This invitation has expired or was already used. Ask a co-chair for a new one.',
  joinTitle: 'Join the drafting room',
  invitedAs: 'You are invited as {{role}} of the {{delegation}} delegation.',
  createMyAccount: 'Create my account',
} as const
