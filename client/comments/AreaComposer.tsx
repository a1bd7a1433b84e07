import { type FormEvent, useState } from 'react'
import type { ThreadArea, ThreadView } from '../../shared/comments/index.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { ComposerBody } from './ComposerBody.tsx'
import { composerKeys } from './composerKeys.ts'
import { areaLabel, threadAreaOptions } from './format.ts'
import { threadApi } from './threadApi.ts'
import { useSubmit } from './useSubmit.ts'

interface AreaComposerProps {
  documentName: string
  initialArea: ThreadArea
  onClose: () => void
  onCreated: (thread: ThreadView) => void
}

/** Starts a thread about a priority area as a whole (or the draft in general). */
export function AreaComposer({ documentName, initialArea, onClose, onCreated }: AreaComposerProps) {
  const { t } = useTranslation('comments')
  const { t: tCommon } = useTranslation()
  const [area, setArea] = useState<ThreadArea>(initialArea)
  const [text, setText] = useState('')
  const { busy, error, submit } = useSubmit(
    () => threadApi.createAreaThread(documentName, area, text),
    onCreated,
  )
  const send = (event?: FormEvent) => {
    event?.preventDefault()
    if (text.trim()) void submit()
  }
  return (
    <form className="composer" aria-label={t('newAreaThread')} onSubmit={send}>
      <label htmlFor="area-thread-area" className="composer-label">
        {t('area')}
      </label>
      <select
        id="area-thread-area"
        value={area}
        onChange={(event) => setArea(event.target.value as ThreadArea)}
        onKeyDown={composerKeys(send, onClose)}
      >
        {threadAreaOptions.map((option) => (
          <option key={option.id} value={option.id}>
            {areaLabel(tCommon, option.id)}
          </option>
        ))}
      </select>
      <label htmlFor="area-thread-text" className="composer-label">
        {t('yourComment')}
      </label>
      <ComposerBody
        id="area-thread-text"
        text={text}
        onText={setText}
        error={error}
        busy={busy}
        submitLabel={t('startThread')}
        onSend={send}
        onClose={onClose}
      />
    </form>
  )
}
