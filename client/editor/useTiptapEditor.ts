import { Editor, type EditorOptions } from '@tiptap/core'
import { type DependencyList, useLayoutEffect, useState } from 'react'

/**
 * A Tiptap editor that lives as long as `deps` stay the same: made before the first paint, destroyed when they
 * change or the component goes. @tiptap/react's `useEditor` does the same and also forwards changed options and
 * re-renders through `useEditorState`; the charter editor uses neither (every option it has is in `deps`), and
 * that machinery, with its deep comparison (fast-equals), was ~2.5 KB (compressed) of the initial script's
 * 200 KB budget (issue 16).
 */
export function useTiptapEditor(options: () => Partial<EditorOptions>, deps: DependencyList): Editor | null {
  const [editor, setEditor] = useState<Editor | null>(null)
  // biome-ignore lint/correctness/useExhaustiveDependencies: `deps` are the caller's, as for useEditor
  useLayoutEffect(() => {
    const created = new Editor(options())
    setEditor(created)
    return () => created.destroy()
  }, [...deps])
  return editor
}
