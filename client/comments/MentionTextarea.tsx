import {
  type KeyboardEvent,
  type TextareaHTMLAttributes,
  useContext,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import type { PersonView } from '../../shared/api/index.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { mentionQueryAt } from './mentionQueryAt.ts'
import { PeopleContext } from './PeopleContext.ts'
import { unknownMentions } from './unknownMentions.ts'

const maxSuggestions = 6

function matchPeople(people: readonly PersonView[], query: string): PersonView[] {
  const wanted = query.toLowerCase()
  return people
    .filter((person) => {
      const name = person.name.toLowerCase()
      return (
        name.startsWith(wanted) ||
        person.login.toLowerCase().startsWith(wanted) ||
        name.split(/\s+/).some((word) => word.startsWith(wanted))
      )
    })
    .slice(0, maxSuggestions)
}

type MentionTextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'> & {
  value: string
  onText: (text: string) => void
}

/**
 * A comment's text box with @mention autocomplete: typing `@` and part of a name lists the people with access
 * (arrow keys choose, Enter or Tab inserts, Escape closes the list), and an `@name` that matches nobody is
 * pointed out before sending, since nobody would be notified.
 */
export function MentionTextarea({ value, onText, onKeyDown, ...textareaProps }: MentionTextareaProps) {
  const { t } = useTranslation('comments')
  const { t: tCommon } = useTranslation()
  const people = useContext(PeopleContext)
  const textarea = useRef<HTMLTextAreaElement>(null)
  const listId = useId()
  const [caret, setCaret] = useState<number | null>(null)
  const placeCaretAt = useRef<number | null>(null)
  const [highlighted, setHighlighted] = useState(0)
  const [dismissedAt, setDismissedAt] = useState<number | null>(null)

  const query = caret === null ? null : mentionQueryAt(value, caret)
  const suggestions = people && query && query.start !== dismissedAt ? matchPeople(people, query.query) : []
  const open = suggestions.length > 0
  const active = Math.min(highlighted, suggestions.length - 1)
  const unknown = useMemo(() => (people ? unknownMentions(value, people) : []), [value, people])

  function choose(person: PersonView) {
    if (!query || caret === null) return
    const before = `${value.slice(0, query.start)}@${person.name} `
    const after = value.slice(caret).replace(/^ /, '')
    onText(before + after)
    setCaret(before.length)
    placeCaretAt.current = before.length
  }

  // The caret goes after the chosen name as soon as the new text is in the box, before the next key is handled
  // (on a later frame, a fast typist's next character landed after the name and the rest before it).
  useLayoutEffect(() => {
    if (placeCaretAt.current === null || !textarea.current || textarea.current.value !== value) return
    textarea.current.setSelectionRange(placeCaretAt.current, placeCaretAt.current)
    placeCaretAt.current = null
  }, [value])

  function keyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (open && !event.ctrlKey && !event.metaKey) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault()
        const step = event.key === 'ArrowDown' ? 1 : -1
        setHighlighted((active + step + suggestions.length) % suggestions.length)
        return
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault()
        choose(suggestions[active]!)
        return
      }
      if (event.key === 'Escape') {
        event.preventDefault()
        event.stopPropagation()
        setDismissedAt(query?.start ?? null)
        return
      }
    }
    onKeyDown?.(event)
  }

  const optionId = (index: number) => `${listId}-${index}`
  return (
    <div className="mention-field">
      <textarea
        {...textareaProps}
        ref={textarea}
        value={value}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? optionId(active) : undefined}
        onChange={(event) => {
          onText(event.target.value)
          setCaret(event.target.selectionStart)
          setHighlighted(0)
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onBlur={() => setCaret(null)}
        onKeyDown={keyDown}
      />
      {open && (
        <div className="mention-list" role="listbox" id={listId} aria-label={t('mentionSuggestions')}>
          {suggestions.map((person, index) => (
            <div
              key={person.id}
              tabIndex={-1}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className="mention-option"
              // mousedown, not click: the text box keeps its focus and caret.
              onMouseDown={(event) => {
                event.preventDefault()
                choose(person)
              }}
            >
              <span className="mention-name">{person.name}</span>
              <span className="mention-meta">
                {tCommon(`delegationShort.${person.delegation}`)} · {tCommon(`role.${person.role}`)}
              </span>
            </div>
          ))}
        </div>
      )}
      {unknown.length > 0 && !open && (
        <p className="mention-unknown" role="status">
          {t('mentionUnknown', { names: unknown.join(', '), count: unknown.length })}
        </p>
      )}
    </div>
  )
}
