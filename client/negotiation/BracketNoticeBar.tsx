import type { Editor } from '@tiptap/react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BracketNotice } from '../editor/brackets/BracketEditing.ts'

const visibleMs = 12_000

/** Explains, politely and briefly, why a bracket edit did not happen (e.g. the other side's alternative). */
export function BracketNoticeBar({ editor }: { editor: Editor }) {
  const { t } = useTranslation('editor')
  const [notice, setNotice] = useState<BracketNotice | null>(null)
  useEffect(() => {
    const listeners = editor.storage.bracketEditing.listeners
    const listener = (next: BracketNotice) => setNotice(next)
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  }, [editor])
  useEffect(() => {
    if (!notice) return
    const timer = setTimeout(() => setNotice(null), visibleMs)
    return () => clearTimeout(timer)
  }, [notice])
  if (!notice) return null
  return (
    <div className="bracket-notice" role="status">
      <p>{t(`brackets.notice.${notice}`)}</p>
      <button type="button" className="quiet small" onClick={() => setNotice(null)}>
        {t('brackets.dismiss')}
      </button>
    </div>
  )
}
