import type { ManifestOptions } from 'vite-plugin-pwa'

/** The calm UI's accent (client/styles.css `--accent`) and desk colours, for the installed window and splash. */
const accent = '#1f4e79'
const desk = '#eef0f3'

/**
 * The web app manifest (`/manifest.webmanifest`): what makes Charter Desk installable. Icons are in
 * `client/public/` (PNG rendered from the SVGs by `build/renderIcons.ts`).
 */
export const webManifest: Partial<ManifestOptions> = {
  id: '/',
  name: 'Charter Desk',
  short_name: 'Charter Desk',
  description: 'Charter Desk: co-drafting room for negotiated texts',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  lang: 'en',
  dir: 'ltr',
  theme_color: accent,
  background_color: desk,
  icons: [
    { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
}
