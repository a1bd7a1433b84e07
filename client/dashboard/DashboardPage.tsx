import { type FormEvent, useCallback, useEffect, useState } from 'react'
import type { AccountView, DocumentSummary } from '../../shared/api/index.ts'
import type { ChainVerification, ClauseStatus } from '../../shared/negotiation/clauseStatus.ts'
import type { DashboardArticle, DashboardView } from '../../shared/negotiation/DashboardView.ts'
import { findPriorityArea } from '../../shared/schema/index.ts'
import type { SnapshotSummary } from '../../shared/snapshots/index.ts'
import { apiFetch } from '../api/apiFetch.ts'
import { jsonBody } from '../api/jsonBody.ts'
import { clauseRequests } from '../api/requestSchemas.ts'
import { errorText } from '../i18n/errorText.ts'
import { useFormatter } from '../i18n/useFormatter.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { navigate } from '../routing/useLocation.ts'
import { ClauseActions } from './ClauseActions.tsx'
import { RoundsChart } from './RoundsChart.tsx'

function StatusBadge({ status }: { status: ClauseStatus }) {
  const { t } = useTranslation('dashboard')
  return <span className={`clause-badge clause-${status}`}>{t(`status.${status}`)}</span>
}

/**
 * Where the negotiation stands, for the co-chairs after (and during) a meeting: each area's articles with
 * status, brackets and threads; progress toward "all agreed"; days to the deadline; what moved since the last
 * meeting; the rounds so far. Co-chairs turn their keys here. Printable, and as a one-page PDF.
 */
