import fs from 'node:fs'
import path from 'node:path'
import { launchBrowser } from '../test/helpers/launchBrowser.ts'

/**
 * Renders the app's PNG icons from `client/public/icon.svg` in headless Chromium: the manifest's 192 and 512 px
 * icons, a maskable 512 px one (square, the mark shrunk into the safe circle of radius 40 %), and the 180 px
 * apple-touch-icon. Run after changing the SVG: `npx tsx build/renderIcons.ts`; the PNGs are committed.
 */
const publicDir = path.resolve(import.meta.dirname, '../client/public')
const svg = fs.readFileSync(path.join(publicDir, 'icon.svg'), 'utf8')
const maskable = svg
  .replace('rx="112"', 'rx="0"')
  .replace('<g id="mark">', '<g id="mark" transform="translate(256 256) scale(0.86) translate(-256 -256)">')

const renders = [
  { file: 'icon-192.png', size: 192, source: svg },
  { file: 'icon-512.png', size: 512, source: svg },
  { file: 'icon-maskable-512.png', size: 512, source: maskable },
  { file: 'apple-touch-icon.png', size: 180, source: maskable },
]

const browser = await launchBrowser()
try {
  for (const { file, size, source } of renders) {
    const page = await browser.newPage({ viewport: { width: size, height: size } })
    const sized = source.replace('<svg ', `<svg width="${size}" height="${size}" `)
    await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`)
    await page.locator('svg').screenshot({ path: path.join(publicDir, file), omitBackground: true })
    await page.close()
  }
} finally {
  await browser.close()
}
