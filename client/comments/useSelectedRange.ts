import type { Editor } from '@tiptap/react'
import { useEffect, useState } from 'react'
import { selectedRange, type TextRange } from './anchors.ts'

/**
 * The editor text the reader has selected now (see `selectedRange`), kept up to date.
 *
 * Reading the DOM selection makes Chromium lay the page out synchronously. A selection change is rare and the
 * reader's own, so it is read at once; a document change (every remote keystroke, ~100 a second with 20
 * typists) is read at most once per animation frame, when the frame lays the page out anyway.
 */
export function useSelectedRange(editor: Editor, dom: HTMLElement | null): TextRange | null {
  const [range, setRange] = useState<TextRange | null>(null)
  useEffect(() => {
    if (!dom) return
    const update = () => {
      if (editor.isDestroyed) return
      const next = selectedRange(editor.view)
      setRange((previous) => (previous?.from === next?.from && previous?.to === next?.to ? previous : next))
    }
    let frame: number | null = null
    const updateOnNextFrame = () => {
      if (frame !== null) return
      frame = requestAnimationFrame(() => {
        frame = null
        update()
      })
    }
    const ownerDocument = dom.ownerDocument
    ownerDocument.addEventListener('selectionchange', update)
    editor.on('selectionUpdate', update)
    editor.on('update', updateOnNextFrame)
    update()
    return () => {
      if (frame !== null) cancelAnimationFrame(frame)
      ownerDocument.removeEventListener('selectionchange', update)
      editor.off('selectionUpdate', update)
      editor.off('update', updateOnNextFrame)
    }
  }, [editor, dom])
  return range
}
