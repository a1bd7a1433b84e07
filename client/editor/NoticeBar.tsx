import { useEffect, useState } from 'react'
import { useTranslation } from '../i18n/useTranslation.ts'

const visibleMs = 12_000

/**
 * A polite, brief explanation of why an edit did not happen, for a while or until dismissed. `listeners` is the
 * editor extension's set of notice listeners (brackets, suggestions); `text` words a notice.
 */
export function NoticeBar<Notice extends string>({
  listeners,
  text,
  className,
}: {
  listeners: Set<(notice: Notice) => void>
  text: (notice: Notice) => string
  className: string
}) {
  const { t } = useTranslation('editor')
  const [notice, setNotice] = useState<Notice | null>(null)
  useEffect(() => {
    const listener = (next: Notice) => setNotice(next)
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  }, [listeners])
  useEffect(() => {
    if (!notice) return
    const timer = setTimeout(() => setNotice(null), visibleMs)
    return () => clearTimeout(timer)
  }, [notice])
  if (!notice) return null
  return (
    <div className={className} role="status">
      <p>{text(notice)}</p>
      <button type="button" className="quiet small" onClick={() => setNotice(null)}>
        {t('brackets.dismiss')}
      </button>
    </div>
  )
}
