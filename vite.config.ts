import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { precompressAssets } from './build/precompressAssets.ts'
import { webManifest } from './build/webManifest.ts'

export default defineConfig({
  root: 'client',
  plugins: [
    react(),
    // The installable offline app (issue 16): our own worker (client/serviceWorker/sw.ts), built by the plugin
    // with the precache list injected; registered by client/offline/startOfflineApp.tsx after the first paint.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'serviceWorker',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'prompt',
      manifest: webManifest,
      injectManifest: {
        // A classic script: every browser with service workers runs it, module workers are newer.
        rollupFormat: 'iife',
        // The app shell, every script and style (lazy chunks too: an offline start may need any of them); the
        // plugin adds the manifest and its icons. Fonts are kept by the worker as pages use them: precaching every
        // subset of every weight would cost a slow link ~1 MB it may never need.
        globPatterns: ['**/*.{js,css,html}'],
      },
    }),
    precompressAssets(),
  ],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    // Terser's second pass saves ~4 % of the editor's initial script over esbuild's minifier (BENCHMARKS.md):
    // on a 1.6 Mbit/s link that is ~50 ms of every first visit, for ~20 s more build time.
    minify: 'terser',
    terserOptions: { ecma: 2020, module: true, compress: { passes: 2 } },
  },
})
