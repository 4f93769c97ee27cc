/**
 * Vite build of the renderer: `renderer/` → `dist/renderer/`.
 *
 * Type-checked in the Node project (tsconfig.node.json), so the web project never sees Node's
 * types. `base: './'` keeps asset URLs relative, so the same build loads from the `app://`
 * protocol in Electron and over HTTP in browser mode.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
});
