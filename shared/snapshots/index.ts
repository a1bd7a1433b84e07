export {
  documentEventsMapName,
  isRestoreNotice,
  type RestoreNotice,
  restoreNoticeKey,
} from './RestoreNotice.ts'
export type {
  AreaChange,
  ComparisonView,
  ExportFormat,
  ExportView,
  MeetingFormat,
  MeetingView,
  SnapshotSummary,
  SuggestionExportView,
  VersionRef,
} from './SnapshotSummary.ts'
export { exportFormats, exportViews, suggestionViews } from './SnapshotSummary.ts'
