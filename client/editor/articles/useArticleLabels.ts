import type { Editor } from '@tiptap/react'
import { useEffect } from 'react'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { setCrossReferenceLabels } from './crossReferencePlugin.ts'

/** Gives the editor's cross-reference and handle tooltips the reader's language, and follows a switch. */
export function useArticleLabels(editor: Editor | null): void {
  const { t, i18n } = useTranslation('editor')
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new language must give new labels
  useEffect(() => {
    if (!editor || editor.isDestroyed) return
    setCrossReferenceLabels(editor.view, {
      goTo: (number) => t('articles.reference.goTo', { number }),
      broken: t('articles.reference.broken'),
      dragHandle: t('articles.dragHandle'),
    })
    for (const handle of editor.view.dom.querySelectorAll<HTMLElement>('.article-handle')) {
      handle.title = t('articles.dragHandle')
    }
  }, [editor, t, i18n.language])
}
