import type { Editor } from '@tiptap/react'
import type { BracketNotice } from '../editor/brackets/BracketEditing.ts'
import { NoticeBar } from '../editor/NoticeBar.tsx'
import { useTranslation } from '../i18n/useTranslation.ts'

/** Explains, politely and briefly, why a bracket edit did not happen (e.g. the other side's alternative). */
export function BracketNoticeBar({ editor }: { editor: Editor }) {
  const { t } = useTranslation('editor')
  return (
    <NoticeBar<BracketNotice>
      listeners={editor.storage.bracketEditing.listeners}
      text={(notice) => t(`brackets.notice.${notice}`)}
      className="bracket-notice"
    />
  )
}
