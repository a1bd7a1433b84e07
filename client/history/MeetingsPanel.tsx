import type { FormEvent } from 'react'
import { type CreateMeetingRequest, snapshotRequests } from '../../shared/api/index.ts'
import type { MeetingView } from '../../shared/snapshots/index.ts'
import { ApiError, apiFetch } from '../api/apiFetch.ts'
import { jsonBody } from '../api/jsonBody.ts'
import { formString } from '../auth/AuthForm.tsx'

function lines(value: FormDataEntryValue | null): string[] {
  return typeof value === 'string'
    ? value
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
    : []
}

/** The working group's meetings; co-chairs record new ones. */
export function MeetingsPanel({
  meetings,
  canCreate,
  onCreated,
  onError,
}: {
  meetings: MeetingView[]
  canCreate: boolean
  onCreated: () => Promise<void>
  onError: (message: string) => void
}) {
  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const formElement = event.currentTarget
    const form = new FormData(formElement)
    try {
      await apiFetch('/api/meetings', {
        method: 'POST',
        body: jsonBody(snapshotRequests.createMeeting, {
          title: formString(form, 'title'),
          date: formString(form, 'date'),
          // The options of our own select; the schema still checks it before sending.
          format: formString(form, 'format') as CreateMeetingRequest['format'],
          place: formString(form, 'place'),
          participants: { AZ: lines(form.get('participantsAZ')), US: lines(form.get('participantsUS')) },
          notes: formString(form, 'notes'),
        }),
      })
      formElement.reset()
      await onCreated()
    } catch (error) {
      onError(error instanceof ApiError ? error.message : String(error))
    }
  }

  return (
    <section className="admin-section" aria-labelledby="meetings-heading">
      <h2 id="meetings-heading">Meetings</h2>
      <ul className="meeting-list">
        {meetings.map((meeting) => (
          <li key={meeting.id}>
            <strong>{meeting.title}</strong>
            <span className="version-meta">
              {meeting.date} · {meeting.format === 'online' ? 'Online' : meeting.place || 'In person'}
            </span>
            {(meeting.participants.AZ.length > 0 || meeting.participants.US.length > 0) && (
              <span className="version-meta">
                AZ: {meeting.participants.AZ.join(', ') || '—'} · US:{' '}
                {meeting.participants.US.join(', ') || '—'}
              </span>
            )}
            {meeting.notes && <p className="meeting-notes">{meeting.notes}</p>}
          </li>
        ))}
        {meetings.length === 0 && <li className="version-meta">No meetings recorded yet.</li>}
      </ul>
      {canCreate && (
        <details className="meeting-form">
          <summary>Record a meeting</summary>
          <form className="stack-form" onSubmit={create}>
            <label>
              Title
              <input name="title" required maxLength={200} />
            </label>
            <label>
              Date
              <input name="date" type="date" required />
            </label>
            <label>
              Format
              <select name="format" defaultValue="online">
                <option value="online">Online</option>
                <option value="in-person">In person</option>
              </select>
            </label>
            <label>
              Place (in person)
              <input name="place" maxLength={200} />
            </label>
            <label>
              Azerbaijani participants (one per line)
              <textarea name="participantsAZ" rows={2} />
            </label>
            <label>
              US participants (one per line)
              <textarea name="participantsUS" rows={2} />
            </label>
            <label>
              Notes
              <textarea name="notes" rows={3} />
            </label>
            <button type="submit" className="primary">
              Save meeting
            </button>
          </form>
        </details>
      )}
    </section>
  )
}
