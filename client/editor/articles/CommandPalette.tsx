import type { Editor } from '@tiptap/react'
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react'
import { articleNumbers, priorityAreas } from '../../../shared/schema/index.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { actionAvailable } from './actionAvailable.ts'
import { articleActions } from './articleActions.ts'
import { articleCommands } from './articleCommands.ts'
import { findArticle } from './findArticle.ts'
import { type PaletteMode, paletteRequests } from './paletteRequests.ts'

/** The list filters as one types (the combobox's ARIA autocomplete kind, not text). */
const listAutocomplete = 'list'

interface PaletteItem {
  key: string
  label: string
  detail: string
  enabled: boolean
  /** Runs the item; returns the list to show next, or null to close. */
  choose: () => Exclude<PaletteMode, 'commands'> | null
}

/** The first words of an article, enough to recognise it in a list. */
function firstWords(text: string, limit = 64): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  return clean.length > limit ? `${clean.slice(0, limit).replace(/\s\S*$/, '')}…` : clean
}

function matches(query: string, ...texts: string[]): boolean {
  const needle = query.trim().toLocaleLowerCase()
  return needle === '' || texts.some((text) => text.toLocaleLowerCase().includes(needle))
}

/**
 * Mod-K opens a palette of the article commands: type to filter, ↑/↓ to choose, Enter to run, Esc to go back
 * or close. "Move to area…" and "Insert reference…" continue in the same palette with a list of areas or of
 * articles (number and first words). A WAI-ARIA combobox in a modal dialog; focus returns to the text.
 */
export function CommandPalette({ editor }: { editor: Editor }) {
  const { t } = useTranslation('editor')
  const [mode, setMode] = useState<PaletteMode | null>(null)
  const [fromCommands, setFromCommands] = useState(false)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  const listId = useId()

  useEffect(() => {
    const onOpen = (event: Event) => {
      if (!editor.isEditable) return
      const requested = (event as CustomEvent<PaletteMode>).detail
      setMode(requested)
      setFromCommands(false)
      setQuery('')
      setActive(0)
    }
    paletteRequests.target.addEventListener('open', onOpen)
    return () => paletteRequests.target.removeEventListener('open', onOpen)
  }, [editor])

  useEffect(() => {
    if (mode) input.current?.focus()
  }, [mode])

  const items = useMemo<PaletteItem[]>(() => {
    if (!mode) return []
    if (mode === 'commands') {
      return articleActions
        .map((action) => {
          const label = t(`articles.actions.${action.label}`)
          const { run } = action
          return {
            key: action.id,
            label,
            detail: action.shortcut ?? '',
            enabled: actionAvailable(editor, action),
            choose: () => {
              if (typeof run !== 'function') return run.pick
              run(editor)
              return null
            },
          }
        })
        .filter((item) => matches(query, item.label))
    }
    if (mode === 'area') {
      const article = findArticle(editor.state.selection.$from)
      const currentArea = article?.parent.attrs.area
      return priorityAreas
        .filter((area) => area.id !== 'preamble')
        .map((area) => {
          const label = area.number ? `${area.number}. ${area.title}` : area.title
          const current = area.id === currentArea
          return {
            key: area.id,
            label,
            detail: current ? t('articles.palette.current') : '',
            enabled: !current && articleCommands.moveToArea(area.id)(editor, false),
            choose: () => {
              articleCommands.moveToArea(area.id)(editor)
              return null
            },
          }
        })
        .filter((item) => matches(query, item.label))
    }
    const numbers = articleNumbers(editor.state.doc)
    const list: PaletteItem[] = []
    editor.state.doc.descendants((node) => {
      if (node.type.name !== 'article') return !node.isTextblock
      const clauseId = node.attrs.clauseId
      const number = typeof clauseId === 'string' ? numbers.get(clauseId) : undefined
      if (typeof clauseId !== 'string' || number === undefined) return false
      const label = t('articles.palette.article', { number })
      const words = firstWords(node.textContent)
      if (matches(query, label, words, String(number))) {
        list.push({
          key: clauseId,
          label,
          detail: words,
          enabled: true,
          choose: () => {
            articleCommands.insertReference(clauseId)(editor)
            return null
          },
        })
      }
      return false
    })
    return list
  }, [mode, query, editor, t])

  if (!mode) return null
  const activeIndex = Math.min(active, Math.max(items.length - 1, 0))

  function close() {
    setMode(null)
    editor.view.focus()
  }

  function choose(item: PaletteItem | undefined) {
    if (!item?.enabled) return
    // Commands act on the text's selection, which stays in the editor state while the palette has focus.
    const next = item.choose()
    if (next) {
      setMode(next)
      setFromCommands(true)
      setQuery('')
      setActive(0)
    } else close()
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (items.length === 0) return
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((activeIndex + step + items.length) % items.length)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      choose(items[activeIndex])
    } else if (event.key === 'Escape') {
      event.preventDefault()
      if (fromCommands && mode !== 'commands') {
        setMode('commands')
        setFromCommands(false)
        setQuery('')
        setActive(0)
      } else close()
    } else if (event.key === 'Tab') {
      // The input is the dialog's only tab stop; the list is reached with the arrows.
      event.preventDefault()
    }
  }

  const optionId = (index: number) => `${listId}-${index}`
  const placeholder = t(`articles.palette.${mode}`)
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click beside the dialog closes it; Esc does so from the keyboard
    <div className="palette-backdrop" onMouseDown={close}>
      <div
        className="palette"
        role="dialog"
        aria-modal={true}
        aria-label={t('articles.palette.label')}
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={onKeyDown}
      >
        <input
          ref={input}
          className="palette-input"
          role="combobox"
          aria-expanded={true}
          aria-controls={listId}
          aria-autocomplete={listAutocomplete}
          aria-activedescendant={items.length > 0 ? optionId(activeIndex) : undefined}
          aria-label={placeholder}
          placeholder={placeholder}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value)
            setActive(0)
          }}
          onBlur={(event) => {
            if (!event.currentTarget.closest('.palette')?.contains(event.relatedTarget)) setMode(null)
          }}
        />
        <div className="palette-list" role="listbox" id={listId} aria-label={placeholder}>
          {items.map((item, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox handles the keyboard for every option
            <div
              key={item.key}
              tabIndex={-1}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              aria-disabled={!item.enabled}
              className="palette-option"
              onMouseMove={() => setActive(index)}
              onClick={() => choose(item)}
            >
              <span className="palette-option-label">{item.label}</span>
              <span className="palette-option-detail">
                {item.enabled ? item.detail : t('articles.palette.unavailable')}
              </span>
            </div>
          ))}
          {items.length === 0 && <p className="palette-empty">{t('articles.palette.noMatches')}</p>}
        </div>
        <p className="palette-hint" aria-hidden="true">
          {t('articles.palette.hint')}
        </p>
      </div>
    </div>
  )
}
