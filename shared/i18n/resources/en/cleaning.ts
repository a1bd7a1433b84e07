/** Cleaning a bracket under the two-key rule (client/negotiation/CleaningControls). */
export const cleaning = {
  title: 'Clean this bracket',
  keep: 'Keep',
  keepNone: 'None (drop every alternative)',
  request: 'Request cleaning',
  requestedKeep: '{{name}} ({{delegation}}) asks to keep “{{text}}”.',
  requestedDrop: '{{name}} ({{delegation}}) asks to drop every alternative.',
  waitingForOther: 'Waiting for a co-chair of the other delegation.',
  confirm: 'Confirm',
  decline: 'Decline',
  cancel: 'Cancel request',
  declined: '{{name}} ({{delegation}}) declined the last request.',
  cleaned: 'Cleaned: “{{text}}” stands, agreed by {{requester}} and {{confirmer}}.',
  cleanedDropped: 'Cleaned: every alternative dropped, agreed by {{requester}} and {{confirmer}}.',
  proposer: {
    AZ: 'AZ',
    US: 'US',
    joint: 'Co-chairs jointly',
  },
} as const
