import type { IStylesOptions } from 'docx'

// Times New Roman ships with Word on every platform and covers Azerbaijani Latin (ə, ğ, ı, ş) and Cyrillic.
export const font = 'Times New Roman'
export const listIndent = 360 // twips per list level (0.25 in)

/** Paragraph and heading styles shared by the Word exports. */
export const docxStyles: IStylesOptions = {
  default: {
    document: { run: { font, size: 24 }, paragraph: { spacing: { line: 276 } } },
    title: { run: { font, size: 36, bold: true, color: '000000' }, paragraph: { alignment: 'center' } },
    heading1: {
      run: { font, size: 28, bold: true, color: '000000' },
      paragraph: { spacing: { before: 360, after: 160 }, keepNext: true },
    },
    heading2: {
      run: { font, size: 25, bold: true, color: '000000' },
      paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
    },
    heading3: { run: { font, size: 24, bold: true, color: '000000' }, paragraph: { keepNext: true } },
    heading4: { run: { font, size: 24, italics: true, color: '000000' }, paragraph: { keepNext: true } },
  },
}
