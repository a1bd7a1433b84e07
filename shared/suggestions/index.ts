export type {
  DecisionOutcome,
  SuggestionChange,
  SuggestionDecider,
  SuggestionDecision,
  SuggestionRequest,
} from './SuggestionDecision.ts'
export type { BlockSuggestion, SuggestionKind, SuggestionMark } from './SuggestionMark.ts'
export { isSuggestionId, readBlockSuggestion, readSuggestionMark, suggestionKinds } from './SuggestionMark.ts'
export type { SuggestionFilter, SuggestionPolicy, TextAccess } from './suggestionRules.ts'
export {
  canSetSuggestionPolicy,
  defaultSuggestionPolicy,
  mayAnswerSuggestionRequest,
  mayDecideSuggestion,
  passesSuggestionFilter,
  textAccessOf,
} from './suggestionRules.ts'
