import type { PersonView } from '../../shared/api/index.ts'

/**
 * The `@words` in `text` that name nobody in `people`, read as the server reads mentions (server/comments/
 * findMentions.ts): right after the `@`, a login or a full name, case-insensitive, ending at a non-letter.
 */
export function unknownMentions(text: string, people: readonly PersonView[]): string[] {
  const lowered = text.toLowerCase()
  const handles = people.flatMap((person) => [person.login.toLowerCase(), person.name.toLowerCase()])
  const unknown = new Set<string>()
  for (const match of text.matchAll(/(^|[^\p{L}\p{N}])@([\p{L}\p{N}]+(?:[._-][\p{L}\p{N}]+)*)/gu)) {
    const rest = lowered.slice(match.index + match[1]!.length + 1)
    const known = handles.some(
      (handle) => rest.startsWith(handle) && !/[\p{L}\p{N}]/u.test(rest.charAt(handle.length)),
    )
    if (!known) unknown.add(`@${match[2]}`)
  }
  return [...unknown]
}
