import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

export interface PdfFonts {
  bold: Buffer
  italic: Buffer
  boldItalic: Buffer
  sans: Buffer
  sansBold: Buffer
  /** The regular face goes by path: PDFKit's constructor opens it, so it never loads its built-in Helvetica. */
  regularPath: string
}

const files = {
  regular: 'DejaVuSerif.ttf',
  bold: 'DejaVuSerif-Bold.ttf',
  italic: 'DejaVuSerif-Italic.ttf',
  boldItalic: 'DejaVuSerif-BoldItalic.ttf',
  sans: 'DejaVuSans.ttf',
  sansBold: 'DejaVuSans-Bold.ttf',
} as const

let cached: PdfFonts | null = null

/**
 * DejaVu from the `dejavu-fonts-ttf` npm package: it covers Azerbaijani Latin (Ə ə, Ğ ğ, İ ı, Ş ş) and
 * Cyrillic, and coming from node_modules it does not depend on the fonts installed on the machine.
 * Read once per process (or worker) and kept.
 */
export function pdfFonts(): PdfFonts {
  if (cached) return cached
  const require = createRequire(import.meta.url)
  const path = (file: string) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`)
  const read = (file: string) => readFileSync(path(file))
  cached = {
    bold: read(files.bold),
    italic: read(files.italic),
    boldItalic: read(files.boldItalic),
    sans: read(files.sans),
    sansBold: read(files.sansBold),
    regularPath: path(files.regular),
  }
  return cached
}
