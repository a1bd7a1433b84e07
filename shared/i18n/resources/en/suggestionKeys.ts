/** Deciding suggestions under the two-key rule (client/suggestions/SuggestionsPanel). */
export const suggestionKeys = {
  coChairsDecide: 'Both co-chairs decide on this suggestion (two keys).',
  requestedAccept: '{{name}} ({{delegation}}) asks to accept it.',
  requestedReject: '{{name}} ({{delegation}}) asks to reject it.',
  waitingFor: {
    AZ: 'Waiting for the AZ co-chair',
    US: 'Waiting for the US co-chair',
  },
  confirmAccept: 'Confirm acceptance',
  confirmReject: 'Confirm rejection',
  decline: 'Decline',
  withdraw: 'Withdraw request',
  setting: 'Two keys: both co-chairs decide every suggestion',
} as const
