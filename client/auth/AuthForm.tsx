import { type FormEvent, type ReactNode, useState } from 'react'
import { ApiError } from '../api/apiFetch.ts'

/** The card layout shared by sign-in, setup and invitation pages; shows the server's error message. */
export function AuthForm({
  title,
  lead,
  submitLabel,
  onSubmit,
  children,
}: {
  title: string
  lead: ReactNode
  submitLabel: string
  onSubmit: (form: FormData) => Promise<void>
  children: ReactNode
}) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await onSubmit(new FormData(event.currentTarget))
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Something went wrong; please try again')
    } finally {
      setBusy(false)
    }
  }

  return (
    <main className="entry">
      <form className="entry-card" onSubmit={submit} aria-labelledby="entry-title">
        <p className="entry-brand">Charter Desk</p>
        <h1 id="entry-title">{title}</h1>
        <div className="entry-lead">{lead}</div>
        {children}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Please wait…' : submitLabel}
        </button>
      </form>
    </main>
  )
}

export function formString(form: FormData, name: string): string {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}
