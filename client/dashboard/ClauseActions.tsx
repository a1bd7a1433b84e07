import { type FormEvent, useEffect, useRef, useState } from 'react'
import { type ClauseStatus, nextStatuses } from '../../shared/negotiation/clauseStatus.ts'
import type { DashboardArticle } from '../../shared/negotiation/DashboardView.ts'
import type { Delegation } from '../../shared/roles/index.ts'
import type { SnapshotSummary } from '../../shared/snapshots/index.ts'
import { apiFetch } from '../api/apiFetch.ts'
import { jsonBody } from '../api/jsonBody.ts'
import { clauseRequests } from '../api/requestSchemas.ts'
import { useTranslation } from '../i18n/useTranslation.ts'

type Move = Exclude<ClauseStatus, 'open'>

/**
 * A co-chair's keys for one article: propose a move, confirm the other delegation's proposal, or withdraw
 * their own. Reopening asks for a reason and initialling for the snapshot, in place (no browser dialogs).
 * The server checks every rule again; this only offers what it would accept.
 */
export function ClauseActions({
  base,
  article,
  delegation,
  snapshots,
  onDone,
}: {
  base: string
  article: DashboardArticle
  delegation: Delegation
  snapshots: SnapshotSummary[]
  onDone: (error: unknown) => void
}) {
  const { t } = useTranslation('dashboard')
  const [asking, setAsking] = useState<Move | null>(null)
  const askForm = useRef<HTMLFormElement>(null)
  // The question replaces the button the co-chair just pressed: move the focus to its field.
  useEffect(() => {
    if (asking) askForm.current?.querySelector<HTMLElement>('input, select')?.focus()
  }, [asking])
  const path = `${base}/clauses/${article.clauseId}`
  const pending = article.pending

  async function send(to: Move, extra: { reason?: string; snapshotId?: number } = {}) {
    try {
      await apiFetch(`${path}/status`, {
        method: 'POST',
        body: jsonBody(clauseRequests.move, { to, ...extra }),
      })
      setAsking(null)
      onDone(null)
    } catch (error) {
      onDone(error)
    }
  }

  async function withdraw() {
    try {
      await apiFetch(`${path}/request`, { method: 'DELETE' })
      onDone(null)
    } catch (error) {
      onDone(error)
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!asking) return
    const form = new FormData(event.currentTarget)
    const reason = String(form.get('reason') ?? '')
    const snapshotId = Number(form.get('snapshotId') ?? 0)
    void send(asking, asking === 'initialled' ? { snapshotId } : { reason })
  }

  if (asking === 'reopened' || asking === 'initialled') {
    return (
      <form className="clause-ask" onSubmit={submit} ref={askForm}>
        {asking === 'reopened' ? (
          <label>
            {t('reasonLabel', { number: article.number })}
            <input name="reason" required maxLength={2000} />
          </label>
        ) : (
          <label>
            {t('snapshotLabel')}
            <select name="snapshotId" required>
              {snapshots
                .filter((snapshot) => snapshot.kind === 'manual')
                .map((snapshot) => (
                  <option key={snapshot.id} value={snapshot.id}>
                    {snapshot.name}
                  </option>
                ))}
            </select>
          </label>
        )}
        <button type="submit" className="primary">
          {t('send')}
        </button>
        <button type="button" className="quiet" onClick={() => setAsking(null)}>
          {t('cancel')}
        </button>
      </form>
    )
  }

  if (pending && pending.delegation === delegation) {
    return (
      <button type="button" className="quiet" onClick={() => void withdraw()}>
        {t('withdrawRequest')}
      </button>
    )
  }
  if (pending) {
    const to = pending.to as Move
    // Consenting to a reopening needs no reason, and the initialling's snapshot is the requester's.
    return (
      <button type="button" className="primary" onClick={() => void send(to)}>
        {t(`confirm.${to}`)}
      </button>
    )
  }
  return (
    <span className="clause-moves">
      {nextStatuses(article.status).map((to) => {
        const move = to as Move
        const disabled = move === 'agreedAdRef' && article.openBrackets > 0
        return (
          <button
            key={move}
            type="button"
            className="quiet"
            disabled={disabled}
            title={disabled ? t('openBrackets') : undefined}
            onClick={() => (move === 'reopened' || move === 'initialled' ? setAsking(move) : void send(move))}
          >
            {t(`request.${move}`)}
          </button>
        )
      })}
    </span>
  )
}
