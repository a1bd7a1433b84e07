import type { Awareness } from 'y-protocols/awareness'
import { markActive } from './createCaret.ts'

/**
 * Brings up a participant's caret label whenever their awareness state changes (they moved or typed). Carets are
 * looked up by client id once per frame, however many updates arrive, to stay off the typing path. Returns the
 * function that stops watching.
 */
export function watchCaretActivity(awareness: Awareness): () => void {
  const pending = new Set<number>()
  let frame: number | null = null
  const flush = () => {
    frame = null
    const carets = [...pending].flatMap((clientId) => [
      ...document.querySelectorAll<HTMLElement>(`.collaboration-carets__caret[data-client-id="${clientId}"]`),
    ])
    pending.clear()
    if (carets.length > 0) markActive(carets)
  }
  const onChange = ({ updated }: { updated: number[] }) => {
    for (const clientId of updated) if (clientId !== awareness.clientID) pending.add(clientId)
    frame ??= requestAnimationFrame(flush)
  }
  awareness.on('change', onChange)
  return () => {
    awareness.off('change', onChange)
    if (frame !== null) cancelAnimationFrame(frame)
  }
}
