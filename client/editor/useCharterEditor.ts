import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { type Editor, useEditor } from '@tiptap/react'
import { charterExtensions, documentField } from '../../shared/schema/index.ts'
import { CommentHighlights } from '../comments/CommentHighlights.ts'
import { ClauseStatusMarks } from '../negotiation/ClauseStatusMarks.ts'
import type { CollabSession } from '../sync/createCollabSession.ts'
import { type CaretUser, createCaret } from './createCaret.ts'

/**
 * The Tiptap editor for a collaboration session: the shared schema, Yjs binding (undo tracks only this
 * user's own changes), other people's carets and the highlights of comment threads.
 */
export function useCharterEditor(
  session: CollabSession,
  user: CaretUser,
  editable: boolean,
  onAgreedTextRefused: () => void = () => {},
): Editor | null {
  return useEditor(
    {
      extensions: [
        ...charterExtensions,
        Collaboration.configure({ document: session.ydoc, field: documentField }),
        CollaborationCaret.configure({
          provider: session.provider,
          user,
          render: (caretUser) => createCaret(caretUser as CaretUser),
        }),
        CommentHighlights.configure({ document: session.ydoc, field: documentField }),
        ClauseStatusMarks.configure({ onRefused: onAgreedTextRefused }),
      ],
      editable,
      editorProps: {
        attributes: {
          class: 'charter-text',
          'aria-label': 'Charter draft',
          spellcheck: 'true',
        },
      },
    },
    [session, user.name, user.color, user.delegation, editable],
  )
}
