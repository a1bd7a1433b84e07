export type { AccountView, SessionView } from './AccountView.ts'
export type { DocumentSummary } from './DocumentSummary.ts'
