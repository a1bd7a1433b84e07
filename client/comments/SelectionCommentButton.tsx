import type { Editor } from '@tiptap/react'
import { useEffect, useState } from 'react'
import { useTranslation } from '../i18n/useTranslation.ts'
import type { TextRange } from './anchors.ts'
import { CommentIcon } from './CommentIcon.tsx'

interface SelectionCommentButtonProps {
  editor: Editor
  range: TextRange
  onComment: (range: TextRange) => void
}

/** A small "Comment" button just below the end of the selected text. */
export function SelectionCommentButton({ editor, range, onComment }: SelectionCommentButtonProps) {
  const { t } = useTranslation('comments')
  const [, setLayout] = useState(0)
  useEffect(() => {
    const relayout = () => setLayout((count) => count + 1)
    window.addEventListener('scroll', relayout, true)
    window.addEventListener('resize', relayout)
    return () => {
      window.removeEventListener('scroll', relayout, true)
      window.removeEventListener('resize', relayout)
    }
  }, [])
  let position: { top: number; left: number } | null = null
  try {
    const end = editor.view.coordsAtPos(range.to, -1)
    const page = editor.view.dom.getBoundingClientRect()
    // Just below the selection's end, kept on screen when that end is scrolled out of view.
    position = {
      top: Math.min(Math.max(end.bottom + 6, 60), window.innerHeight - 44),
      left: Math.max(page.left, Math.min(end.left - 40, page.right - 100)),
    }
  } catch {
    position = null
  }
  if (!position) return null
  return (
    <button
      type="button"
      className="selection-comment-button"
      style={{ top: position.top, left: position.left }}
      title={t('commentOnSelection')}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => onComment(range)}
    >
      <CommentIcon />
      {t('comment')}
    </button>
  )
}
