import type { Delegation } from '../../shared/roles/index.ts'

export interface CaretUser {
  name: string
  color: string
  delegation: Delegation | null
  /** Their awareness client id, by which `watchCaretActivity` finds the caret when they move or type. */
  clientId?: number
}

/** How long a caret's name stays up after its owner last moved or typed. */
export const caretLabelMs = 3000

/**
 * Another participant's caret: a coloured bar with a small head and a label "Name · AZ". The label sits above
 * the line, so it shows only while its owner is active (and on hover) instead of hiding the line above for good.
 * Text is set as text, never as HTML.
 */
export function createCaret(user: CaretUser): HTMLElement {
  const caret = document.createElement('span')
  caret.className = 'collaboration-carets__caret is-active'
  caret.style.borderColor = user.color
  caret.style.color = user.color
  if (user.clientId !== undefined) caret.dataset.clientId = String(user.clientId)
  const label = document.createElement('span')
  label.className = 'collaboration-carets__label'
  label.style.backgroundColor = user.color
  label.textContent = user.delegation ? `${user.name} · ${user.delegation}` : user.name
  caret.append(label)
  // Measured once ProseMirror has put it in the page.
  requestAnimationFrame(() => markActive([caret]))
  return caret
}

const hideTimers = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>()

/**
 * Shows these carets' labels for `caretLabelMs` more, each opening to the left of its caret where it would
 * otherwise run past the page's right edge and be cut off. Reads every position first, then writes; call it in
 * an animation frame.
 */
export function markActive(carets: readonly HTMLElement[]): void {
  const placed = carets.filter((caret) => caret.isConnected)
  const flips = placed.map((caret) => {
    const label = caret.firstElementChild
    const page = caret.closest('.page')
    if (!label || !page) return false
    const caretLeft = caret.getBoundingClientRect().left
    return caretLeft + label.getBoundingClientRect().width > page.getBoundingClientRect().right
  })
  placed.forEach((caret, index) => {
    caret.classList.toggle('is-flipped', flips[index])
    caret.classList.add('is-active')
    clearTimeout(hideTimers.get(caret))
    hideTimers.set(
      caret,
      setTimeout(() => caret.classList.remove('is-active'), caretLabelMs),
    )
  })
}
