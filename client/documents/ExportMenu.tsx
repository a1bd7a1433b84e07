import { type KeyboardEvent, useCallback, useId, useRef, useState } from 'react'
import type { ExportFormat } from '../../shared/snapshots/index.ts'
import { queryPath } from '../api/queryPath.ts'
// A type only: the schema itself (and zod) stays out of the editor's first script.
import type { snapshotRequests } from '../api/requestSchemas.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { useDismiss } from '../menus/useDismiss.ts'
import { navigate } from '../routing/useLocation.ts'

const formats: readonly ExportFormat[] = ['docx', 'pdf', 'html', 'md']

/**
 * "Export" in the top bar: the current draft in each format, as office suites offer under Download, and a way to
 * the history page for versions, the clean text and redlines. A menu button (WAI-ARIA pattern): arrow keys move
 * between items, Escape closes it and gives focus back to the button.
 */
export function ExportMenu({ documentName }: { documentName: string }) {
  const { t } = useTranslation()
  const { t: tHistory } = useTranslation('history')
  const [open, setOpen] = useState(false)
  const container = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const menuId = useId()

  const close = useCallback((reason: 'outside' | 'escape' | 'chosen') => {
    setOpen(false)
    if (reason !== 'outside') button.current?.focus()
  }, [])
  useDismiss(open, container, close)

  function items(): HTMLElement[] {
    return [...(container.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])]
  }

  function focusItem(which: 'first' | 'last' | 1 | -1) {
    const all = items()
    const current = all.indexOf(document.activeElement as HTMLElement)
    const index =
      which === 'first' ? 0 : which === 'last' ? all.length - 1 : (current + which + all.length) % all.length
    all[index]?.focus()
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const moves: Record<string, 'first' | 'last' | 1 | -1> = {
      ArrowDown: 1,
      ArrowUp: -1,
      Home: 'first',
      End: 'last',
    }
    const move = moves[event.key]
    if (move !== undefined) {
      event.preventDefault()
      focusItem(move)
    } else if (event.key === 'Tab') {
      setOpen(false)
    }
  }

  function openWith(first: 'first' | 'last') {
    setOpen(true)
    requestAnimationFrame(() => focusItem(first))
  }

  return (
    <div className="document-menu" ref={container}>
      <button
        ref={button}
        type="button"
        className="topbar-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? setOpen(false) : openWith('first'))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault()
            openWith(event.key === 'ArrowDown' ? 'first' : 'last')
          }
        }}
      >
        {t('documentMenu.export')}
        <span aria-hidden="true"> ▾</span>
      </button>
      {open && (
        <div
          className="menu"
          id={menuId}
          role="menu"
          aria-label={t('documentMenu.exportHeading')}
          onKeyDown={onMenuKeyDown}
        >
          <p className="menu-heading" aria-hidden="true">
            {t('documentMenu.exportHeading')}
          </p>
          {formats.map((format) => (
            <a
              key={format}
              role="menuitem"
              tabIndex={-1}
              className="menu-item"
              href={queryPath<typeof snapshotRequests.exportQuery>(
                `/api/documents/${documentName}/export`,
                null,
                { format, version: 'current' },
              )}
              download
              onClick={() => close('chosen')}
            >
              {tHistory(`format.${format}`)}
            </a>
          ))}
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="menu-item"
            onClick={() => navigate(`/d/${documentName}/history`)}
          >
            {t('documentMenu.moreOptions')}
          </button>
        </div>
      )}
    </div>
  )
}
