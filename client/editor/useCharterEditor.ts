import type { Editor } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { useEffect, useRef } from 'react'
import { charterExtensions, documentField } from '../../shared/schema/index.ts'
import { CommentHighlights } from '../comments/CommentHighlights.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { ClauseStatusMarks } from '../negotiation/ClauseStatusMarks.ts'
import type { CollabSession } from '../sync/createCollabSession.ts'
import { articleExtensions } from './articles/articleExtensions.ts'
import { BlockLanguage } from './BlockLanguage.ts'
import { BracketEditing } from './brackets/BracketEditing.ts'
import type { BracketWriter } from './brackets/BracketWriter.ts'
import { bracketGuardKey } from './brackets/bracketGuard.ts'
import { type CaretUser, createCaret } from './createCaret.ts'
import { PlaceholderMarks } from './PlaceholderMarks.ts'
import type { SuggestionAuthor } from './suggestions/SuggestionAuthor.ts'
import { SuggestionEditing } from './suggestions/SuggestionEditing.ts'
import { useTiptapEditor } from './useTiptapEditor.ts'
import { watchCaretActivity } from './watchCaretActivity.ts'

/**
 * The Tiptap editor for a collaboration session: the shared schema, Yjs binding (undo tracks only this
 * user's own changes), other people's carets, the highlights of comment threads, and the article structure
 * (clause ids, article commands, live cross-references).
 */
export function useCharterEditor(
  session: CollabSession,
  user: CaretUser,
  editable: boolean,
  writer: BracketWriter,
  author: SuggestionAuthor | null,
  onAgreedTextRefused: () => void = () => {},
): Editor | null {
  const { t } = useTranslation('editor')
  // The editor outlives a language switch; its tooltips read the current language through this ref.
  const translate = useRef(t)
  translate.current = t
  useEffect(() => watchCaretActivity(session.provider.awareness), [session])
  const editor = useTiptapEditor(
    () => ({
      extensions: [
        ...articleExtensions(charterExtensions),
        Collaboration.configure({ document: session.ydoc, field: documentField }),
        CollaborationCaret.configure({
          provider: session.provider,
          user: { ...user, clientId: session.ydoc.clientID },
          render: (caretUser) => createCaret(caretUser as CaretUser),
        }),
        CommentHighlights.configure({ document: session.ydoc, field: documentField }),
        BracketEditing.configure({
          writer: { delegation: writer.delegation, role: writer.role },
          lockedTitle: () => translate.current('brackets.locked'),
        }),
        ClauseStatusMarks.configure({ onRefused: onAgreedTextRefused }),
        SuggestionEditing.configure({ author }),
        PlaceholderMarks,
        BlockLanguage,
      ],
      editable,
      editorProps: {
        attributes: {
          class: 'charter-text',
          'aria-label': 'Charter draft',
          spellcheck: 'true',
        },
      },
    }),
    [
      session,
      user.name,
      user.color,
      user.delegation,
      editable,
      writer.delegation,
      writer.role,
      author?.accountId,
      author?.name,
    ],
  )
  // The locked alternatives' tooltip is in their decorations, which edits now keep: a language switch rebuilds them.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new language must give new tooltips
  useEffect(() => {
    if (!editor || editor.isDestroyed) return
    editor.view.dispatch(editor.state.tr.setMeta(bracketGuardKey, 'refresh'))
  }, [editor, t])
  return editor
}
