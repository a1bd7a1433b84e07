export type { DecisionOutcome, SuggestionChange, SuggestionDecision } from './SuggestionDecision.ts'
export type { SuggestionKind, SuggestionMark } from './SuggestionMark.ts'
export { isSuggestionId, readSuggestionMark, suggestionKinds } from './SuggestionMark.ts'
export type { SuggestionFilter, SuggestionPolicy, TextAccess } from './suggestionRules.ts'
export {
  canSetSuggestionPolicy,
  defaultSuggestionPolicy,
  mayDecideSuggestion,
  passesSuggestionFilter,
  textAccessOf,
} from './suggestionRules.ts'
