import type { Extensions } from '@tiptap/core'
import { ArticleStructure } from './ArticleStructure.ts'
import { ArticleWithHandle, CrossReferenceWithNumber } from './articleNodeViews.ts'

/** The shared schema's extensions with the editor's article and cross-reference views, plus the structure. */
export function articleExtensions(base: Extensions): Extensions {
  const replaced: Record<string, Extensions[number]> = {
    article: ArticleWithHandle,
    crossReference: CrossReferenceWithNumber,
  }
  return [...base.map((extension) => replaced[extension.name] ?? extension), ArticleStructure]
}
