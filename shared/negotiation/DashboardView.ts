import type { AreaId } from '../schema/priorityAreas.ts'
import type { ClauseStatus } from './clauseStatus.ts'

/** One article on the dashboard. */
export interface DashboardArticle {
  clauseId: string
  number: number
  status: ClauseStatus
  /** The move waiting for the other delegation's key, if any. */
  pending: { to: ClauseStatus; delegation: 'AZ' | 'US' } | null
  openBrackets: number
  openThreads: number
  words: number
  /** The first words of the article, to recognise it. */
  opening: string
}

export interface DashboardArea {
  area: AreaId
  articles: DashboardArticle[]
  agreed: number
  openBrackets: number
  /** Open threads about the area, whether on an article's text or on the area as a whole. */
  openThreads: number
}

/** What changed in one article since the last meeting's snapshot. */
export interface ArticleChange {
  clauseId: string
  number: number
  area: AreaId
  /** The article did not exist in the snapshot. */
  added: boolean
  wordsInserted: number
  wordsDeleted: number
  statusChanges: { from: ClauseStatus; to: ClauseStatus; at: string }[]
  bracketsOpened: number
  bracketsClosed: number
}

/** The state of the text at one round (a snapshot), for the progress chart. */
export interface RoundFigures {
  snapshotId: number | null
  name: string
  at: string
  articles: number
  agreedArticles: number
  openBrackets: number
}

/**
 * The co-chairs' view of a negotiation: where each article stands, how far from "all agreed", how long until
 * the deadline, what moved since the last meeting and how the rounds progressed. Every figure is computed on the
 * server from the document, the clause history and the threads at the moment of the request.
 */
export interface DashboardView {
  documentName: string
  title: string
  generatedAt: string
  deadline: string | null
  /** Whole days from today (UTC) to the deadline; negative once it has passed. */
  daysLeft: number | null
  totals: {
    articles: number
    /** Agreed ad referendum, agreed or initialled. */
    agreed: number
    byStatus: Record<ClauseStatus, number>
    openBrackets: number
    openThreads: number
  }
  areas: DashboardArea[]
  sinceLastMeeting: {
    snapshot: { id: number; name: string; createdAt: string; meetingTitle: string | null } | null
    articles: ArticleChange[]
  }
  /** Oldest first; the last entry is the current text. */
  rounds: RoundFigures[]
}
