import { createI18n } from '../../../shared/i18n/createI18n.ts'
import type { Language } from '../../../shared/i18n/Language.ts'
import type { Proposer } from '../../../shared/schema/index.ts'

/** The words of the bracket notation that are labels, not text: who proposed an alternative, "Option 2". */
export interface NotationLabels {
  /** "AZ", "US" or "Joint" in the export's language: the superscript after each alternative. */
  proposer(proposer: Proposer): string
  /** "Option 2 (US)"; "Option 2" when the proposer is unknown (only in a corrupt document). */
  option(number: number, proposer: Proposer | null): string
}

const keys = { AZ: 'export:proposerAZ', US: 'export:proposerUS', joint: 'export:proposerJoint' } as const

export function notationLabels(language: Language = 'en'): NotationLabels {
  const { t } = createI18n(language)
  const proposer = (value: Proposer) => t(keys[value])
  return {
    proposer,
    option: (number, by) =>
      by === null
        ? t('export:optionUnknown', { number })
        : t('export:optionLabel', { number, proposer: proposer(by) }),
  }
}
