import type { editor as english } from '../en/editor.ts'
import type { Translation } from '../Translation.ts'

export const editor: Translation<typeof english> = {
  toolbar: {
    label: 'Formatlama',
    withShortcut: '{{label}} ({{shortcut}})',
    paragraph: 'Əsas mətn',
    heading2: 'Başlıq',
    heading3: 'Alt başlıq',
    bold: 'Qalın',
    italic: 'Kursiv',
    underline: 'Altından xətt',
    bulletList: 'Markerli siyahı',
    orderedList: 'Nömrəli siyahı',
    undo: 'Son dəyişikliyimi geri al',
    redo: 'Dəyişikliyimi təkrarla',
  },
  navigator: {
    label: 'Bölmələr',
    noArticles: 'Maddə yoxdur',
    article: 'Maddə {{number}}',
    articles: 'Maddələr {{first}}–{{last}}',
    priorityArea: 'Prioritet sahə {{number}} · ',
    openThreads_one: '{{count}} açıq müzakirə',
    openThreads_other: '{{count}} açıq müzakirə',
  },
}
