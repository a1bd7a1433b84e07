import type { Editor } from '@tiptap/react'
import { NoticeBar } from '../editor/NoticeBar.tsx'
import type { SuggestionRefusal } from '../editor/suggestions/suggestTransaction.ts'
import { useTranslation } from '../i18n/useTranslation.ts'

/** Explains why a change in Suggesting mode did not happen (a structural change, someone else's suggestion). */
export function SuggestionNoticeBar({ editor }: { editor: Editor }) {
  const { t } = useTranslation('suggestions')
  return (
    <NoticeBar<SuggestionRefusal>
      listeners={editor.storage.suggestionEditing.listeners}
      text={(notice) => t(`notice.${notice}`)}
      className="bracket-notice suggestion-notice"
    />
  )
}
