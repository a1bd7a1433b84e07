import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { precompressAssets } from './build/precompressAssets.ts'

export default defineConfig({
  root: 'client',
  plugins: [react(), precompressAssets()],
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
