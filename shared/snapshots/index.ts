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
  VersionRef,
} from './SnapshotSummary.ts'
export { exportFormats, exportViews } from './SnapshotSummary.ts'
