/** People, invitations and the audit log. */
export const admin = {
  title: 'People and invitations',
  signedInAs: 'Signed in as {{name}}',
  invitationLink: 'Invitation link (single use, valid 7 days)',
  invitationCreated: 'Invitation created',
  inviteHeading: 'Invite someone',
  nameOptional: 'Name (optional)',
  delegation: 'Delegation',
  role: 'Role',
  createInvitation: 'Create invitation link',
  people: 'People',
  name: 'Name',
  login: 'Login',
  status: 'Status',
  actions: 'Actions',
  adminTag: 'admin',
  roleOf: 'Role of {{name}}',
  nowRole: '{{name}} is now {{role}}',
  disabled: 'Disabled',
  active: 'Active',
  signInLinkFor: 'One-time sign-in link for {{name}} (valid 24 hours)',
  signInLinkCreated: 'Sign-in link created',
  signInLink: 'Sign-in link',
  signedOutEverywhere: 'Signed {{name}} out everywhere',
  signOutEverywhere: 'Sign out everywhere',
  enabledPerson: '{{name}} enabled',
  disabledPerson: '{{name}} disabled',
  enable: 'Enable',
  disable: 'Disable',
  audit: 'Audit log',
  when: 'When',
  who: 'Who',
  what: 'What',
  target: 'Target',
  from: 'From',
  /** Audit log actions, by the server's action id (`auth.sign-in`). */
  auditAction: {
    account: {
      updated: 'account changed',
    },
    auth: {
      'sign-in': 'signed in',
      'sign-in-failed': 'sign-in failed',
      'sign-in-throttled': 'sign-in throttled',
      'sign-out': 'signed out',
    },
    comment: {
      deleted: 'comment deleted',
      edited: 'comment edited',
    },
    document: {
      created: 'document created',
      denied: 'document refused',
      open: 'document opened',
    },
    invitation: {
      accepted: 'invitation accepted',
      created: 'invitation created',
    },
    meeting: {
      created: 'meeting recorded',
    },
    sessions: {
      revoked: 'signed out everywhere',
    },
    setup: {
      'first-admin': 'first co-chair set up',
    },
    'sign-in-link': {
      created: 'sign-in link created',
    },
    snapshot: {
      restored: 'snapshot restored',
      taken: 'snapshot taken',
    },
    thread: {
      created: 'thread started',
      reopened: 'thread reopened',
      resolved: 'thread resolved',
    },
    token: {
      created: 'access token created',
    },
  },
} as const
