import type { TFunction } from 'i18next'
import { type FormEvent, useCallback, useEffect, useMemo, useState } from 'react'
import type { AccountView, DocumentSummary } from '../../shared/api/index.ts'
import { isLanguage, type Language, languageEndonyms, languages } from '../../shared/i18n/Language.ts'
import { canManageSnapshots, canRecordMeetings } from '../../shared/roles/index.ts'
import {
  type ComparisonView,
  type ExportFormat,
  type ExportView,
  exportViews,
  type MeetingView,
  type SnapshotSummary,
  type VersionRef,
} from '../../shared/snapshots/index.ts'
import { apiFetch } from '../api/apiFetch.ts'
import { jsonBody } from '../api/jsonBody.ts'
import { queryPath } from '../api/queryPath.ts'
import { snapshotRequests } from '../api/requestSchemas.ts'
import { formString } from '../auth/AuthForm.tsx'
import { ConfirmDialog } from '../dialogs/ConfirmDialog.tsx'
import { errorText } from '../i18n/errorText.ts'
import { useFormatter } from '../i18n/useFormatter.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { navigate } from '../routing/useLocation.ts'
import { MeetingsPanel } from './MeetingsPanel.tsx'

const exportFormatsShown: readonly ExportFormat[] = ['docx', 'pdf', 'html', 'md']

/** The version a link asked for (`?version=12`, e.g. from the notice of a restore), else the current draft. */
function versionFromUrl(): VersionRef {
  const id = Number(new URLSearchParams(window.location.search).get('version'))
  return Number.isSafeInteger(id) && id > 0 ? id : 'current'
}

function versionLabel(t: TFunction<'history'>, ref: VersionRef, snapshots: SnapshotSummary[]): string {
  if (ref === 'current') return t('currentDraft')
  return snapshots.find((snapshot) => snapshot.id === ref)?.name ?? t('snapshotNumber', { id: ref })
}

