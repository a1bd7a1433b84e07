import type { auth as english } from '../en/auth.ts'
import type { Translation } from '../Translation.ts'

export const auth: Translation<typeof english> = {
  signIn: 'Daxil ol',
  signingIn: 'Daxil olursunuz…',
  linkFailed:
    'Bu giriş keçidinin vaxtı bitib və ya artıq istifadə olunub. Administratordan yenisini istəyin və ya parolunuzla daxil olun.',
  lead: 'Azərbaycan–Amerika Birləşmiş Ştatları Strateji İşçi Qrupunun layihə otağı.',
  login: 'Login',
  password: 'Parol',
  pleaseWait: 'Gözləyin…',
  fullName: 'Ad və soyad',
  loginRule: 'Hərflər, rəqəmlər, nöqtə, tire və alt xətt',
  newPassword: 'Parol (ən azı 10 simvol)',
  delegation: 'Nümayəndə heyəti',
  setupTitle: 'Charter Desk-i quraşdırın',
  setupLead: 'İlk hesabı yaradın: digər hamını dəvət edə bilən həmsədr.',
  createAccount: 'Hesab yarat',
  checkingInvitation: 'Dəvətiniz yoxlanılır…',
  invitationInvalid: 'Dəvət etibarsızdır',
  invitationInvalidLead: 'Bu dəvətin vaxtı bitib və ya artıq istifadə olunub. Həmsədrdən yenisini istəyin.',
  joinTitle: 'Layihə otağına qoşulun',
  invitedAs: '{{delegation}} nümayəndə heyətinə {{role}} kimi dəvət olunmusunuz.',
  createMyAccount: 'Hesabımı yarat',
}
