import type { Delegation } from '../roles/index.ts'

/** Caret colours: each delegation has its own family, so you can tell the side at a glance. */
const palettes: Record<Delegation, readonly string[]> = {
  AZ: ['#00798c', '#1f6fb2', '#2e8540', '#00658f', '#3a7d44'],
  US: ['#b22234', '#3c3b6e', '#8c2d5a', '#a4462a', '#5b3f8c'],
}

export const delegationLabels: Record<Delegation, string> = {
  AZ: 'Azerbaijan',
  US: 'United States',
}

export function colorFor(delegation: Delegation, name: string): string {
  const palette = palettes[delegation]
  let hash = 0
  for (const character of name) hash = (hash * 31 + (character.codePointAt(0) ?? 0)) >>> 0
  return palette[hash % palette.length] ?? palette[0]!
}
