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
}
