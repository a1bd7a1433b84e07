import type { Extensions } from '@tiptap/core'
import { Blockquote } from '@tiptap/extension-blockquote'
import { Bold } from '@tiptap/extension-bold'
import { Document } from '@tiptap/extension-document'
import { HardBreak } from '@tiptap/extension-hard-break'
import { Heading } from '@tiptap/extension-heading'
import { Italic } from '@tiptap/extension-italic'
import { BulletList } from '@tiptap/extension-list/bullet-list'
import { ListItem } from '@tiptap/extension-list/item'
import { ListKeymap } from '@tiptap/extension-list/keymap'
import { OrderedList } from '@tiptap/extension-list/ordered-list'
import { Paragraph } from '@tiptap/extension-paragraph'
import { Strike } from '@tiptap/extension-strike'
import { Text } from '@tiptap/extension-text'
import { Underline } from '@tiptap/extension-underline'
import { Dropcursor } from '@tiptap/extensions/drop-cursor'
import { Gapcursor } from '@tiptap/extensions/gap-cursor'
import { AlternativeOption, Alternatives } from './Alternatives.ts'
import { Article } from './Article.ts'
import { Bracket, BracketAlternative } from './Bracket.ts'
import { CharterSection } from './CharterSection.ts'
import { CrossReference } from './CrossReference.ts'
import { Link } from './Link.ts'
import { SignatureBlock } from './SignatureBlock.ts'
import { SuggestedBlocks, SuggestedDeletion, SuggestedInsertion } from './Suggestion.ts'

/**
 * The document schema, shared by the editor, the server's validation and the exporters: StarterKit's extensions in
 * StarterKit's order, without the ones a charter leaves out (code, code blocks, rules, the trailing node) and with
 * our own Link mark. Listed one by one rather than through StarterKit, which imports every extension it can enable
 * (Tiptap's Link with linkifyjs, the code block, prosemirror-history) into the client's initial script; the lists and
 * cursors come from their packages' subpaths, whose index bundles carry task lists and undo/redo. Undo/redo
 * is left out because collaborative undo (own changes only) comes from the Collaboration extension.
 */
export const charterExtensions: Extensions = [
  Bold,
  Blockquote,
  BulletList,
  Document,
  Dropcursor,
  Gapcursor,
  HardBreak,
  Heading,
  Italic,
  ListItem,
  ListKeymap,
  Link,
  OrderedList,
  Paragraph,
  Strike,
  Text,
  Underline,
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
