import type { cleaning as english } from '../en/cleaning.ts'
import type { Translation } from '../Translation.ts'

/** Mötərizənin təmizlənməsi, iki açar qaydası ilə (client/negotiation/CleaningControls). */
export const cleaning: Translation<typeof english> = {
  title: 'Bu mötərizəni təmizləmək',
  keep: 'Saxlanılsın',
  keepNone: 'Heç biri (bütün alternativ variantlar çıxarılsın)',
  request: 'Təmizlənməni istəmək',
  requestedKeep: '{{name}} ({{delegation}}) “{{text}}” variantının saxlanılmasını istəyir.',
  requestedDrop: '{{name}} ({{delegation}}) bütün alternativ variantların çıxarılmasını istəyir.',
  waitingForOther: 'Digər nümayəndə heyətinin həmsədri gözlənilir.',
  confirm: 'Təsdiq etmək',
  decline: 'Rədd etmək',
  cancel: 'İstəyi geri götürmək',
  declined: '{{name}} ({{delegation}}) son istəyi rədd edib.',
  cleaned: 'Təmizlənib: “{{text}}” qalır; {{requester}} və {{confirmer}} razılaşıb.',
  cleanedDropped:
    'Təmizlənib: bütün alternativ variantlar çıxarılıb; {{requester}} və {{confirmer}} razılaşıb.',
  proposer: {
    AZ: 'AZ',
    US: 'ABŞ',
    joint: 'Həmsədrlər birgə',
  },
}
