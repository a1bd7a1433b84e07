import { mergeAttributes, Node } from '@tiptap/core'

export type Party = 'AZ' | 'US'

/** Signature block of one party, placed in the final provisions. */
export const SignatureBlock = Node.create({
  name: 'signatureBlock',
  group: 'block',
  content: 'paragraph+',
  defining: true,

  addAttributes() {
    return {
      party: {
        default: 'AZ',
        parseHTML: (element: HTMLElement) => (element.getAttribute('data-party') === 'US' ? 'US' : 'AZ'),
        renderHTML: (attributes: Record<string, unknown>) => ({ 'data-party': attributes.party }),
      },
    }
  },

  parseHTML() {
    return [{ tag: 'div[data-type="signature-block"]' }]
  },

  renderHTML({ HTMLAttributes }) {
    return [
      'div',
      mergeAttributes(HTMLAttributes, { 'data-type': 'signature-block', class: 'signature-block' }),
      0,
    ]
  },
})
