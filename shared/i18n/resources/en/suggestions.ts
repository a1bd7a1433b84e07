/** Tracked changes: the mode switch, views, notices and the suggestions panel (client/suggestions). */
export const suggestions = {
  mode: {
    label: 'Mode',
    editing: 'Editing',
    suggesting: 'Suggesting',
    viewing: 'Viewing',
  },
  view: {
    label: 'Suggestions',
    markup: 'Markup',
    final: 'Final',
    original: 'Original',
    authors: 'Show authors',
    readOnlyBanner: 'This view shows the text without markup. Switch to Markup to write.',
  },
  filter: {
    label: 'Show suggestions of',
    all: 'Both delegations',
    delegation: '{{delegation}} delegation',
    sinceLabel: 'Show suggestions made since',
    allRounds: 'All rounds',
    since: 'Since “{{name}}”',
  },
  notice: {
    suggestStructure:
      'In Suggesting mode, changes stay within one paragraph; to suggest a new paragraph, press Enter at the end of one. Splitting, joining and moving blocks cannot be suggested yet.',
    suggestForeign:
      'That text is someone else’s suggestion: accept or reject it, or comment on it, instead of changing it.',
    suggestFormatting: 'In Suggesting mode, formatting can change only inside your own suggestions.',
  },
  suggestOnlyBanner:
    'This document takes suggestions only: your changes are tracked for the other delegation to decide.',
  panel: {
    title: 'Suggestions',
    empty: 'No open suggestions.',
    inserted: 'Insert “{{text}}”',
    deleted: 'Delete “{{text}}”',
    replaced: 'Replace “{{deleted}}” with “{{inserted}}”',
    by: '{{name}} ({{delegation}}), {{time}}',
    accept: 'Accept',
    reject: 'Reject',
    acceptAll: 'Accept all of {{delegation}}',
    rejectAll: 'Reject all of {{delegation}}',
    acceptArticle: 'Accept all in this article',
    decidedBy: '{{decision}} by {{name}} ({{delegation}})',
    accepted: 'Accepted',
    rejected: 'Rejected',
    otherDelegationDecides: 'The other delegation decides on this suggestion.',
    failed: 'The decision was not taken: {{message}}',
  },
  settings: {
    title: 'Suggestion settings',
    required: 'Require suggestions (nobody edits the text directly)',
    reviewersSuggest: 'Reviewers may suggest',
  },
} as const
