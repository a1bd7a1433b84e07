/** Labels printed in exported documents (every format). */
export const exportLabels = {
  draft: 'DRAFT',
  header: '{{draft}} — {{snapshot}} — {{date}}',
  footer: 'Snapshot “{{snapshot}}” · {{date}} · SHA-256 {{hash}}',
  untitledSnapshot: 'Untitled snapshot',
  untitledDocument: 'Charter',
  unknownHash: 'unknown',
  pageOf: 'page {{page}} of {{pages}}',
  appendixTitle: 'Appendix: comment threads',
  resolved: 'resolved',
  open: 'open',
  redlineTitle: 'Changes from “{{from}}” to “{{to}}”',
  inserted: 'inserted',
  deleted: 'deleted',
} as const