export function DashboardPage({ document, account }: { document: DocumentSummary; account: AccountView }) {
  const { t } = useTranslation('dashboard')
  const { t: tCommon } = useTranslation()
  const { t: tError } = useTranslation('errors')
  const format = useFormatter()
  const base = `/api/documents/${document.name}`
  const [view, setView] = useState<DashboardView | null>(null)
  const [snapshots, setSnapshots] = useState<SnapshotSummary[]>([])
  const [chain, setChain] = useState<ChainVerification | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const coChair = document.role === 'co-chair'

  const load = useCallback(async () => {
    const [loaded, loadedSnapshots, verification] = await Promise.all([
      apiFetch<DashboardView>(`${base}/dashboard`),
      apiFetch<SnapshotSummary[]>(`${base}/snapshots`),
      apiFetch<ChainVerification>(`${base}/clauses/verify`),
    ])
    setView(loaded)
    setSnapshots(loadedSnapshots)
    setChain(verification)
  }, [base])

  useEffect(() => {
    load().catch((error: unknown) => setMessage(errorText(tError, error)))
    // Others turn keys and edit meanwhile; keep the figures current without a reload.
    const timer = setInterval(() => void load().catch(() => {}), 15_000)
    return () => clearInterval(timer)
  }, [load, tError])

  function done(error: unknown) {
    setMessage(error ? errorText(tError, error) : t('recorded'))
    void load().catch(() => {})
  }

  async function saveDeadline(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const value = String(new FormData(event.currentTarget).get('deadline') ?? '')
    try {
      await apiFetch(`${base}/deadline`, {
        method: 'PUT',
        body: jsonBody(clauseRequests.deadline, { deadline: value || null }),
      })
      setMessage(t('deadlineSaved'))
      await load()
    } catch (error) {
      setMessage(errorText(tError, error))
    }
  }

  if (!view) return <div className="loading">{message ?? t('loading')}</div>

  const { totals } = view
  const share = totals.articles === 0 ? 0 : Math.round((100 * totals.agreed) / totals.articles)
  const days = view.daysLeft
  const daysText =
    days === null
      ? t('noDeadline')
      : days > 0
        ? t('daysLeft', { count: days })
        : days === 0
          ? t('dueToday')
          : t('daysPast', { count: -days })

  const row = (article: DashboardArticle) => (
    <tr key={article.clauseId} className={`clause-row clause-row-${article.status}`}>
      <th scope="row">
        <a href={`/d/${document.name}#clause-${article.clauseId}`}>
          {t('article', { number: article.number })}
        </a>
        <span className="clause-opening">{article.opening}</span>
      </th>
      <td>
        <StatusBadge status={article.status} />
        {article.pending && (
          <span className="clause-pending">
            {t('waitingFor', {
              delegation: article.pending.delegation === 'AZ' ? 'US' : 'AZ',
              status: t(`status.${article.pending.to}`),
            })}
          </span>
        )}
      </td>
      <td className="number">{article.openBrackets}</td>
      <td className="number">{article.openThreads}</td>
      {coChair && (
        <td className="clause-actions">
          <ClauseActions
            base={base}
            article={article}
            delegation={account.delegation}
            snapshots={snapshots}
            onDone={done}
          />
        </td>
      )}
    </tr>
  )

  return (
    <div className="dashboard">
      <header className="admin-header">
        <button type="button" className="quiet" onClick={() => navigate(`/d/${document.name}`)}>
          {tCommon('backToDraft')}
        </button>
        <h1>{t('title')}</h1>
        <span className="dashboard-tools">
          <a className="button-link" href={`${base}/dashboard/state-of-play.pdf`} download>
            {t('stateOfPlayPdf')}
          </a>
          <button type="button" className="quiet" onClick={() => window.print()}>
            {t('print')}
          </button>
        </span>
      </header>
      {message && (
        <p className="admin-message" role="status">
          {message}
        </p>
      )}
      <p className="dashboard-caveat">{t('caveat')}</p>

      <section className="dashboard-summary" aria-label={t('title')}>
        <div className="summary-progress">
          <p className="summary-figure">{t('agreedOf', { agreed: totals.agreed, total: totals.articles })}</p>
          <div
            className="progress-bar"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={share}
            aria-label={t('agreedOf', { agreed: totals.agreed, total: totals.articles })}
          >
            <span style={{ width: `${share}%` }} />
          </div>
          <p className="summary-counts">
            {t('openBrackets')}: <strong>{totals.openBrackets}</strong> · {t('openThreads')}:{' '}
            <strong>{totals.openThreads}</strong>
          </p>
        </div>
        <div className={`summary-deadline${days !== null && days < 0 ? ' is-late' : ''}`}>
          <p className="summary-label">{t('deadline')}</p>
          <p className="summary-figure">{view.deadline ? format.calendarDate(view.deadline) : '—'}</p>
          <p>{daysText}</p>
          {coChair && (
            <form className="deadline-form" onSubmit={(event) => void saveDeadline(event)}>
              <input
                type="date"
                name="deadline"
                defaultValue={view.deadline ?? ''}
                aria-label={t('deadline')}
              />
              <button type="submit" className="quiet">
                {t('setDeadline')}
              </button>
            </form>
          )}
        </div>
      </section>

      {view.areas
        .filter((area) => area.articles.length > 0)
        .map((area) => {
          const { title, number } = findPriorityArea(area.area)
          return (
            <section key={area.area} className="dashboard-area" aria-labelledby={`area-${area.area}`}>
              <header className="area-header">
                <h2 id={`area-${area.area}`}>
                  {number ? `${number}. ` : ''}
                  {title}
                </h2>
                <span className="area-figures">
                  {t('agreedOf', { agreed: area.agreed, total: area.articles.length })} · {t('openBrackets')}{' '}
                  {area.openBrackets} · {t('openThreads')} {area.openThreads}
                </span>
                <a className="area-focus" href={`/d/${document.name}?area=${area.area}`}>
                  {t('focus')}
                </a>
              </header>
              <table className="clause-table">
                <thead>
                  <tr>
                    <th scope="col">{t('articles')}</th>
                    <th scope="col">{t('statusColumn')}</th>
                    <th scope="col">{t('openBrackets')}</th>
                    <th scope="col">{t('openThreads')}</th>
                    {coChair && <th scope="col">{t('actions')}</th>}
                  </tr>
                </thead>
                <tbody>{area.articles.map(row)}</tbody>
              </table>
            </section>
          )
        })}

      <div className="dashboard-columns">
        <section className="dashboard-area" aria-labelledby="since-heading">
          <h2 id="since-heading">{t('sinceLastMeeting')}</h2>
          {view.sinceLastMeeting.snapshot ? (
            <>
              <p className="muted">
                {t('comparedWith', {
                  name: view.sinceLastMeeting.snapshot.name,
                  date: format.date(view.sinceLastMeeting.snapshot.createdAt),
                })}
              </p>
              {view.sinceLastMeeting.articles.length === 0 ? (
                <p>{t('noChange')}</p>
              ) : (
                <ul className="change-list">
                  {view.sinceLastMeeting.articles.map((change) => (
                    <li key={change.clauseId}>
                      <strong>{t('article', { number: change.number })}</strong>{' '}
                      {[
                        change.added ? t('newArticle') : null,
                        change.wordsInserted || change.wordsDeleted
                          ? t('words', { inserted: change.wordsInserted, deleted: change.wordsDeleted })
                          : null,
                        ...change.statusChanges.map(
                          (move) => `${t(`status.${move.from}`)} → ${t(`status.${move.to}`)}`,
                        ),
                        change.bracketsOpened ? t('bracketsOpened', { count: change.bracketsOpened }) : null,
                        change.bracketsClosed ? t('bracketsClosed', { count: change.bracketsClosed }) : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : (
            <p className="muted">{t('noMeetingSnapshot')}</p>
          )}
        </section>
        <section className="dashboard-area" aria-labelledby="rounds-heading">
          <h2 id="rounds-heading">{t('rounds')}</h2>
          <RoundsChart rounds={view.rounds} />
        </section>
      </div>
      {chain && (
        <p className={`chain-status${chain.valid ? '' : ' is-broken'}`} role="status">
          {chain.valid
            ? t('chainValid', { count: chain.events })
            : t('chainBroken', { seq: chain.brokenAt ?? 0, reason: chain.reason ?? '' })}
        </p>
      )}
    </div>
  )
}
