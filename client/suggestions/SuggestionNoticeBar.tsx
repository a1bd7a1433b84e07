import type { Editor } from '@tiptap/react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SuggestionRefusal } from '../editor/suggestions/suggestTransaction.ts'

const visibleMs = 12_000

/** Explains why a change in Suggesting mode did not happen (a structural change, someone else's suggestion). */
export function SuggestionNoticeBar({ editor }: { editor: Editor }) {
  const { t } = useTranslation('suggestions')
  const [notice, setNotice] = useState<SuggestionRefusal | null>(null)
  useEffect(() => {
    const listeners = editor.storage.suggestionEditing.listeners
    const listener = (next: SuggestionRefusal) => setNotice(next)
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
    <div className="bracket-notice suggestion-notice" role="status">
      <p>{t(`notice.${notice}`)}</p>
      <button type="button" className="quiet small" onClick={() => setNotice(null)}>
        {t('brackets.dismiss', { ns: 'editor' })}
      </button>
    </div>
  )
}
