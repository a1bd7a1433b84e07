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
