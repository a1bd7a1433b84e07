export type {
  AreaChange,
  ComparisonView,
  ExportFormat,
  MeetingFormat,
  MeetingView,
  SnapshotSummary,
  VersionRef,
} from './SnapshotSummary.ts'
export { exportFormats } from './SnapshotSummary.ts'
