import type { Extensions } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { AlternativeOption, Alternatives } from './Alternatives.ts'
import { Article } from './Article.ts'
import { Bracket, BracketAlternative } from './Bracket.ts'
import { CharterSection } from './CharterSection.ts'
import { CrossReference } from './CrossReference.ts'
import { SignatureBlock } from './SignatureBlock.ts'
import { SuggestedBlocks, SuggestedDeletion, SuggestedInsertion } from './Suggestion.ts'
import { linkSchemes, safeLinkTarget } from './safeLinkTarget.ts'

/**
 * The document schema, shared by the editor, the server's validation and the exporters.
 * Undo/redo is left out because collaborative undo (own changes only) comes from the Collaboration extension.
 */
export const charterExtensions: Extensions = [
  StarterKit.configure({
    undoRedo: false,
    codeBlock: false,
    code: false,
    horizontalRule: false,
    trailingNode: false,
    link: {
      openOnClick: false,
      autolink: false,
      protocols: [...linkSchemes],
      isAllowedUri: (url, context) => safeLinkTarget(url) !== null && context.defaultValidate(url),
    },
  }),
  CharterSection,
  Article,
  Bracket,
  BracketAlternative,
  Alternatives,
  AlternativeOption,
  CrossReference,
  SignatureBlock,
  SuggestedInsertion,
  SuggestedDeletion,
  SuggestedBlocks,
]

/** Name of the Y.XmlFragment that holds the document (Tiptap Collaboration's default field). */
export const documentField = 'default'
