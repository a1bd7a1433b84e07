import type { Editor } from '@tiptap/react'
import { useEffect, useState } from 'react'
import { type Delegation, delegations, type Role } from '../../shared/roles/index.ts'
import {
  canSetSuggestionPolicy,
  type DecisionOutcome,
  mayDecideSuggestion,
  type SuggestionPolicy,
} from '../../shared/suggestions/index.ts'
import { useFormatter } from '../i18n/useFormatter.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { type OpenSuggestion, openSuggestions } from './openSuggestions.ts'
import { suggestionApi } from './suggestionApi.ts'

export interface SuggestionsPanelProps {
  editor: Editor
  documentName: string
  role: Role
  delegation: Delegation | null
  /** Clause ids of agreed articles: there only a co-chair of the other delegation decides (two keys). */
  protectedClauses: ReadonlySet<string>
  policy: SuggestionPolicy | null
  onPolicy: (policy: SuggestionPolicy) => void
}

const maxSnippet = 60

function snippet(text: string): string {
  return text.length > maxSnippet ? `${text.slice(0, maxSnippet - 1)}…` : text
}

/** The clause id of the article holding the caret, or null. */
function articleAtCaret(editor: Editor): string | null {
  const { $from } = editor.state.selection
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth)
    if (node.type.name === 'article')
      return typeof node.attrs.clauseId === 'string' ? node.attrs.clauseId : null
  }
  return null
}

/** The open suggestions, and the article at the caret, kept up to date with the editor. */
function useOpenSuggestions(editor: Editor): { open: OpenSuggestion[]; article: string | null } {
  const [state, setState] = useState(() => ({
    open: openSuggestions(editor.state.doc),
    article: articleAtCaret(editor),
  }))
  useEffect(() => {
    const update = () =>
      setState({ open: openSuggestions(editor.state.doc), article: articleAtCaret(editor) })
    editor.on('update', update)
    editor.on('selectionUpdate', update)
    update()
    return () => {
      editor.off('update', update)
      editor.off('selectionUpdate', update)
    }
  }, [editor])
  return state
}

/**
 * The open suggestions with their author and time; accept or reject one, or all of one delegation. Decisions
 * are requests to the server, which changes the text for everyone. Co-chairs also find the document's
 * suggestion settings here.
 */
export function SuggestionsPanel(props: SuggestionsPanelProps) {
  const { editor, documentName, role, delegation, protectedClauses, policy, onPolicy } = props
  const { t } = useTranslation('suggestions')
  const format = useFormatter()
  const { open, article } = useOpenSuggestions(editor)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const mayDecide = (suggestion: OpenSuggestion) =>
    mayDecideSuggestion(
      role,
      delegation,
      suggestion.delegation,
      suggestion.clauseId !== null && protectedClauses.has(suggestion.clauseId),
    )
  async function decide(
    decision: DecisionOutcome,
    selection: { ids?: string[]; delegation?: Delegation; clauseId?: string },
  ) {
    setBusy(true)
    setFailure(null)
    try {
      await suggestionApi.decide(documentName, decision, selection)
    } catch (error) {
      setFailure(t('panel.failed', { message: error instanceof Error ? error.message : String(error) }))
    } finally {
      setBusy(false)
    }
  }
  // Bulk decisions are offered for the other delegation's suggestions, to whoever may decide on them.
  const others = delegations.filter(
    (candidate) =>
      mayDecideSuggestion(role, delegation, candidate, false) &&
      open.some((suggestion) => suggestion.delegation === candidate),
  )
  return (
    <section className="suggestions-panel" aria-label={t('panel.title')}>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      {open.length === 0 && <p className="empty">{t('panel.empty')}</p>}
      {others.map((other) => (
        <div key={other} className="suggestion-bulk">
          <button
            type="button"
            className="small"
            disabled={busy}
            onClick={() => decide('accepted', { delegation: other })}
          >
            {t('panel.acceptAll', { delegation: other })}
          </button>
          <button
            type="button"
            className="small quiet"
            disabled={busy}
            onClick={() => decide('rejected', { delegation: other })}
          >
            {t('panel.rejectAll', { delegation: other })}
          </button>
        </div>
      ))}
      {article !== null &&
        open.some((suggestion) => suggestion.clauseId === article && mayDecide(suggestion)) && (
          <div className="suggestion-bulk">
            <button
              type="button"
              className="small accept-article"
              disabled={busy}
              onClick={() => decide('accepted', { clauseId: article })}
            >
              {t('panel.acceptArticle')}
            </button>
          </div>
        )}
      <ul className="suggestion-list">
        {open.map((suggestion) => (
          <li
            key={suggestion.id}
            className="suggestion-item"
            data-delegation={suggestion.delegation}
            data-suggestion-id={suggestion.id}
          >
            <button
              type="button"
              className="suggestion-summary quiet"
              onClick={() =>
                editor
                  .chain()
                  .focus()
                  .setTextSelection({ from: suggestion.from, to: suggestion.to })
                  .scrollIntoView()
                  .run()
              }
            >
              {suggestion.kind === 'insertion'
                ? t('panel.inserted', { text: snippet(suggestion.insertedText) })
                : suggestion.kind === 'deletion'
                  ? t('panel.deleted', { text: snippet(suggestion.deletedText) })
                  : t('panel.replaced', {
                      deleted: snippet(suggestion.deletedText),
                      inserted: snippet(suggestion.insertedText),
                    })}
            </button>
            <p className="suggestion-author">
              {t('panel.by', {
                name: suggestion.name,
                delegation: suggestion.delegation,
                time: format.dateTime(suggestion.at),
              })}
            </p>
            {mayDecide(suggestion) ? (
              <div className="suggestion-actions">
                <button
                  type="button"
                  className="small accept-suggestion"
                  disabled={busy}
                  onClick={() => decide('accepted', { ids: [suggestion.id] })}
                >
                  {t('panel.accept')}
                </button>
                <button
                  type="button"
                  className="small quiet reject-suggestion"
                  disabled={busy}
                  onClick={() => decide('rejected', { ids: [suggestion.id] })}
                >
                  {t('panel.reject')}
                </button>
              </div>
            ) : (
              <p className="hint">{t('panel.otherDelegationDecides')}</p>
            )}
          </li>
        ))}
      </ul>
      {canSetSuggestionPolicy(role) && policy && (
        <fieldset className="suggestion-settings">
          <legend>{t('settings.title')}</legend>
          {(['required', 'reviewersSuggest'] as const).map((key) => (
            <label key={key}>
              <input
                type="checkbox"
                checked={policy[key]}
                onChange={(event) => {
                  const next = { ...policy, [key]: event.target.checked }
                  suggestionApi.setPolicy(documentName, next).then(onPolicy, (error: unknown) =>
                    setFailure(
                      t('panel.failed', {
                        message: error instanceof Error ? error.message : String(error),
                      }),
                    ),
                  )
                }}
              />
              {t(`settings.${key}`)}
            </label>
          ))}
        </fieldset>
      )}
    </section>
  )
}
