import { useState } from 'react'
import {
  type BracketActor,
  type BracketRecord,
  canCleanBrackets,
  mayAnswerCleaning,
} from '../../shared/negotiation/index.ts'
import type { Delegation, Role } from '../../shared/roles/index.ts'
import { errorText } from '../i18n/errorText.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { bracketApi } from './bracketApi.ts'

export interface CleaningControlsProps {
  documentName: string
  /** The bracket's record from the register (useBracketRegister). */
  bracket: BracketRecord
  /** The reader: their role in the document, delegation and account. */
  role: Role
  delegation: Delegation | null
  accountId: number
}

function who(actor: BracketActor | null): { name: string; delegation: string } {
  return { name: actor?.name ?? '—', delegation: actor?.delegation ?? '—' }
}

/**
 * Cleaning one bracket under the two-key rule, for co-chairs: request it (keeping one alternative, or none),
 * and then, for a co-chair of the other delegation, confirm or decline; the requester may cancel. The server
 * checks every rule again and does the cleaning itself; this only offers what the shared predicates allow.
 * Shows the outcome once the bracket is cleaned. Renders nothing for other roles while the bracket is open.
 */
export function CleaningControls({
  documentName,
  bracket,
  role,
  delegation,
  accountId,
}: CleaningControlsProps) {
  const { t } = useTranslation('cleaning')
  const { t: tError } = useTranslation('errors')
  const present = bracket.alternatives.filter((alternative) => alternative.removedAt === null)
  const [choice, setChoice] = useState<string>(present[0]?.id ?? '')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const cleaning = bracket.cleaning

  async function run(action: () => Promise<unknown>): Promise<void> {
    setBusy(true)
    setError(null)
    try {
      await action()
    } catch (caught) {
      setError(errorText(tError, caught))
    } finally {
      setBusy(false)
    }
  }

  if (bracket.state === 'cleaned' && cleaning?.status === 'confirmed') {
    const names = { requester: who(cleaning.requestedBy).name, confirmer: who(cleaning.answeredBy).name }
    return (
      <p className="cleaning-outcome" role="status">
        {cleaning.choice === null
          ? t('cleanedDropped', names)
          : t('cleaned', { ...names, text: cleaning.choiceText ?? '' })}
      </p>
    )
  }
  if (bracket.state !== 'open' || !canCleanBrackets(role, delegation)) return null

  const pending = cleaning?.status === 'requested' ? cleaning : null
  const answer = (kind: 'confirm' | 'decline' | 'cancel') => () =>
    run(() => bracketApi.answerCleaning(documentName, bracket.id, kind))

  return (
    <section className="cleaning-controls" aria-label={t('title')}>
      {cleaning?.status === 'declined' && <p>{t('declined', who(cleaning.answeredBy))}</p>}
      {pending ? (
        <>
          <p>
            {pending.choice === null
              ? t('requestedDrop', who(pending.requestedBy))
              : t('requestedKeep', { ...who(pending.requestedBy), text: pending.choiceText ?? '' })}
          </p>
          {mayAnswerCleaning(role, delegation, pending) ? (
            <div className="cleaning-actions">
              <button type="button" disabled={busy} onClick={answer('confirm')}>
                {t('confirm')}
              </button>
              <button type="button" disabled={busy} onClick={answer('decline')}>
                {t('decline')}
              </button>
            </div>
          ) : (
            <p className="cleaning-waiting">{t('waitingForOther')}</p>
          )}
          {pending.requestedBy.accountId === accountId && (
            <button type="button" disabled={busy} onClick={answer('cancel')}>
              {t('cancel')}
            </button>
          )}
        </>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault()
            void run(() =>
              bracketApi.requestCleaning(documentName, bracket.id, choice === '' ? null : choice),
            )
          }}
        >
          <label>
            {t('keep')}
            <select value={choice} onChange={(event) => setChoice(event.target.value)} disabled={busy}>
              {present.map((alternative) => (
                <option key={alternative.id} value={alternative.id}>
                  {`${t(`proposer.${alternative.proposedBy}`)}: ${alternative.text}`}
                </option>
              ))}
              <option value="">{t('keepNone')}</option>
            </select>
          </label>
          <button type="submit" disabled={busy}>
            {t('request')}
          </button>
        </form>
      )}
      {error && (
        <p className="cleaning-error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
