/** The drafting room: toolbar and section navigator. */
export const editor = {
  toolbar: {
    label: 'Formatting',
    withShortcut: '{{label}} ({{shortcut}})',
    paragraph: 'Body text',
    heading2: 'Heading',
    heading3: 'Subheading',
    bold: 'Bold',
    italic: 'Italic',
    underline: 'Underline',
    bulletList: 'Bulleted list',
    orderedList: 'Numbered list',
    undo: 'Undo my last change',
    redo: 'Redo my change',
  },
  navigator: {
    label: 'Sections',
    noArticles: 'No articles',
    article: 'Article {{number}}',
    articles: 'Articles {{first}}–{{last}}',
    priorityArea: 'Priority area {{number}} · ',
    openThreads_one: '{{count}} open comment thread',
    openThreads_other: '{{count}} open comment threads',
  },
} as const
