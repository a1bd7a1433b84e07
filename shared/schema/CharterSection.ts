import { mergeAttributes, Node } from '@tiptap/core'
import { isAreaId } from './priorityAreas.ts'

/**
 * A top-level section of the charter. It carries its priority-area id so navigation, comment threads and
 * per-area status can be derived from the document itself.
 */
export const CharterSection = Node.create({
  name: 'charterSection',
  group: 'block',
  content: 'heading block*',
  defining: true,
  isolating: true,

  addAttributes() {
    return {
      area: {
        default: 'other',
        parseHTML: (element: HTMLElement) => {
          const area = element.getAttribute('data-area')
          return isAreaId(area) ? area : 'other'
        },
        renderHTML: (attributes: Record<string, unknown>) => ({ 'data-area': attributes.area }),
      },
    }
  },

  parseHTML() {
    return [{ tag: 'section[data-area]' }]
  },

  renderHTML({ HTMLAttributes }) {
    return ['section', mergeAttributes(HTMLAttributes, { class: 'charter-section' }), 0]
  },
})
