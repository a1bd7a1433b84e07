export type { AccountView, SessionView } from './AccountView.ts'
export type { CreateInvitationRequest, UpdateUserRequest } from './adminRequests.ts'
export { adminRequests } from './adminRequests.ts'
export type {
  AcceptInvitationRequest,
  CreateTokenRequest,
  SetLanguageRequest,
  SetupRequest,
  SignInLinkRequest,
  SignInRequest,
} from './authRequests.ts'
export { authRequests } from './authRequests.ts'
export type { LinkThreadRequest, RequestCleaningRequest } from './bracketRequests.ts'
export { bracketIdPattern, bracketRequests } from './bracketRequests.ts'
export type { DocumentSummary } from './DocumentSummary.ts'
export type { CreateDocumentRequest } from './documentRequests.ts'
export { documentRequests } from './documentRequests.ts'
export type { PersonView } from './PersonView.ts'
export type {
  CompareQuery,
  CreateMeetingRequest,
  ExportQuery,
  RedlineQuery,
  TakeSnapshotRequest,
} from './snapshotRequests.ts'
export { snapshotRequests } from './snapshotRequests.ts'
export type { DecideSuggestionsRequest, SuggestionPolicyRequest } from './suggestionRequests.ts'
export { suggestionRequests } from './suggestionRequests.ts'
export type { CreateThreadRequest, EditCommentRequest, ReplyRequest } from './threadRequests.ts'
export { threadRequests } from './threadRequests.ts'
