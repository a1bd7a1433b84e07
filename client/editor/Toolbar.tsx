import type { Editor } from '@tiptap/react'
import { type KeyboardEvent, lazy, Suspense, useRef } from 'react'
import type { en } from '../../shared/i18n/resources/en/index.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { bracketButtons } from './brackets/bracketButtons.ts'
import { ProposerPicker } from './brackets/ProposerPicker.tsx'
import { sameValue, useEditorSelector } from './useEditorSelector.ts'

// The article commands follow the formatting buttons a moment after the first paint (the initial script's budget).
const ArticleToolbarGroup = lazy(() =>
  import('./articles/ArticleToolbarGroup.tsx').then((module) => ({ default: module.ArticleToolbarGroup })),
)

type ToolbarLabel = keyof (typeof en)['editor']['toolbar']

export interface ToolbarButton {
  id: string
  /** Key of the button's name in the `editor` namespace. */
  label: ToolbarLabel
  shortcut: string
  icon: string
  run: (editor: Editor) => void
  isActive?: (editor: Editor) => boolean
  isEnabled?: (editor: Editor) => boolean
}

const buttons: (ToolbarButton | 'separator')[] = [
  {
    id: 'paragraph',
    label: 'paragraph',
    shortcut: 'Ctrl+Alt+0',
    icon: '¶',
    run: (editor) => editor.chain().focus().setParagraph().run(),
    isActive: (editor) => editor.isActive('paragraph'),
  },
  {
    id: 'heading-2',
    label: 'heading2',
    shortcut: 'Ctrl+Alt+2',
    icon: 'H2',
    run: (editor) => editor.chain().focus().toggleHeading({ level: 2 }).run(),
    isActive: (editor) => editor.isActive('heading', { level: 2 }),
  },
  {
    id: 'heading-3',
    label: 'heading3',
    shortcut: 'Ctrl+Alt+3',
    icon: 'H3',
    run: (editor) => editor.chain().focus().toggleHeading({ level: 3 }).run(),
    isActive: (editor) => editor.isActive('heading', { level: 3 }),
  },
  'separator',
  {
    id: 'bold',
    label: 'bold',
    shortcut: 'Ctrl+B',
    icon: 'B',
    run: (editor) => editor.chain().focus().toggleBold().run(),
    isActive: (editor) => editor.isActive('bold'),
  },
  {
    id: 'italic',
    label: 'italic',
    shortcut: 'Ctrl+I',
    icon: 'I',
    run: (editor) => editor.chain().focus().toggleItalic().run(),
    isActive: (editor) => editor.isActive('italic'),
  },
  {
    id: 'underline',
    label: 'underline',
    shortcut: 'Ctrl+U',
    icon: 'U',
    run: (editor) => editor.chain().focus().toggleUnderline().run(),
    isActive: (editor) => editor.isActive('underline'),
  },
  'separator',
  {
    id: 'bullet-list',
    label: 'bulletList',
    shortcut: 'Ctrl+Shift+8',
    icon: '•',
    run: (editor) => editor.chain().focus().toggleBulletList().run(),
    isActive: (editor) => editor.isActive('bulletList'),
  },
  {
    id: 'ordered-list',
    label: 'orderedList',
    shortcut: 'Ctrl+Shift+7',
    icon: '1.',
    run: (editor) => editor.chain().focus().toggleOrderedList().run(),
    isActive: (editor) => editor.isActive('orderedList'),
  },
  'separator',
  {
    id: 'undo',
    label: 'undo',
    shortcut: 'Ctrl+Z',
    icon: '↶',
    run: (editor) => editor.chain().focus().undo().run(),
    isEnabled: (editor) => editor.can().undo(),
  },
  {
    id: 'redo',
    label: 'redo',
    shortcut: 'Ctrl+Shift+Z',
    icon: '↷',
    run: (editor) => editor.chain().focus().redo().run(),
    isEnabled: (editor) => editor.can().redo(),
  },
  'separator',
  ...bracketButtons,
]

const actions = buttons.filter((button): button is ToolbarButton => button !== 'separator')

/** Formatting toolbar; a single tab stop, arrow keys move between buttons (WAI-ARIA toolbar pattern). */
export function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation('editor')
  const container = useRef<HTMLDivElement>(null)
  const state = useEditorSelector(
    editor,
    (current) =>
      Object.fromEntries(
        actions.map((action) => [
          action.id,
          {
            active: action.isActive?.(current) ?? false,
            enabled: current.isEditable && (action.isEnabled?.(current) ?? true),
          },
        ]),
      ),
    sameValue,
    {},
  )

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return
    const items = [...(container.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])]
    const current = items.indexOf(document.activeElement as HTMLButtonElement)
    let next = current
    if (event.key === 'ArrowRight') next = (current + 1) % items.length
    if (event.key === 'ArrowLeft') next = (current - 1 + items.length) % items.length
    if (event.key === 'Home') next = 0
    if (event.key === 'End') next = items.length - 1
    event.preventDefault()
    for (const [index, item] of items.entries()) item.tabIndex = index === next ? 0 : -1
    items[next]?.focus()
  }

  return (
    <div
      className="toolbar"
      role="toolbar"
      aria-label={t('toolbar.label')}
      ref={container}
      onKeyDown={onKeyDown}
    >
      {buttons.map((button, index) =>
        button === 'separator' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: separators are static and never reorder
          <span key={`separator-${index}`} className="toolbar-separator" aria-hidden="true" />
        ) : (
          <button
            key={button.id}
            type="button"
            className={`toolbar-button toolbar-${button.id}`}
            tabIndex={index === 0 ? 0 : -1}
            aria-label={t(`toolbar.${button.label}`)}
            aria-pressed={button.isActive ? (state[button.id]?.active ?? false) : undefined}
            title={
              button.shortcut
                ? t('toolbar.withShortcut', {
                    label: t(`toolbar.${button.label}`),
                    shortcut: button.shortcut,
                  })
                : t(`toolbar.${button.label}`)
            }
            disabled={!state[button.id]?.enabled}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => button.run(editor)}
          >
            {button.icon}
          </button>
        ),
      )}
      <ProposerPicker editor={editor} />
      <Suspense fallback={null}>
        <ArticleToolbarGroup editor={editor} />
      </Suspense>
    </div>
  )
}
