export type {
  AreaChange,
  ComparisonView,
  ExportFormat,
  ExportView,
  SuggestionExportView,
  MeetingFormat,
  MeetingView,
  SnapshotSummary,
  VersionRef,
} from './SnapshotSummary.ts'
export { exportFormats, exportViews, suggestionViews } from './SnapshotSummary.ts'
