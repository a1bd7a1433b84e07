import { Extension, Mark, mergeAttributes } from '@tiptap/core'
import { dataAttribute } from './dataAttribute.ts'

/**
 * The attributes every suggestion mark carries. `id` is a UUID shared by the pieces of one suggestion; `by`
 * (account id), `name` and `delegation` are the author as the session knows them, and the server refuses an
 * update whose suggestion claims anyone else; `at` is when the author made it (ISO 8601).
 */
function suggestionAttributes() {
  return {
    id: dataAttribute('id', 'data-suggestion-id'),
    by: dataAttribute('by', 'data-suggestion-by'),
    name: dataAttribute('name', 'data-suggestion-name'),
    delegation: dataAttribute('delegation', 'data-delegation'),
    at: dataAttribute('at', 'data-suggestion-at'),
  }
}

/** A tooltip naming the author, their delegation and the time (UTC, as stored), so colour is not the only cue. */
function authorTitle(attrs: Record<string, unknown>): Record<string, string> {
  const { name, delegation, at } = attrs
  if (typeof name !== 'string' || typeof delegation !== 'string') return {}
  const time = typeof at === 'string' ? ` · ${at.slice(0, 16).replace('T', ' ')} UTC` : ''
  return { title: `${name} (${delegation})${time}` }
}

/**
 * Text proposed for insertion (track changes). A mark, not a node: suggestions cover arbitrary runs of text and
 * y-tiptap keeps one formatting attribute per mark name, which is all an insertion needs (a run is inserted by one
 * author). Not inclusive: typing right after someone's insertion does not extend it. An insertion and a deletion
 * may cover the same text (one delegation proposes to delete what the other proposed to insert, possibly
 * concurrently), so neither excludes the other.
 */
export const SuggestedInsertion = Mark.create({
  name: 'insertion',
  inclusive: false,
  priority: 1100,

  addAttributes: suggestionAttributes,

  parseHTML() {
    return [{ tag: 'ins[data-suggestion-id]' }]
  },

  renderHTML({ HTMLAttributes, mark }) {
    return [
      'ins',
      mergeAttributes(HTMLAttributes, authorTitle(mark.attrs), {
        class: 'charter-suggestion charter-insertion',
      }),
      0,
    ]
  },
})

/** Text proposed for deletion: it stays in the document, struck through, until a decision removes it or the mark. */
export const SuggestedDeletion = Mark.create({
  name: 'deletion',
  inclusive: false,
  priority: 1100,

  addAttributes: suggestionAttributes,

  parseHTML() {
    return [{ tag: 'del[data-suggestion-id]' }]
  },

  renderHTML({ HTMLAttributes, mark }) {
    return [
      'del',
      mergeAttributes(HTMLAttributes, authorTitle(mark.attrs), {
        class: 'charter-suggestion charter-deletion',
      }),
      0,
    ]
  },
})

/**
 * A paragraph proposed as a whole (Enter in Suggesting mode): block marks do not survive y-tiptap, so the
 * suggestion is a node attribute holding the same fields as the marks, with `kind`. The text typed into it
 * carries an insertion mark with the same id, so one decision takes or drops both.
 */
export const SuggestedBlocks = Extension.create({
  name: 'suggestedBlocks',

  addGlobalAttributes() {
    return [
      {
        types: ['paragraph'],
        attributes: {
          suggestion: {
            default: null,
            // Splitting a suggested paragraph does not make the new half someone's suggestion.
            keepOnSplit: false,
            parseHTML: (element: HTMLElement) => {
              const value = element.getAttribute('data-suggestion')
              if (!value) return null
              try {
                return JSON.parse(value) as unknown
              } catch {
                return null
              }
            },
            renderHTML: (attributes: Record<string, unknown>) => {
              const suggestion = attributes.suggestion as Record<string, unknown> | null
              if (!suggestion || typeof suggestion !== 'object') return {}
              return {
                'data-suggestion': JSON.stringify(suggestion),
                'data-suggestion-kind': String(suggestion.kind),
                'data-delegation': String(suggestion.delegation),
                class: 'charter-suggested-block',
                ...authorTitle(suggestion),
              }
            },
          },
        },
      },
    ]
  },
})
