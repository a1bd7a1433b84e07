import type { Editor } from '@tiptap/react'
import { useEffect, useState } from 'react'
import type { ClauseOverview } from '../../shared/negotiation/clauseStatus.ts'
import { type AreaId, isAreaId } from '../../shared/schema/index.ts'
import { apiFetch } from '../api/apiFetch.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { clauseMarksKey } from './ClauseStatusMarks.ts'

/** How often statuses are re-read while the page is open; a co-chair's key turns rarely. */
const refreshMs = 10_000

/** The area of the focus view (`?area=connectivity`), or null for the whole charter. */
export function focusAreaFromLocation(): AreaId | null {
  const area = new URLSearchParams(window.location.search).get('area')
  return isAreaId(area) ? area : null
}

/**
 * Feeds the editor's clause-status decorations: every article's status from the server, re-read every few
 * seconds and when the window regains focus, and the focused area.
 */
export function useClauseMarks(
  editor: Editor | null,
  documentName: string,
  focusArea: AreaId | null,
): ClauseOverview[] {
  const { t } = useTranslation('dashboard')
  const [clauses, setClauses] = useState<ClauseOverview[]>([])

  useEffect(() => {
    let stopped = false
    const load = () =>
      apiFetch<ClauseOverview[]>(`/api/documents/${documentName}/clauses`).then(
        (loaded) => !stopped && setClauses(loaded),
        () => {},
      )
    void load()
    const timer = setInterval(load, refreshMs)
    window.addEventListener('focus', load)
    return () => {
      stopped = true
      clearInterval(timer)
      window.removeEventListener('focus', load)
    }
  }, [documentName])

  useEffect(() => {
    if (!editor || editor.isDestroyed) return
    const statuses = new Map(
      clauses.map((clause) => [
        clause.clauseId,
        { status: clause.status, label: t(`status.${clause.status}`) },
      ]),
    )
    editor.view.dispatch(editor.state.tr.setMeta(clauseMarksKey, { statuses, focusArea }))
  }, [editor, clauses, focusArea, t])

  return clauses
}
