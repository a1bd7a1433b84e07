import type { exportLabels as english } from '../en/export.ts'
import type { Translation } from '../Translation.ts'

export const exportLabels: Translation<typeof english> = {
  draft: 'LAYİHƏ',
  header: '{{draft}} — {{snapshot}} — {{date}}',
  footer: 'Versiya “{{snapshot}}” · {{date}} · SHA-256 {{hash}}',
  snapshotLine: 'Versiya “{{snapshot}}” · {{date}}',
  untitledSnapshot: 'Adsız versiya',
  currentDraft: 'Cari layihə',
  untitledDocument: 'Xartiya',
  unknownHash: 'naməlum',
  pageOf: 'Səhifə {{page}} / {{pages}}',
  appendixTitle: 'Əlavə — Şərh müzakirələri',
  threadHeading: 'Müzakirə {{number}} — {{area}} — {{status}}',
  statusOpen: 'Açıq',
  statusResolved: 'Həll edilib',
  delegationAZ: 'Azərbaycan nümayəndə heyəti',
  delegationUS: 'ABŞ nümayəndə heyəti',
  byline: '{{author}} ({{delegation}})',
  unknownAuthor: 'Naməlum',
  otherArea: 'Digər',
  commentDeleted: '[şərh silinib]',
  noThreads: 'Şərh müzakirəsi yoxdur.',
  redlineHeader: 'DÜZƏLİŞLİ MƏTN — {{header}}',
  redlineCompared:
    'Düzəlişli mətn: “{{snapshot}}” ({{date}}, SHA-256 {{hash}}), müqayisə əsası “{{base}}” ({{baseDate}}, SHA-256 {{baseHash}}).',
  redlineCounts:
    '{{changed}} dəyişmiş blok; {{inserted}} söz əlavə edilib ({{insertedSample}}), {{deleted}} söz silinib ({{deletedSample}}).',
  redlineSample: 'bu cür',
  comparedFooter: 'Müqayisə edilən: {{footer}}',
  baseFooter: 'Əsas: {{footer}}',
  proposerAZ: 'AZ',
  proposerUS: 'ABŞ',
  proposerJoint: 'Birgə',
  optionLabel: 'Variant {{number}} ({{proposer}})',
  optionUnknown: 'Variant {{number}}',
  cleanHeader: '{{header}} — TƏMİZ MƏTN',
  notesTitle: 'Mətn haqqında qeydlər',
  notationNote:
    'Kvadrat mötərizədəki mətn razılaşdırılmayıb. Hər alternativ variantdan sonrakı yuxarı indeks onu kimin təklif etdiyini göstərir: AZ — Azərbaycan nümayəndə heyəti; ABŞ — ABŞ nümayəndə heyəti; Birgə — həmsədrlərin birgə (kompromis) təklifi. Abzas səviyyəsində seçim belə yazılır: [Variant 1 (AZ): …] [Variant 2 (ABŞ): …].',
  cleanNote_one:
    'Təmiz mətn: yalnız mötərizədən kənar mətn göstərilir; {{count}} açıq mötərizə “[…]” işarəsi ilə qısaldılıb.',
  cleanNote_other:
    'Təmiz mətn: yalnız mötərizədən kənar mətn göstərilir; {{count}} açıq mötərizə “[…]” işarəsi ilə qısaldılıb.',
  cleanNoBrackets: 'Təmiz mətn: açıq mötərizə yoxdur.',
  brokenReferences_one: '{{count}} istinad silinmiş maddəyə yönəlib; o, “Article [?]” kimi göstərilir.',
  brokenReferences_other:
    '{{count}} istinad silinmiş maddələrə yönəlib; onlar “Article [?]” kimi göstərilir.',
  redlineBrackets: 'Mötərizələr: {{opened}} açılıb, {{cleaned}} təmizlənib.',
  statusCaveat: 'Hər şey razılaşdırılmayana qədər heç nə razılaşdırılmış sayılmır.',
}
