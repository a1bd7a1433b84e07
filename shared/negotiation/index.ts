export type {
  AlternativeRecord,
  BracketActor,
  BracketRecord,
  BracketState,
  CleaningRecord,
  CleaningStatus,
} from './BracketRecord.ts'
export { bracketStates } from './BracketRecord.ts'
export { bracketsDocumentName, bracketsMapName, documentOfBrackets } from './bracketsChannel.ts'
export { canCleanBrackets, mayAnswerCleaning } from './cleaningRules.ts'
