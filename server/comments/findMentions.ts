import type { Account } from '../auth/Account.ts'

/**
 * Accounts mentioned as `@login` or `@Full Name` (case-insensitive), longest names first so "@Ann Lee"
 * is not read as "@Ann".
 */
export function findMentions(text: string, accounts: readonly Account[]): number[] {
  const lowered = text.toLowerCase()
  const found = new Set<number>()
  const candidates = accounts
    .flatMap((account) => [
      { id: account.id, handle: account.login.toLowerCase() },
      { id: account.id, handle: account.name.toLowerCase() },
    ])
    .sort((a, b) => b.handle.length - a.handle.length)
  for (let index = lowered.indexOf('@'); index !== -1; index = lowered.indexOf('@', index + 1)) {
    const rest = lowered.slice(index + 1)
    const match = candidates.find(
      (candidate) =>
        rest.startsWith(candidate.handle) && !/[\p{L}\p{N}]/u.test(rest.charAt(candidate.handle.length)),
    )
    if (match) found.add(match.id)
  }
  return [...found]
}
