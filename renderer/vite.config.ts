/**
 * Vite build of the renderer: `renderer/` → `dist/renderer/`.
 *
 * Type-checked in the Node project (tsconfig.node.json), so the web project never sees Node's
 * types. `base: './'` keeps asset URLs relative, so the same build loads from the `app://`
 * protocol in Electron and over HTTP in browser mode.
 *
 * The page loads two scripts: `early-start.ts`, small, which asks for the session while the
 * browser still loads and compiles the app's (see client/early-session.ts), and the app. Vite
 * would merge two scripts of one page into one, so the early one is an entry of its own, put in
 * the page first.
 */
import { defineConfig, type Plugin } from 'vite';

/** The early script's entry name. */
const EARLY = 'early-start';

/** Puts the early entry's script in the page just before the app's (after the page's security policy). */
function earlyScriptFirst(): Plugin {
  return {
    name: 'acqmeta-early-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const chunk = Object.values(context.bundle ?? {}).find((c) => c.type === 'chunk' && c.name === EARLY);
        const appScript = '<script type="module"';
        if (chunk === undefined || !html.includes(appScript)) throw new Error(`no place for the ${EARLY} script`);
        return html.replace(
          appScript,
          `${appScript} crossorigin src="./${chunk.fileName}"></script>\n    ${appScript}`,
        );
      },
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: { index: `${import.meta.dirname}/index.html`, [EARLY]: `${import.meta.dirname}/src/${EARLY}.ts` },
    },
  },
  plugins: [earlyScriptFirst()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
});
