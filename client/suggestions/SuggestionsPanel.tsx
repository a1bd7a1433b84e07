import type { Editor } from '@tiptap/react'
import { useEffect, useState } from 'react'
import { type Delegation, delegations, type Role } from '../../shared/roles/index.ts'
import {
  canSetSuggestionPolicy,
  type DecisionOutcome,
  mayAnswerSuggestionRequest,
  mayDecideSuggestion,
  type SuggestionPolicy,
  type SuggestionRequest,
} from '../../shared/suggestions/index.ts'
import { useFormatter } from '../i18n/useFormatter.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { type OpenSuggestion, openSuggestions } from './openSuggestions.ts'
import { suggestionApi } from './suggestionApi.ts'
import { useSuggestionRequests } from './useSuggestionRequests.ts'

export interface SuggestionsPanelProps {
  editor: Editor
  documentName: string
  role: Role
  delegation: Delegation | null
  /** Clause ids of agreed articles: there both co-chairs decide (two keys), as in a two-key document. */
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
  const { t: keysText } = useTranslation('suggestionKeys')
  const format = useFormatter()
  const { open, article } = useOpenSuggestions(editor)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const requests = useSuggestionRequests(documentName, open.map((suggestion) => suggestion.id).join(' '))
  const needsTwoKeys = (suggestion: OpenSuggestion) =>
    policy?.twoKeys === true || (suggestion.clauseId !== null && protectedClauses.has(suggestion.clauseId))
  const mayDecide = (suggestion: OpenSuggestion) =>
    mayDecideSuggestion(role, delegation, suggestion.delegation, needsTwoKeys(suggestion))
  async function send(request: () => Promise<unknown>) {
    setBusy(true)
    setFailure(null)
    try {
      await request()
    } catch (error) {
      setFailure(t('panel.failed', { message: error instanceof Error ? error.message : String(error) }))
    } finally {
      setBusy(false)
      requests.reload()
    }
  }
  const decide = (
    decision: DecisionOutcome,
    selection: { ids?: string[]; delegation?: Delegation; clauseId?: string },
  ) => send(() => suggestionApi.decide(documentName, decision, selection))
  const withdraw = (suggestionId: string) => send(() => suggestionApi.withdraw(documentName, suggestionId))
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
            <SuggestionKeys
              request={requests.bySuggestion.get(suggestion.id) ?? null}
              mayDecide={mayDecide(suggestion)}
              twoKeys={needsTwoKeys(suggestion)}
              role={role}
              delegation={delegation}
              busy={busy}
              onDecide={(decision) => decide(decision, { ids: [suggestion.id] })}
              onWithdraw={() => withdraw(suggestion.id)}
            />
          </li>
        ))}
      </ul>
      {canSetSuggestionPolicy(role) && policy && (
        <fieldset className="suggestion-settings">
          <legend>{t('settings.title')}</legend>
          {(['required', 'reviewersSuggest', 'twoKeys'] as const).map((key) => (
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
              {key === 'twoKeys' ? keysText('setting') : t(`settings.${key}`)}
            </label>
          ))}
        </fieldset>
      )}
    </section>
  )
}

interface SuggestionKeysProps {
  /** The first key waiting on this suggestion, if any. */
  request: SuggestionRequest | null
  mayDecide: boolean
  twoKeys: boolean
  role: Role
  delegation: Delegation | null
  busy: boolean
  onDecide: (decision: DecisionOutcome) => void
  onWithdraw: () => void
}

/**
 * What one suggestion's card offers: accept or reject; under two keys, once a co-chair has decided, who asked
 * for what and whose key is missing, with confirm and decline for the other delegation's co-chair and
 * withdraw for the requesting side's.
 */
function SuggestionKeys(props: SuggestionKeysProps) {
  const { request, mayDecide, twoKeys, role, delegation, busy, onDecide, onWithdraw } = props
  const { t } = useTranslation('suggestions')
  const { t: keysText } = useTranslation('suggestionKeys')
  if (request) {
    const answering = mayAnswerSuggestionRequest(role, delegation, request)
    const requesting = role === 'co-chair' && request.requestedBy.delegation === delegation
    const missing = delegations.find((candidate) => candidate !== request.requestedBy.delegation) ?? 'US'
    return (
      <div className="suggestion-request" data-waiting-for={missing}>
        <p className="suggestion-requested">
          {keysText(request.decision === 'accepted' ? 'requestedAccept' : 'requestedReject', {
            name: request.requestedBy.name,
            delegation: request.requestedBy.delegation,
          })}{' '}
          <strong className="suggestion-waiting">{keysText(`waitingFor.${missing}`)}</strong>
        </p>
        {(answering || requesting) && (
          <div className="suggestion-actions">
            {answering && (
              <button
                type="button"
                className="small confirm-suggestion"
                disabled={busy}
                onClick={() => onDecide(request.decision)}
              >
                {keysText(request.decision === 'accepted' ? 'confirmAccept' : 'confirmReject')}
              </button>
            )}
            <button
              type="button"
              className="small quiet withdraw-suggestion"
              disabled={busy}
              onClick={onWithdraw}
            >
              {keysText(answering ? 'decline' : 'withdraw')}
            </button>
          </div>
        )}
      </div>
    )
  }
  if (!mayDecide)
    return <p className="hint">{twoKeys ? keysText('coChairsDecide') : t('panel.otherDelegationDecides')}</p>
  return (
    <div className="suggestion-actions">
      <button
        type="button"
        className="small accept-suggestion"
        disabled={busy}
        onClick={() => onDecide('accepted')}
      >
        {t('panel.accept')}
      </button>
      <button
        type="button"
        className="small quiet reject-suggestion"
        disabled={busy}
        onClick={() => onDecide('rejected')}
      >
        {t('panel.reject')}
      </button>
    </div>
  )
}
