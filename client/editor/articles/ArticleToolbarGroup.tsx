import type { Editor } from '@tiptap/react'
import type { ReactNode } from 'react'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { sameValue, useEditorSelector } from '../useEditorSelector.ts'
import { actionAvailable } from './actionAvailable.ts'
import { articleActions } from './articleActions.ts'
import { paletteRequests } from './paletteRequests.ts'

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      viewBox="0 0 16 16"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {children}
    </svg>
  )
}

/** Line icons in the toolbar's quiet style: a page block, and what happens to it. */
const icons: Record<string, ReactNode> = {
  'insert-before': (
    <Icon>
      <rect x="2.5" y="9" width="11" height="4.5" rx="1" />
      <path d="M8 1.5v5M5.5 4h5" />
    </Icon>
  ),
  'insert-after': (
    <Icon>
      <rect x="2.5" y="2.5" width="11" height="4.5" rx="1" />
      <path d="M8 9.5v5M5.5 12h5" />
    </Icon>
  ),
  'move-up': (
    <Icon>
      <path d="M8 13.5v-11M4 6.5l4-4 4 4" />
    </Icon>
  ),
  'move-down': (
    <Icon>
      <path d="M8 2.5v11M4 9.5l4 4 4-4" />
    </Icon>
  ),
  'move-to-area': (
    <Icon>
      <rect x="2" y="2.5" width="5" height="11" rx="1" />
      <path d="M9.5 8h4.5M11.5 5.5 14 8l-2.5 2.5" />
    </Icon>
  ),
  split: (
    <Icon>
      <rect x="2.5" y="1.5" width="11" height="4.5" rx="1" />
      <rect x="2.5" y="10" width="11" height="4.5" rx="1" />
      <path d="M1 8h2M5 8h2M9 8h2M13 8h2" />
    </Icon>
  ),
  merge: (
    <Icon>
      <rect x="2.5" y="2.5" width="11" height="11" rx="1" />
      <path d="M5 8h6M6.5 5.5 8 7l1.5-1.5M6.5 10.5 8 9l1.5 1.5" />
    </Icon>
  ),
  delete: (
    <Icon>
      <path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.7 9h5.6l.7-9" />
    </Icon>
  ),
  'insert-reference': (
    <Icon>
      <path d="M6.5 9.5a3 3 0 0 0 4.2 0l2.1-2.1a3 3 0 0 0-4.2-4.2l-.8.8M9.5 6.5a3 3 0 0 0-4.2 0L3.2 8.6a3 3 0 0 0 4.2 4.2l.8-.8" />
    </Icon>
  ),
}

/**
 * The article commands in the toolbar, after the formatting buttons: part of the toolbar's single tab stop
 * (arrow keys reach them), each with its shortcut in the tooltip; pickers open the command palette.
 */
export function ArticleToolbarGroup({ editor }: { editor: Editor }) {
  const { t } = useTranslation('editor')
  const available = useEditorSelector(
    editor,
    (current) =>
      Object.fromEntries(articleActions.map((action) => [action.id, actionAvailable(current, action)])),
    sameValue,
    {},
  )

  return (
    <>
      <span className="toolbar-separator" aria-hidden="true" />
      {articleActions.map((action) => {
        const label = t(`articles.actions.${action.label}`)
        const { run } = action
        return (
          <button
            key={action.id}
            type="button"
            className={`toolbar-button toolbar-icon toolbar-article-${action.id}`}
            tabIndex={-1}
            aria-label={label}
            title={action.shortcut ? t('toolbar.withShortcut', { label, shortcut: action.shortcut }) : label}
            disabled={!available[action.id]}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              if (typeof run === 'function') run(editor)
              else paletteRequests.open(run.pick)
            }}
          >
            {icons[action.id]}
          </button>
        )
      })}
      <button
        type="button"
        className="toolbar-button toolbar-palette"
        tabIndex={-1}
        title={t('toolbar.withShortcut', { label: t('articles.palette.label'), shortcut: 'Ctrl+K' })}
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K"
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => paletteRequests.open()}
      >
        {t('articles.palette.open')}
        <kbd>{t('articles.palette.keys')}</kbd>
      </button>
    </>
  )
}
