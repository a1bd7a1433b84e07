import { threadAreaOptions } from './format.ts'
import type { ThreadFilters } from './ThreadFilters.ts'

interface CommentFiltersProps {
  filters: ThreadFilters
  onChange: (filters: ThreadFilters) => void
}

/** The area, status, delegation and "orphaned only" filters above the thread list. */
export function CommentFilters({ filters, onChange }: CommentFiltersProps) {
  return (
    <fieldset className="comment-filters">
      <legend className="visually-hidden">Filter threads</legend>
      <label>
        <span>Area</span>
        <select
          value={filters.area}
          onChange={(event) => onChange({ ...filters, area: event.target.value as ThreadFilters['area'] })}
        >
          <option value="all">All areas</option>
          {threadAreaOptions.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Status</span>
        <select
          value={filters.status}
          onChange={(event) =>
            onChange({ ...filters, status: event.target.value as ThreadFilters['status'] })
          }
        >
          <option value="open">Open</option>
          <option value="resolved">Resolved</option>
          <option value="all">All</option>
        </select>
      </label>
      <label>
        <span>Raised by</span>
        <select
          value={filters.delegation}
          onChange={(event) =>
            onChange({ ...filters, delegation: event.target.value as ThreadFilters['delegation'] })
          }
        >
          <option value="all">Both delegations</option>
          <option value="AZ">Azerbaijan</option>
          <option value="US">United States</option>
        </select>
      </label>
      <label className="filter-check">
        <input
          type="checkbox"
          checked={filters.orphanedOnly}
          onChange={(event) => onChange({ ...filters, orphanedOnly: event.target.checked })}
        />
        <span>Orphaned only</span>
      </label>
    </fieldset>
  )
}
