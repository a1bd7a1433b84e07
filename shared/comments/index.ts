export { decodeAnchorPosition, encodeAnchorPosition } from './anchorPosition.ts'
export type {
  CommentView,
  ThreadAnchor,
  ThreadArea,
  ThreadKind,
  ThreadStatus,
  ThreadView,
} from './ThreadView.ts'
export { commentLimits, documentOfThreads, threadsDocumentName, threadsMapName } from './ThreadView.ts'
