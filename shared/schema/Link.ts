import { Mark, mergeAttributes } from '@tiptap/core'
import { safeLinkTarget } from './safeLinkTarget.ts'

/**
 * A link as a mark, and nothing more: the same name, attributes, HTML and JSON as Tiptap's Link extension (so
 * stored documents and exports are unchanged), without its autolinking, paste handling and click plugins, which
 * bring linkifyjs (~11 KB of the editor's initial script) and which a charter does not use: links arrive in
 * pasted HTML or stored documents. Only targets allowed by `safeLinkTarget` are parsed or rendered.
 */
export const Link = Mark.create({
  name: 'link',
  priority: 1000,
  keepOnSplit: false,
  exitable: true,
  inclusive: false,

  addAttributes() {
    return {
      href: { default: null, parseHTML: (element) => element.getAttribute('href') },
      target: { default: '_blank' },
      rel: { default: 'noopener noreferrer nofollow' },
      class: { default: null },
      title: { default: null },
    }
  },

  parseHTML() {
    return [
      {
        tag: 'a[href]',
        getAttrs: (element) => (safeLinkTarget(element.getAttribute('href')) === null ? false : null),
      },
    ]
  },

  renderHTML({ HTMLAttributes }) {
    const defaults = { target: '_blank', rel: 'noopener noreferrer nofollow', class: null }
    const href = safeLinkTarget(HTMLAttributes.href) === null ? '' : HTMLAttributes.href
    return ['a', mergeAttributes(defaults, { ...HTMLAttributes, href }), 0]
  },
})
