import type { admin as english } from '../en/admin.ts'
import type { Translation } from '../Translation.ts'

export const admin: Translation<typeof english> = {
  title: 'İştirakçılar və dəvətlər',
  signedInAs: 'Daxil olan: {{name}}',
  invitationLink: 'Dəvət keçidi (birdəfəlik, 7 gün etibarlıdır)',
  invitationCreated: 'Dəvət yaradıldı',
  inviteHeading: 'Dəvət göndər',
  nameOptional: 'Ad (istəyə görə)',
  delegation: 'Nümayəndə heyəti',
  role: 'Rol',
  createInvitation: 'Dəvət keçidi yarat',
  people: 'İştirakçılar',
  name: 'Ad',
  login: 'Login',
  status: 'Vəziyyət',
  actions: 'Əməliyyatlar',
  adminTag: 'admin',
  roleOf: '{{name}}: rol',
  nowRole: '{{name}} indi {{role}}',
  disabled: 'Bloklanıb',
  active: 'Aktiv',
  signInLinkFor: '{{name}} üçün birdəfəlik giriş keçidi (24 saat etibarlıdır)',
  signInLinkCreated: 'Giriş keçidi yaradıldı',
  signInLink: 'Giriş keçidi',
  signedOutEverywhere: '{{name}} bütün cihazlardan çıxarıldı',
  signOutEverywhere: 'Hər yerdən çıxar',
  enabledPerson: '{{name}} aktivləşdirildi',
  disabledPerson: '{{name}} bloklandı',
  enable: 'Aktivləşdir',
  disable: 'Blokla',
  audit: 'Audit jurnalı',
  when: 'Nə vaxt',
  who: 'Kim',
  what: 'Nə',
  target: 'Obyekt',
  from: 'Haradan',
  /** Audit log actions, by the server's action id (`auth.sign-in`). */
  auditAction: {
    account: {
      updated: 'hesab dəyişdirildi',
    },
    auth: {
      'sign-in': 'daxil oldu',
      'sign-in-failed': 'uğursuz giriş cəhdi',
      'sign-in-throttled': 'giriş müvəqqəti bloklandı',
      'sign-out': 'çıxış etdi',
    },
    comment: {
      deleted: 'şərh silindi',
      edited: 'şərh dəyişdirildi',
    },
    document: {
      created: 'sənəd yaradıldı',
      denied: 'sənədə giriş rədd edildi',
      open: 'sənəd açıldı',
    },
    invitation: {
      accepted: 'dəvət qəbul edildi',
      created: 'dəvət yaradıldı',
    },
    meeting: {
      created: 'iclas qeydə alındı',
    },
    sessions: {
      revoked: 'hər yerdən çıxarıldı',
    },
    setup: {
      'first-admin': 'ilk həmsədr quraşdırıldı',
    },
    'sign-in-link': {
      created: 'giriş keçidi yaradıldı',
    },
    snapshot: {
      restored: 'versiya bərpa edildi',
      taken: 'versiya yaradıldı',
    },
    thread: {
      created: 'müzakirə başladıldı',
      reopened: 'müzakirə yenidən açıldı',
      resolved: 'müzakirə həll edildi',
    },
    token: {
      created: 'giriş tokeni yaradıldı',
    },
  },
}
