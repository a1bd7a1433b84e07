import type { Editor } from '@tiptap/react'
import { useEffect, useState } from 'react'
import { selectedRange, type TextRange } from './anchors.ts'

/** The editor text the reader has selected now (see `selectedRange`), kept up to date. */
export function useSelectedRange(editor: Editor, dom: HTMLElement | null): TextRange | null {
  const [range, setRange] = useState<TextRange | null>(null)
  useEffect(() => {
    if (!dom) return
    const update = () => {
      if (editor.isDestroyed) return
      const next = selectedRange(editor.view)
      setRange((previous) => (previous?.from === next?.from && previous?.to === next?.to ? previous : next))
    }
    const ownerDocument = dom.ownerDocument
    ownerDocument.addEventListener('selectionchange', update)
    editor.on('selectionUpdate', update)
    editor.on('update', update)
    update()
    return () => {
      ownerDocument.removeEventListener('selectionchange', update)
      editor.off('selectionUpdate', update)
      editor.off('update', update)
    }
  }, [editor, dom])
  return range
}