/** Named versions of a document: take, view, compare, restore, and download in every format. */
export function HistoryPage({ document, account }: { document: DocumentSummary; account: AccountView }) {
  const { t, i18n } = useTranslation('history')
  const { t: tCommon } = useTranslation()
  const { t: tError } = useTranslation('errors')
  const format = useFormatter()
  const [exportLanguage, setExportLanguage] = useState<Language>(
    isLanguage(i18n.language) ? i18n.language : 'en',
  )
  const [exportView, setExportView] = useState<ExportView>('markup')
  const base = `/api/documents/${document.name}`
  const [snapshots, setSnapshots] = useState<SnapshotSummary[]>([])
  const [meetings, setMeetings] = useState<MeetingView[]>([])
  const [viewing, setViewing] = useState<
    { kind: 'version'; ref: VersionRef } | { kind: 'compare'; from: VersionRef; to: VersionRef }
  >(() => ({ kind: 'version', ref: versionFromUrl() }))
  const [comparison, setComparison] = useState<ComparisonView | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  /** After a restore: the snapshot that keeps the text as it was just before, offered next to the message. */
  const [beforeRestore, setBeforeRestore] = useState<SnapshotSummary | null>(null)
  const [confirmingRestore, setConfirmingRestore] = useState<number | null>(null)
  const [snapshotName, setSnapshotName] = useState<string>(() =>
    t('suggestedName', { date: format.date(new Date()) }),
  )
  const [frameLoading, setFrameLoading] = useState(true)
  const [includeThreads, setIncludeThreads] = useState(false)
  const [compareFrom, setCompareFrom] = useState<VersionRef | null>(null)
  const [compareTo, setCompareTo] = useState<VersionRef>('current')
  const coChair = canManageSnapshots(document.role)

  const load = useCallback(async () => {
    const [loadedSnapshots, loadedMeetings] = await Promise.all([
      apiFetch<SnapshotSummary[]>(`${base}/snapshots`),
      apiFetch<MeetingView[]>('/api/meetings'),
    ])
    setSnapshots(loadedSnapshots)
    setMeetings(loadedMeetings)
    setCompareFrom((current) => current ?? loadedSnapshots[0]?.id ?? null)
  }, [base])

  useEffect(() => {
    load().catch((error: unknown) => setMessage(errorText(tError, error)))
  }, [load, tError])

  useEffect(() => {
    if (viewing.kind !== 'compare') {
      setComparison(null)
      return
    }
    apiFetch<ComparisonView>(
      queryPath(`${base}/compare`, snapshotRequests.compareQuery, { from: viewing.from, to: viewing.to }),
    ).then(setComparison, (error: unknown) => setMessage(errorText(tError, error)))
  }, [base, viewing, tError])

  async function act(action: () => Promise<unknown>, done: string): Promise<boolean> {
    setBeforeRestore(null)
    try {
      await action()
      setMessage(done)
      await load()
      return true
    } catch (error) {
      setMessage(errorText(tError, error))
      return false
    }
  }

  async function takeSnapshot(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const meetingId = form.get('meetingId')
    await act(async () => {
      await apiFetch(`${base}/snapshots`, {
        method: 'POST',
        body: jsonBody(snapshotRequests.takeSnapshot, {
          name: formString(form, 'name'),
          meetingId: meetingId ? Number(meetingId) : null,
        }),
      })
      // The next snapshot needs a name of its own: cleared together with "Snapshot taken", not after the reload.
      setSnapshotName('')
    }, t('snapshotTaken'))
  }

  async function restore(ref: number) {
    setConfirmingRestore(null)
    let safety: SnapshotSummary | null = null
    const restored = await act(async () => {
      safety = await apiFetch<SnapshotSummary>(`${base}/snapshots/${ref}/restore`, { method: 'POST' })
    }, t('restored'))
    if (restored) setBeforeRestore(safety)
  }

  const frameSource = useMemo(() => {
    if (viewing.kind === 'compare')
      return queryPath(`${base}/redline`, snapshotRequests.redlineQuery, {
        from: viewing.from,
        to: viewing.to,
        inline: '1',
        lang: exportLanguage,
      })
    return queryPath(`${base}/export`, snapshotRequests.exportQuery, {
      format: 'html',
      version: viewing.ref,
      inline: '1',
      view: exportView,
      threads: includeThreads ? '1' : undefined,
      lang: exportLanguage,
    })
  }, [base, viewing, includeThreads, exportLanguage, exportView])

  // A new version takes a moment to render on the server; until it arrives the frame says so instead of
  // standing blank.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new source is what starts a new load
  useEffect(() => setFrameLoading(true), [frameSource])

  const viewingRef = viewing.kind === 'version' ? viewing.ref : null
  const languagePicker = (
    <label className="inline-check">
      {t('exportLanguage')}
      <select
        value={exportLanguage}
        onChange={(event) => isLanguage(event.target.value) && setExportLanguage(event.target.value)}
      >
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {languageEndonyms[language]}
          </option>
        ))}
      </select>
    </label>
  )
  const viewPicker = (
    <label className="inline-check">
      {t('exportView')}
      <select
        value={exportView}
        onChange={(event) => {
          const chosen = exportViews.find((view) => view === event.target.value)
          if (chosen) setExportView(chosen)
        }}
      >
        {exportViews.map((view) => (
          <option key={view} value={view}>
            {t(`view.${view}`)}
          </option>
        ))}
      </select>
    </label>
  )

  return (
    <div className="history">
      <header className="admin-header">
        <button type="button" className="quiet" onClick={() => navigate(`/d/${document.name}`)}>
          {tCommon('backToDraft')}
        </button>
        <h1>{t('title')}</h1>
        <span className="admin-who">
          {t('who', { title: document.title, name: account.name, role: tCommon(`role.${document.role}`) })}
        </span>
      </header>
      {message && (
        <p className="admin-message" role="status">
          {message}
          {beforeRestore && (
            <>
              {' '}
              {t('restoredKeeping', { name: beforeRestore.name })}{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => setViewing({ kind: 'version', ref: beforeRestore.id })}
              >
                {t('viewBeforeRestore')}
              </button>
            </>
          )}
        </p>
      )}
      {confirmingRestore !== null && (
        <ConfirmDialog
          title={t('restoreTitle', { name: versionLabel(t, confirmingRestore, snapshots) })}
          message={t('confirmRestore')}
          confirmLabel={t('restore')}
          cancelLabel={tCommon('cancel')}
          danger
          onConfirm={() => void restore(confirmingRestore)}
          onCancel={() => setConfirmingRestore(null)}
        />
      )}
      <div className="history-layout">
        <div className="history-side">
          {coChair && (
            <section className="admin-section" aria-labelledby="take-heading">
              <h2 id="take-heading">{t('takeSnapshotHeading')}</h2>
              <form className="stack-form" onSubmit={(event) => void takeSnapshot(event)}>
                <label>
                  {t('name')}
                  <input
                    name="name"
                    required
                    maxLength={200}
                    value={snapshotName}
                    onChange={(event) => setSnapshotName(event.target.value)}
                  />
                </label>
                <label>
                  {t('meeting')}
                  <select name="meetingId" key={meetings.length} defaultValue={meetings[0]?.id ?? ''}>
                    <option value="">{t('noMeeting')}</option>
                    {meetings.map((meeting) => (
                      <option key={meeting.id} value={meeting.id}>
                        {format.calendarDate(meeting.date)} — {meeting.title}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="submit" className="primary">
                  {t('takeSnapshot')}
                </button>
              </form>
            </section>
          )}

          <section className="admin-section" aria-labelledby="versions-heading">
            <h2 id="versions-heading">{t('versions')}</h2>
            <ul className="version-list">
              <li>
                <button
                  type="button"
                  className={`version-item${viewingRef === 'current' ? ' is-active' : ''}`}
                  onClick={() => setViewing({ kind: 'version', ref: 'current' })}
                >
                  <span className="version-name">{t('currentDraft')}</span>
                  <span className="version-meta">{t('currentDraftMeta')}</span>
                </button>
              </li>
              {snapshots.map((snapshot) => (
                <li key={snapshot.id}>
                  <button
                    type="button"
                    className={`version-item${viewingRef === snapshot.id ? ' is-active' : ''}`}
                    onClick={() => setViewing({ kind: 'version', ref: snapshot.id })}
                  >
                    <span className="version-name">
                      {snapshot.name}
                      {snapshot.kind === 'before-restore' && <span className="tag">{t('automatic')}</span>}
                    </span>
                    <span className="version-meta">
                      {format.dateTime(snapshot.createdAt)} · {snapshot.createdByName}
                      {snapshot.meetingTitle ? ` · ${snapshot.meetingTitle}` : ''}
                    </span>
                    <span className="version-hash" title={t('hash', { hash: snapshot.contentHash })}>
                      {t('hash', { hash: `${snapshot.contentHash.slice(0, 12)}…` })}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>

          <section className="admin-section" aria-labelledby="compare-heading">
            <h2 id="compare-heading">{t('compare')}</h2>
            <div className="stack-form">
              <label>
                {t('olderVersion')}
                <select
                  value={compareFrom ?? ''}
                  onChange={(event) =>
                    setCompareFrom(event.target.value === 'current' ? 'current' : Number(event.target.value))
                  }
                >
                  {snapshots.map((snapshot) => (
                    <option key={snapshot.id} value={snapshot.id}>
                      {snapshot.name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('newerVersion')}
                <select
                  value={compareTo}
                  onChange={(event) =>
                    setCompareTo(event.target.value === 'current' ? 'current' : Number(event.target.value))
                  }
                >
                  <option value="current">{t('currentDraft')}</option>
                  {snapshots.map((snapshot) => (
                    <option key={snapshot.id} value={snapshot.id}>
                      {snapshot.name}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                className="primary"
                disabled={compareFrom === null}
                onClick={() =>
                  compareFrom !== null && setViewing({ kind: 'compare', from: compareFrom, to: compareTo })
                }
              >
                {t('showChanges')}
              </button>
            </div>
          </section>

          <MeetingsPanel
            meetings={meetings}
            canCreate={canRecordMeetings(document.role)}
            onCreated={load}
            onError={setMessage}
          />
        </div>

        <section className="history-main" aria-label={t('viewer')}>
          <div className="viewer-bar">
            <strong>
              {viewing.kind === 'compare'
                ? t('changesFromTo', {
                    from: versionLabel(t, viewing.from, snapshots),
                    to: versionLabel(t, viewing.to, snapshots),
                  })
                : versionLabel(t, viewing.ref, snapshots)}
            </strong>
            {viewing.kind === 'version' && (
              <div className="viewer-actions">
                {languagePicker}
                {viewPicker}
                <label className="inline-check">
                  <input
                    type="checkbox"
                    checked={includeThreads}
                    onChange={(event) => setIncludeThreads(event.target.checked)}
                  />
                  {t('includeThreads')}
                </label>
                {exportFormatsShown.map((exportFormat) => (
                  <a
                    key={exportFormat}
                    className="download"
                    href={queryPath(`${base}/export`, snapshotRequests.exportQuery, {
                      format: exportFormat,
                      version: viewing.ref,
                      view: exportView,
                      threads: includeThreads ? '1' : undefined,
                      lang: exportLanguage,
                    })}
                    download
                  >
                    {t(`format.${exportFormat}`)}
                  </a>
                ))}
                {coChair && viewing.ref !== 'current' && (
                  <button
                    type="button"
                    className="quiet danger"
                    onClick={() => viewing.ref !== 'current' && setConfirmingRestore(viewing.ref)}
                  >
                    {t('restore')}
                  </button>
                )}
              </div>
            )}
            {viewing.kind === 'compare' && (
              <div className="viewer-actions">
                {languagePicker}
                <a
                  className="download"
                  href={queryPath(`${base}/redline`, snapshotRequests.redlineQuery, {
                    from: viewing.from,
                    to: viewing.to,
                    lang: exportLanguage,
                  })}
                  download
                >
                  {t('downloadRedlineHtml')}
                </a>
                <a
                  className="download"
                  href={queryPath(`${base}/redline`, snapshotRequests.redlineQuery, {
                    from: viewing.from,
                    to: viewing.to,
                    format: 'docx',
                    lang: exportLanguage,
                  })}
                  download
                >
                  {t('downloadRedlineWord')}
                </a>
              </div>
            )}
          </div>
          {comparison && (
            <table className="admin-table change-summary">
              <caption>{t('wordsChanged')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('section')}</th>
                  <th scope="col">{t('inserted')}</th>
                  <th scope="col">{t('deleted')}</th>
                  <th scope="col">{t('bracketsOpened')}</th>
                  <th scope="col">{t('bracketsCleaned')}</th>
                  <th scope="col">{t('byDelegation')}</th>
                </tr>
              </thead>
              <tbody>
                {comparison.areas.map((area) => (
                  <tr key={area.area}>
                    <td>{area.title}</td>
                    <td className="ins-count">{format.number(area.insertedWords)}</td>
                    <td className="del-count">{format.number(area.deletedWords)}</td>
                    <td>{format.number(area.bracketsOpened)}</td>
                    <td>{format.number(area.bracketsCleaned)}</td>
                    <td className="by-delegation">
                      {area.byDelegation
                        ? (['AZ', 'US'] as const)
                            .map((delegation) =>
                              t('delegationWords', {
                                delegation,
                                inserted: format.number(area.byDelegation![delegation].insertedWords),
                                deleted: format.number(area.byDelegation![delegation].deletedWords),
                              }),
                            )
                            .join(' · ')
                        : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="viewer-frame-box" aria-busy={frameLoading}>
            {frameLoading && (
              <p className="viewer-loading" role="status">
                {t('previewLoading')}
              </p>
            )}
            <iframe
              className="viewer-frame"
              title={t('frameTitle')}
              sandbox=""
              src={frameSource}
              onLoad={() => setFrameLoading(false)}
            />
          </div>
        </section>
      </div>
    </div>
  )
}
