import { useTranslation } from '../i18n/useTranslation.ts'
import { areaLabel, threadAreaOptions } from './format.ts'
import type { ThreadFilters } from './ThreadFilters.ts'

interface CommentFiltersProps {
  filters: ThreadFilters
  onChange: (filters: ThreadFilters) => void
}

/** The area, status, delegation and "orphaned only" filters above the thread list. */
export function CommentFilters({ filters, onChange }: CommentFiltersProps) {
  const { t } = useTranslation('comments')
  const { t: tCommon } = useTranslation()
  return (
    <fieldset className="comment-filters">
      <legend className="visually-hidden">{t('filters.legend')}</legend>
      <label>
        <span>{t('filters.area')}</span>
        <select
          value={filters.area}
          onChange={(event) => onChange({ ...filters, area: event.target.value as ThreadFilters['area'] })}
        >
          <option value="all">{t('filters.allAreas')}</option>
          {threadAreaOptions.map((option) => (
            <option key={option.id} value={option.id}>
              {areaLabel(tCommon, option.id)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('filters.status')}</span>
        <select
          value={filters.status}
          onChange={(event) =>
            onChange({ ...filters, status: event.target.value as ThreadFilters['status'] })
          }
        >
          <option value="open">{t('filters.open')}</option>
          <option value="resolved">{t('filters.resolved')}</option>
          <option value="all">{t('filters.all')}</option>
        </select>
      </label>
      <label>
        <span>{t('filters.raisedBy')}</span>
        <select
          value={filters.delegation}
          onChange={(event) =>
            onChange({ ...filters, delegation: event.target.value as ThreadFilters['delegation'] })
          }
        >
          <option value="all">{t('filters.bothDelegations')}</option>
          <option value="AZ">{tCommon('delegation.AZ')}</option>
          <option value="US">{tCommon('delegation.US')}</option>
        </select>
      </label>
      <label className="filter-check">
        <input
          type="checkbox"
          checked={filters.orphanedOnly}
          onChange={(event) => onChange({ ...filters, orphanedOnly: event.target.checked })}
        />
        <span>{t('filters.orphanedOnly')}</span>
      </label>
    </fieldset>
  )
}
