import type { exportLabels as english } from '../en/export.ts'
import type { Translation } from '../Translation.ts'

export const exportLabels: Translation<typeof english> = {
  draft: 'LAYİHƏ',
  header: '{{draft}} — {{snapshot}} — {{date}}',
  footer: 'Versiya “{{snapshot}}” · {{date}} · SHA-256 {{hash}}',
  untitledSnapshot: 'Adsız versiya',
  untitledDocument: 'Xartiya',
  unknownHash: 'naməlum',
  pageOf: 'səhifə {{page}} / {{pages}}',
  appendixTitle: 'Əlavə: şərh müzakirələri',
  resolved: 'həll edilib',
  open: 'açıq',
  redlineTitle: '“{{from}}” → “{{to}}” dəyişiklikləri',
  inserted: 'əlavə edilib',
  deleted: 'silinib',
}
