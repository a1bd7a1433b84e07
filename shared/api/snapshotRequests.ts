import { z } from 'zod'
import { languages } from '../i18n/Language.ts'
import { exportFormats, exportViews, suggestionViews } from '../snapshots/index.ts'
import { requestFields } from './requestFields.ts'

const participantNames = z
  .array(z.string().max(120))
  .max(50)
  .default([])
  .transform((names) => names.map((name) => name.trim()).filter(Boolean))

/** "current" or a snapshot id, in a query string. */
const versionRef = z.union([z.literal('current'), z.coerce.number().int().positive()]).default('current')

const flag = z.enum(['0', '1']).optional()

/** Bodies and queries of the meeting, snapshot, comparison and export routes. */
export const snapshotRequests = {
  /** POST /api/meetings */
  createMeeting: z.object({
    title: requestFields.text(200),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
      .refine((date) => !Number.isNaN(Date.parse(date)), 'must be a real date'),
    format: z.enum(['online', 'in-person']),
    place: requestFields.optionalText(200),
    participants: z.object({ AZ: participantNames, US: participantNames }).default({ AZ: [], US: [] }),
    notes: requestFields.optionalText(10_000).transform((notes) => notes ?? ''),
  }),
  /** POST /api/documents/:name/snapshots */
  takeSnapshot: z.object({
    name: requestFields.text(200),
    meetingId: z
      .number()
      .int()
      .positive()
      .nullish()
      .transform((id) => id ?? null),
  }),
  /** GET /api/documents/:name/compare */
  compareQuery: z.object({ from: versionRef, to: versionRef }),
  /** GET /api/documents/:name/redline */
  redlineQuery: z.object({
    from: versionRef,
    to: versionRef,
    format: z.enum(['html', 'docx']).default('html'),
    inline: flag,
    /** Language of the labels (header, legend); the account's interface language if not given. */
    lang: z.enum(languages).optional(),
  }),
  /** GET /api/documents/:name/export */
  exportQuery: z.object({
    version: versionRef,
    format: z.enum(exportFormats).default('html'),
    /** `markup` (brackets with alternatives and proposers) or `clean` (only text outside brackets). */
    view: z.enum(exportViews).default('markup'),
    /** Suggestions tracked (`markup`, Word tracked changes), accepted (`final`) or left out (`original`). */
    suggestions: z.enum(suggestionViews).default('markup'),
    /** Only this delegation's suggestions; the others read as the original text. */
    suggestionsBy: z.enum(['AZ', 'US']).optional(),
    /** Only suggestions made since this snapshot (a round); earlier ones read as the original text. */
    since: z.coerce.number().int().positive().optional(),
    threads: flag,
    inline: flag,
    /** Language of the labels (header, footer, appendix); the account's interface language if not given. */
    lang: z.enum(languages).optional(),
  }),
}

export type CreateMeetingRequest = z.input<typeof snapshotRequests.createMeeting>
export type TakeSnapshotRequest = z.input<typeof snapshotRequests.takeSnapshot>
export type CompareQuery = z.input<typeof snapshotRequests.compareQuery>
export type RedlineQuery = z.input<typeof snapshotRequests.redlineQuery>
export type ExportQuery = z.input<typeof snapshotRequests.exportQuery>
