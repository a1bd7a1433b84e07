/** Labels printed in exported documents (every format). */
export const exportLabels = {
  draft: 'DRAFT',
  header: '{{draft}} — {{snapshot}} — {{date}}',
  footer: 'Snapshot “{{snapshot}}” · {{date}} · SHA-256 {{hash}}',
  snapshotLine: 'Snapshot “{{snapshot}}” · {{date}}',
  untitledSnapshot: 'Untitled snapshot',
  currentDraft: 'Current draft',
  untitledDocument: 'Charter',
  unknownHash: 'unknown',
  pageOf: 'Page {{page}} of {{pages}}',
  appendixTitle: 'Appendix — Comment threads',
  threadHeading: 'Thread {{number}} — {{area}} — {{status}}',
  statusOpen: 'Open',
  statusResolved: 'Resolved',
  delegationAZ: 'Azerbaijani delegation',
  delegationUS: 'US delegation',
  byline: '{{author}} ({{delegation}})',
  unknownAuthor: 'Unknown',
  otherArea: 'Other',
  commentDeleted: '[comment deleted]',
  noThreads: 'No comment threads.',
  redlineHeader: 'REDLINE — {{header}}',
  redlineCompared:
    'Redline of “{{snapshot}}” ({{date}}, SHA-256 {{hash}}) against “{{base}}” ({{baseDate}}, SHA-256 {{baseHash}}).',
  redlineCounts:
    '{{changed}} changed blocks; {{inserted}} words inserted ({{insertedSample}}), {{deleted}} words deleted ({{deletedSample}}).',
  redlineSample: 'like this',
  comparedFooter: 'Compared: {{footer}}',
  baseFooter: 'Base: {{footer}}',
  /** Superscript after each alternative: who proposed it. */
  proposerAZ: 'AZ',
  proposerUS: 'US',
  proposerJoint: 'Joint',
  /** Opens one option of a paragraph-level choice: "[Option 1 (AZ): …]". */
  optionLabel: 'Option {{number}} ({{proposer}})',
  /** Running header of the clean view, so a clean paper copy is never taken for the full markup. */
  optionUnknown: 'Option {{number}}',
  cleanHeader: '{{header}} — CLEAN TEXT',
  notesTitle: 'Notes on this text',
  notationNote:
    'Text in square brackets is not agreed. The superscript after each alternative names who proposed it: AZ — Azerbaijani delegation; US — US delegation; Joint — the co-chairs jointly (bridging proposal). A paragraph-level choice reads [Option 1 (AZ): …] [Option 2 (US): …].',
  cleanNote_one:
    'Clean text: only the text outside brackets is shown; {{count}} open bracket is collapsed to “[…]”.',
  cleanNote_other:
    'Clean text: only the text outside brackets is shown; {{count}} open brackets are collapsed to “[…]”.',
  cleanNoBrackets: 'Clean text: no bracket is open.',
  brokenReferences_one:
    '{{count}} cross-reference points to an article that has been deleted; it is shown as “Article [?]”.',
  brokenReferences_other:
    '{{count}} cross-references point to articles that have been deleted; they are shown as “Article [?]”.',
  redlineBrackets: 'Brackets: {{opened}} opened, {{cleaned}} cleaned.',
  /** The standard caveat, printed whenever an article is agreed (or was, and is reopened). */
  statusCaveat: 'Nothing is agreed until everything is agreed.',
} as const
