import type { TFunction } from 'i18next'
import type { ThreadArea } from '../../shared/comments/index.ts'
import { findPriorityArea, isAreaId, priorityAreas } from '../../shared/schema/index.ts'

/** Every area a thread can be about, in document order, then the draft in general. */
export const threadAreaOptions: readonly { id: ThreadArea }[] = [
  ...priorityAreas.map((area) => ({ id: area.id })),
  { id: 'general' },
]

/** "2. Economic investment", or the framing section's name, or "General". */
export function areaLabel(t: TFunction, area: ThreadArea): string {
  if (!isAreaId(area)) return t('area.general')
  const { number } = findPriorityArea(area)
  const title = t(`area.${area}`)
  return number ? t('areaNumbered', { number, title }) : title
}

/** "Priority area 2", or the framing section's name, or "General". */
export function shortAreaLabel(t: TFunction, area: ThreadArea): string {
  if (!isAreaId(area)) return t('area.general')
  const { number } = findPriorityArea(area)
  return number ? t('areaShort', { number }) : t(`area.${area}`)
}
