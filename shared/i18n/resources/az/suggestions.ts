import type { suggestions as english } from '../en/suggestions.ts'
import type { Translation } from '../Translation.ts'

/** Təkliflər (izlənən dəyişikliklər): rejim, görünüşlər, bildirişlər və təkliflər paneli. */
export const suggestions: Translation<typeof english> = {
  mode: {
    label: 'Rejim',
    editing: 'Redaktə',
    suggesting: 'Təklif',
    viewing: 'Baxış',
  },
  view: {
    label: 'Təkliflər',
    markup: 'İşarələnmiş',
    final: 'Yekun',
    original: 'İlkin',
    authors: 'Müəllifləri göstərmək',
    readOnlyBanner: 'Bu görünüş mətni işarəsiz göstərir. Yazmaq üçün İşarələnmiş görünüşə keçin.',
  },
  filter: {
    label: 'Təkliflərini göstərmək',
    all: 'Hər iki heyət',
    delegation: '{{delegation}} nümayəndə heyəti',
    sinceLabel: 'Bu vaxtdan bəri verilmiş təklifləri göstərmək',
    allRounds: 'Bütün raundlar',
    since: '“{{name}}” versiyasından bəri',
  },
  notice: {
    suggestStructure:
      'Təklif rejimində dəyişikliklər bir abzas daxilində qalır; yeni abzas təklif etmək üçün abzasın sonunda Enter düyməsini basın. Abzasları bölmək, birləşdirmək və köçürmək hələ təklif edilə bilməz.',
    suggestForeign:
      'Bu mətn başqasının təklifidir: onu dəyişmək əvəzinə qəbul və ya rədd edin, yaxud şərh yazın.',
    suggestFormatting: 'Təklif rejimində formatlaşdırma yalnız öz təkliflərinizin daxilində dəyişə bilər.',
  },
  suggestOnlyBanner:
    'Bu sənəddə yalnız təkliflər qəbul edilir: dəyişiklikləriniz digər nümayəndə heyətinin qərarı üçün izlənir.',
  panel: {
    title: 'Təkliflər',
    empty: 'Açıq təklif yoxdur.',
    inserted: '“{{text}}” əlavə edilsin',
    deleted: '“{{text}}” silinsin',
    replaced: '“{{deleted}}” əvəzinə “{{inserted}}”',
    by: '{{name}} ({{delegation}}), {{time}}',
    accept: 'Qəbul etmək',
    reject: 'Rədd etmək',
    acceptAll: '{{delegation}} təkliflərinin hamısını qəbul etmək',
    rejectAll: '{{delegation}} təkliflərinin hamısını rədd etmək',
    acceptArticle: 'Bu maddədəki hamısını qəbul etmək',
    decidedBy: '{{decision}}: {{name}} ({{delegation}})',
    accepted: 'Qəbul edilib',
    rejected: 'Rədd edilib',
    otherDelegationDecides: 'Bu təklif barədə qərarı digər nümayəndə heyəti verir.',
    failed: 'Qərar qəbul edilmədi: {{message}}',
  },
  settings: {
    title: 'Təklif parametrləri',
    required: 'Yalnız təkliflər (heç kim mətni birbaşa redaktə etmir)',
    reviewersSuggest: 'Rəyçilər təklif verə bilər',
  },
}
