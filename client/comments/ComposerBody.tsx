import { commentLimits } from '../../shared/comments/index.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { composerKeys } from './composerKeys.ts'
import { MentionTextarea } from './MentionTextarea.tsx'

interface ComposerBodyProps {
  id: string
  text: string
  onText: (text: string) => void
  error: string | null
  busy: boolean
  submitLabel: string
  onSend: () => void
  onClose: () => void
}

/** The text box, error and buttons shared by both composers. */
export function ComposerBody({
  id,
  text,
  onText,
  error,
  busy,
  submitLabel,
  onSend,
  onClose,
}: ComposerBodyProps) {
  const { t } = useTranslation()
  const { t: tComments } = useTranslation('comments')
  return (
    <>
      <MentionTextarea
        id={id}
        className="comment-input"
        rows={3}
        maxLength={commentLimits.maxTextLength}
        placeholder={tComments('mentionPlaceholder')}
        value={text}
        autoFocus
        onText={onText}
        onKeyDown={composerKeys(onSend, onClose)}
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="quiet small" onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="submit" className="primary small" disabled={busy || !text.trim()}>
          {submitLabel}
        </button>
      </div>
    </>
  )
}
