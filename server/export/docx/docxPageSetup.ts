import { AlignmentType, Footer, Header, PageNumber, Paragraph, TextRun } from 'docx'
import type { ExportLabels } from '../blocks/exportLabels.ts'
import { font } from './docxStyles.ts'

/**
 * Page setup shared by every Word export: margins, the red "DRAFT" header, and a footer with page numbers
 * followed by `footerLines` (snapshot names, dates and hashes).
 */
export function docxPageSetup(
  labels: Pick<ExportLabels, 'header' | 'pageOf'>,
  footerLines: readonly string[],
  header = labels.header,
) {
  // "Page {{page}} of {{pages}}" around Word's own page fields, in the export's language.
  const [beforePage = '', betweenPages = '', afterPages = ''] = labels
    .pageOf('\u0000', '\u0000')
    .split('\u0000')
  const small = { font, size: 16, color: '555555' }
  const centered = (children: TextRun[]) => new Paragraph({ alignment: AlignmentType.CENTER, children })
  return {
    properties: { page: { margin: { top: 1300, bottom: 1300, left: 1300, right: 1300 } } },
    headers: {
      default: new Header({
        children: [centered([new TextRun({ text: header, font, size: 18, bold: true, color: '8A1C1C' })])],
      }),
    },
    footers: {
      default: new Footer({
        children: [
          centered([
            new TextRun({
              ...small,
              children: [beforePage, PageNumber.CURRENT, betweenPages, PageNumber.TOTAL_PAGES, afterPages],
            }),
          ]),
          ...footerLines.map((line) => centered([new TextRun({ ...small, text: line })])),
        ],
      }),
    },
  }
}
