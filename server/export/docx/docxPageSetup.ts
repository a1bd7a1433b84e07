import { AlignmentType, Footer, Header, PageNumber, Paragraph, TextRun } from 'docx'
import { font } from './docxStyles.ts'

/**
 * Page setup shared by every Word export: margins, the red "DRAFT" header, and a footer with page numbers
 * followed by `footerLines` (snapshot names, dates and hashes).
 */
export function docxPageSetup(header: string, footerLines: readonly string[]) {
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
              children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
            }),
          ]),
          ...footerLines.map((line) => centered([new TextRun({ ...small, text: line })])),
        ],
      }),
    },
  }
}
