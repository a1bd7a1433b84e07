import type { KeyboardEvent } from 'react'

/** Keys of a composer's fields: Escape closes it, Ctrl/Cmd+Enter sends. */
export function composerKeys(submit: () => void, close: () => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      close()
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      submit()
    }
  }
}
