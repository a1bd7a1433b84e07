import type { FormEvent } from 'react'
import type { CreateMeetingRequest } from '../../shared/api/index.ts'
import type { MeetingView } from '../../shared/snapshots/index.ts'
import { apiFetch } from '../api/apiFetch.ts'
import { jsonBody } from '../api/jsonBody.ts'
import { snapshotRequests } from '../api/requestSchemas.ts'
import { formString } from '../auth/AuthForm.tsx'
import { errorText } from '../i18n/errorText.ts'
import { useFormatter } from '../i18n/useFormatter.ts'
import { useTranslation } from '../i18n/useTranslation.ts'

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
  const { t } = useTranslation('history')
  const { t: tError } = useTranslation('errors')
  const format = useFormatter()

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
      onError(errorText(tError, error))
    }
  }

  return (
    <section className="admin-section" aria-labelledby="meetings-heading">
      <h2 id="meetings-heading">{t('meetings.title')}</h2>
      <ul className="meeting-list">
        {meetings.map((meeting) => (
          <li key={meeting.id}>
            <strong>{meeting.title}</strong>
            <span className="version-meta">
              {format.calendarDate(meeting.date)} ·{' '}
              {meeting.format === 'online' ? t('meetings.online') : meeting.place || t('meetings.inPerson')}
            </span>
            {(meeting.participants.AZ.length > 0 || meeting.participants.US.length > 0) && (
              <span className="version-meta">
                {t('meetings.participants', {
                  az: format.list(meeting.participants.AZ) || '—',
                  us: format.list(meeting.participants.US) || '—',
                })}
              </span>
            )}
            {meeting.notes && <p className="meeting-notes">{meeting.notes}</p>}
          </li>
        ))}
        {meetings.length === 0 && <li className="version-meta">{t('meetings.none')}</li>}
      </ul>
      {canCreate && (
        <details className="meeting-form">
          <summary>{t('meetings.record')}</summary>
          <form className="stack-form" onSubmit={create}>
            <label>
              {t('meetings.meetingTitle')}
              <input name="title" required maxLength={200} />
            </label>
            <label>
              {t('meetings.date')}
              <input name="date" type="date" required />
            </label>
            <label>
              {t('meetings.format')}
              <select name="format" defaultValue="online">
                <option value="online">{t('meetings.online')}</option>
                <option value="in-person">{t('meetings.inPerson')}</option>
              </select>
            </label>
            <label>
              {t('meetings.place')}
              <input name="place" maxLength={200} />
            </label>
            <label>
              {t('meetings.participantsAZ')}
              <textarea name="participantsAZ" rows={2} />
            </label>
            <label>
              {t('meetings.participantsUS')}
              <textarea name="participantsUS" rows={2} />
            </label>
            <label>
              {t('meetings.notes')}
              <textarea name="notes" rows={3} />
            </label>
            <button type="submit" className="primary">
              {t('meetings.save')}
            </button>
          </form>
        </details>
      )}
    </section>
  )
}
