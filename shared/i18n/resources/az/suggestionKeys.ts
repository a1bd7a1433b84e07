import type { suggestionKeys as english } from '../en/suggestionKeys.ts'
import type { Translation } from '../Translation.ts'

/** Təkliflər barədə iki açar qaydası ilə qərar (client/suggestions/SuggestionsPanel). */
export const suggestionKeys: Translation<typeof english> = {
  coChairsDecide: 'Bu təklif barədə qərarı hər iki həmsədr verir (iki açar).',
  requestedAccept: '{{name}} ({{delegation}}) təklifin qəbul edilməsini istəyir.',
  requestedReject: '{{name}} ({{delegation}}) təklifin rədd edilməsini istəyir.',
  waitingFor: {
    AZ: 'AZ həmsədri gözlənilir',
    US: 'ABŞ həmsədri gözlənilir',
  },
  confirmAccept: 'Qəbulu təsdiq etmək',
  confirmReject: 'Rəddi təsdiq etmək',
  decline: 'İstəyi rədd etmək',
  withdraw: 'İstəyi geri götürmək',
  setting: 'İki açar: hər təklif barədə qərarı hər iki həmsədr verir',
}
