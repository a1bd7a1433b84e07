import type { Delegation } from '../../shared/roles/index.ts'

export interface CaretUser {
  name: string
  color: string
  delegation: Delegation | null
}

/** Another participant's caret: a coloured bar with a label "Name · AZ". Text is set as text, never as HTML. */
export function createCaret(user: CaretUser): HTMLElement {
  const caret = document.createElement('span')
  caret.className = 'collaboration-carets__caret'
  caret.style.borderColor = user.color
  const label = document.createElement('span')
  label.className = 'collaboration-carets__label'
  label.style.backgroundColor = user.color
  label.textContent = user.delegation ? `${user.name} · ${user.delegation}` : user.name
  caret.append(label)
  return caret
}
