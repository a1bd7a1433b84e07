import type { Editor } from '@tiptap/react'
import { useEffect, useState } from 'react'

function mountedDom(editor: Editor): HTMLElement | null {
  if (editor.isDestroyed) return null
  try {
    return editor.view.dom
  } catch {
    // Tiptap throws while the view is not mounted yet.
    return null
  }
}

/** The editor's DOM element once its view is mounted, null before (and after it is unmounted). */
export function useEditorDom(editor: Editor): HTMLElement | null {
  const [dom, setDom] = useState(() => mountedDom(editor))
  useEffect(() => {
    const update = () => setDom(mountedDom(editor))
    const clear = () => setDom(null)
    editor.on('mount', update)
    editor.on('unmount', clear)
    editor.on('create', update)
    update()
    return () => {
      editor.off('mount', update)
      editor.off('unmount', clear)
      editor.off('create', update)
    }
  }, [editor])
  return dom
}
