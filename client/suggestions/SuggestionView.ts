/** Markup (suggestions visible), Final (as if all were accepted), Original (as if none were), or Authors. */
export type SuggestionView = 'markup' | 'final' | 'original' | 'authors'

export const suggestionViews: readonly SuggestionView[] = ['markup', 'final', 'original', 'authors']

/** Final and Original are reading views: typing beside hidden suggestions would be blind. */
export function isWritableView(view: SuggestionView): boolean {
  return view === 'markup' || view === 'authors'
}
