/** The time zone of the person reading, for every date shown that is not a meeting's. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}
