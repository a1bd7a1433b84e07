import { type FormEvent, type ReactNode, useState } from 'react'
import { errorText } from '../i18n/errorText.ts'
import { useTranslation } from '../i18n/useTranslation.ts'

/** The card layout shared by sign-in, setup and invitation pages; shows the server's error message. */
export function AuthForm({
  title,
  lead,
  submitLabel,
  onSubmit,
  children,
  aside,
}: {
  title: string
  lead: ReactNode
  submitLabel: string
  onSubmit: (form: FormData) => Promise<void>
  children: ReactNode
  /** Shown above the card's title, such as the language switch. */
  aside?: ReactNode
}) {
  const { t } = useTranslation()
  const { t: tAuth } = useTranslation('auth')
  const { t: tError } = useTranslation('errors')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await onSubmit(new FormData(event.currentTarget))
    } catch (caught) {
      setError(errorText(tError, caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <main className="entry">
      <form className="entry-card" onSubmit={submit} aria-labelledby="entry-title">
        {aside}
        <p className="entry-brand">{t('appName')}</p>
        <h1 id="entry-title">{title}</h1>
        <div className="entry-lead">{lead}</div>
        {children}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? tAuth('pleaseWait') : submitLabel}
        </button>
      </form>
    </main>
  )
}

export function formString(form: FormData, name: string): string {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}
