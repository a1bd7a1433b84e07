import { type FormEvent, useCallback, useEffect, useMemo, useState } from 'react'
import { type AccountView, type DocumentSummary, snapshotRequests } from '../../shared/api/index.ts'
import { canManageSnapshots, canRecordMeetings } from '../../shared/roles/index.ts'
import type {
  ComparisonView,
  ExportFormat,
  MeetingView,
  SnapshotSummary,
  VersionRef,
} from '../../shared/snapshots/index.ts'
import { ApiError, apiFetch } from '../api/apiFetch.ts'
import { jsonBody } from '../api/jsonBody.ts'
import { queryPath } from '../api/queryPath.ts'
import { formString } from '../auth/AuthForm.tsx'
import { navigate } from '../routing/useLocation.ts'
import { MeetingsPanel } from './MeetingsPanel.tsx'

const formatLabels: Record<ExportFormat, string> = { docx: 'Word', pdf: 'PDF', html: 'HTML', md: 'Markdown' }

function formatDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}

function versionLabel(ref: VersionRef, snapshots: SnapshotSummary[]): string {
  if (ref === 'current') return 'Current draft'
  return snapshots.find((snapshot) => snapshot.id === ref)?.name ?? `Snapshot ${ref}`
}

/** Named versions of a document: take, view, compare, restore, and download in every format. */
export function HistoryPage({ document, account }: { document: DocumentSummary; account: AccountView }) {
  const base = `/api/documents/${document.name}`
  const [snapshots, setSnapshots] = useState<SnapshotSummary[]>([])
  const [meetings, setMeetings] = useState<MeetingView[]>([])
  const [viewing, setViewing] = useState<
    { kind: 'version'; ref: VersionRef } | { kind: 'compare'; from: VersionRef; to: VersionRef }
  >({
    kind: 'version',
    ref: 'current',
  })
  const [comparison, setComparison] = useState<ComparisonView | null>(null)
  const [message, setMessage] = useState<string | null>(null)
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
    load().catch((error: unknown) => setMessage(error instanceof ApiError ? error.message : String(error)))
  }, [load])

  useEffect(() => {
    if (viewing.kind !== 'compare') {
      setComparison(null)
      return
    }
    apiFetch<ComparisonView>(
      queryPath(`${base}/compare`, snapshotRequests.compareQuery, { from: viewing.from, to: viewing.to }),
    ).then(setComparison, (error: unknown) =>
      setMessage(error instanceof ApiError ? error.message : String(error)),
    )
  }, [base, viewing])

  async function act(action: () => Promise<unknown>, done: string) {
    try {
      await action()
      setMessage(done)
      await load()
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : String(error))
    }
  }

  function takeSnapshot(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const meetingId = form.get('meetingId')
    void act(
      () =>
        apiFetch(`${base}/snapshots`, {
          method: 'POST',
          body: jsonBody(snapshotRequests.takeSnapshot, {
            name: formString(form, 'name'),
            meetingId: meetingId ? Number(meetingId) : null,
          }),
        }),
      'Snapshot taken',
    )
  }

  const frameSource = useMemo(() => {
    if (viewing.kind === 'compare')
      return queryPath(`${base}/redline`, snapshotRequests.redlineQuery, {
        from: viewing.from,
        to: viewing.to,
        inline: '1',
      })
    return queryPath(`${base}/export`, snapshotRequests.exportQuery, {
      format: 'html',
      version: viewing.ref,
      inline: '1',
      threads: includeThreads ? '1' : undefined,
    })
  }, [base, viewing, includeThreads])

  const viewingRef = viewing.kind === 'version' ? viewing.ref : null
  const suggestedName = `After meeting of ${new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })}`

  return (
    <div className="history">
      <header className="admin-header">
        <button type="button" className="quiet" onClick={() => navigate(`/d/${document.name}`)}>
          ← Back to the draft
        </button>
        <h1>History and exports</h1>
        <span className="admin-who">
          {document.title} · {account.name} ({document.role})
        </span>
      </header>
      {message && (
        <p className="admin-message" role="status">
          {message}
        </p>
      )}
      <div className="history-layout">
        <div className="history-side">
          {coChair && (
            <section className="admin-section" aria-labelledby="take-heading">
              <h2 id="take-heading">Take a snapshot</h2>
              <form className="stack-form" onSubmit={takeSnapshot}>
                <label>
                  Name
                  <input name="name" required maxLength={200} defaultValue={suggestedName} />
                </label>
                <label>
                  Meeting
                  <select name="meetingId" key={meetings.length} defaultValue={meetings[0]?.id ?? ''}>
                    <option value="">Not linked to a meeting</option>
                    {meetings.map((meeting) => (
                      <option key={meeting.id} value={meeting.id}>
                        {meeting.date} — {meeting.title}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="submit" className="primary">
                  Take snapshot
                </button>
              </form>
            </section>
          )}

          <section className="admin-section" aria-labelledby="versions-heading">
            <h2 id="versions-heading">Versions</h2>
            <ul className="version-list">
              <li>
                <button
                  type="button"
                  className={`version-item${viewingRef === 'current' ? ' is-active' : ''}`}
                  onClick={() => setViewing({ kind: 'version', ref: 'current' })}
                >
                  <span className="version-name">Current draft</span>
                  <span className="version-meta">Live text, as everyone sees it now</span>
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
                      {snapshot.kind === 'before-restore' && <span className="tag">automatic</span>}
                    </span>
                    <span className="version-meta">
                      {formatDate(snapshot.createdAt)} · {snapshot.createdByName}
                      {snapshot.meetingTitle ? ` · ${snapshot.meetingTitle}` : ''}
                    </span>
                    <span className="version-hash" title={`SHA-256 ${snapshot.contentHash}`}>
                      SHA-256 {snapshot.contentHash.slice(0, 12)}…
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>

          <section className="admin-section" aria-labelledby="compare-heading">
            <h2 id="compare-heading">Compare</h2>
            <div className="stack-form">
              <label>
                Older version
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
                Newer version
                <select
                  value={compareTo}
                  onChange={(event) =>
                    setCompareTo(event.target.value === 'current' ? 'current' : Number(event.target.value))
                  }
                >
                  <option value="current">Current draft</option>
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
                Show changes
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

        <section className="history-main" aria-label="Version viewer">
          <div className="viewer-bar">
            <strong>
              {viewing.kind === 'compare'
                ? `Changes from “${versionLabel(viewing.from, snapshots)}” to “${versionLabel(viewing.to, snapshots)}”`
                : versionLabel(viewing.ref, snapshots)}
            </strong>
            {viewing.kind === 'version' && (
              <div className="viewer-actions">
                <label className="inline-check">
                  <input
                    type="checkbox"
                    checked={includeThreads}
                    onChange={(event) => setIncludeThreads(event.target.checked)}
                  />
                  Include comment threads
                </label>
                {(['docx', 'pdf', 'html', 'md'] as const).map((format) => (
                  <a
                    key={format}
                    className="download"
                    href={queryPath(`${base}/export`, snapshotRequests.exportQuery, {
                      format,
                      version: viewing.ref,
                      threads: includeThreads ? '1' : undefined,
                    })}
                    download
                  >
                    {formatLabels[format]}
                  </a>
                ))}
                {coChair && viewing.ref !== 'current' && (
                  <button
                    type="button"
                    className="quiet danger"
                    onClick={() => {
                      const ref = viewing.ref
                      if (
                        ref !== 'current' &&
                        window.confirm(
                          'Restore this version as a new change? The current text is kept as a snapshot first.',
                        )
                      ) {
                        void act(
                          () => apiFetch(`${base}/snapshots/${ref}/restore`, { method: 'POST' }),
                          'Restored as a new change',
                        )
                      }
                    }}
                  >
                    Restore this version
                  </button>
                )}
              </div>
            )}
            {viewing.kind === 'compare' && (
              <div className="viewer-actions">
                <a
                  className="download"
                  href={queryPath(`${base}/redline`, snapshotRequests.redlineQuery, {
                    from: viewing.from,
                    to: viewing.to,
                  })}
                  download
                >
                  Download redline (HTML)
                </a>
                <a
                  className="download"
                  href={queryPath(`${base}/redline`, snapshotRequests.redlineQuery, {
                    from: viewing.from,
                    to: viewing.to,
                    format: 'docx',
                  })}
                  download
                >
                  Download redline (Word)
                </a>
              </div>
            )}
          </div>
          {comparison && (
            <table className="admin-table change-summary">
              <caption>Words changed per section</caption>
              <thead>
                <tr>
                  <th scope="col">Section</th>
                  <th scope="col">Inserted</th>
                  <th scope="col">Deleted</th>
                </tr>
              </thead>
              <tbody>
                {comparison.areas.map((area) => (
                  <tr key={area.area}>
                    <td>{area.title}</td>
                    <td className="ins-count">{area.insertedWords}</td>
                    <td className="del-count">{area.deletedWords}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <iframe className="viewer-frame" title="Document version" sandbox="" src={frameSource} />
        </section>
      </div>
    </div>
  )
}
