import { type FormEvent, useState } from 'react'
import type { ThreadView } from '../../shared/comments/index.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { ComposerBody } from './ComposerBody.tsx'
import type { InlineDraft } from './InlineDraft.ts'
import { threadApi } from './threadApi.ts'
import { useSubmit } from './useSubmit.ts'

interface InlineComposerProps {
  draft: InlineDraft
  documentName: string
  onClose: () => void
  onCreated: (thread: ThreadView) => void
}

/** Writes the first comment of a thread on the selected text. */
export function InlineComposer({ draft, documentName, onClose, onCreated }: InlineComposerProps) {
  const { t } = useTranslation('comments')
  const [text, setText] = useState('')
  const { busy, error, submit } = useSubmit(
    () => threadApi.createInlineThread(documentName, draft.anchor, draft.quote, text),
    onCreated,
  )
  const send = (event?: FormEvent) => {
    event?.preventDefault()
    if (text.trim()) void submit()
  }
  return (
    <form className="composer" aria-label={t('newInlineComment')} onSubmit={send}>
      <p className="composer-quote">{draft.quote}</p>
      <label htmlFor="inline-comment-text" className="composer-label">
        {t('yourComment')}
      </label>
      <ComposerBody
        id="inline-comment-text"
        text={text}
        onText={setText}
        error={error}
        busy={busy}
        submitLabel={t('postComment')}
        onSend={send}
        onClose={onClose}
      />
    </form>
  )
}
