import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { findHardcodedText } from './findHardcodedText.ts'

function componentFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name)
    if (entry.isDirectory()) return componentFiles(full)
    return entry.name.endsWith('.tsx') ? [full] : []
  })
}

describe('user-visible text in the client', () => {
  it('finds hard-coded text in JSX, text attributes and JSX expressions', () => {
    const source = `
      export function Sample({ open, n }: { open: boolean; n: number }) {
        return (
          <div className="x" aria-label="Sections" data-area="preamble">
            Saved
            <input placeholder="Reply…" title={open ? 'Hide' : 'Show'} type="text" />
            {open && 'Loading'}
            {\`\${n} open\`}
            <span>{t('ok')} · {n}</span>
          </div>
        )
      }`
    expect(findHardcodedText(source, 'Sample.tsx').map((found) => found.text)).toEqual([
      'Sections',
      'Saved',
      'Reply…',
      'Hide',
      'Show',
      'Loading',
      'open',
    ])
  })

  it('are all taken from the translation resources', () => {
    const found = componentFiles(path.resolve('client')).flatMap((file) =>
      findHardcodedText(fs.readFileSync(file, 'utf8'), path.relative(process.cwd(), file)),
    )
    expect(found.map(({ file, line, text }) => `${file}:${line} ${text}`)).toEqual([])
  })
})
