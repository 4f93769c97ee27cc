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
 *
 * The first screen comes in three files (see firstScreenInOneChunk): browser mode's server
 * answers the page over six connections at most, so the event stream the early script opens
 * would otherwise wait behind a score of small module files, and the session with it.
 */
import { build, defineConfig, type Plugin, type Rolldown, type UserConfig } from 'vite';

/** The early script's entry name. */
const EARLY = 'early-start';
/** The app's entry name (the page's). */
const APP = 'index';

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

/** The modules of the chunks the entry `name` of `output` loads before it runs (itself and its static imports). */
function modulesLoadedBy(output: Rolldown.RolldownOutput, name: string): Set<string> {
  const chunks = new Map(output.output.flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c] as const] : [])));
  const entry = [...chunks.values()].find((c) => c.isEntry && c.name === name);
  if (entry === undefined) throw new Error(`the renderer's trial build has no ${name} entry`);
  const files = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    chunks.get(file)?.imports.forEach(visit);
  };
  visit(entry.fileName);
  return new Set([...files].flatMap((file) => chunks.get(file)?.moduleIds ?? []));
}

/**
 * The early script's modules and the first screen's in one chunk each. Left to itself the
 * bundler splits the modules the first screen shares with the lazy dialogs into a chunk per
 * combination of dialogs (seventeen files), and a module's imports alone do not tell which it
 * keeps after tree-shaking. So a trial build without groups (in memory) says which modules each
 * entry loads before it runs, and the real one groups exactly those: the dialogs keep their own
 * chunks and import what they share from the app's.
 */
function firstScreenInOneChunk(): Plugin {
  return {
    name: 'acqmeta-first-screen-chunk',
    apply: 'build',
    async config() {
      const trial = await build({ ...options([], false), configFile: false, logLevel: 'silent' });
      const output = Array.isArray(trial) ? trial[0] : trial;
      if (output === undefined || !('output' in output)) throw new Error("the renderer's trial build gave no output");
      const early = modulesLoadedBy(output, EARLY);
      const app = modulesLoadedBy(output, APP);
      const group = (name: string, modules: Set<string>): Rolldown.CodeSplittingGroup => ({
        name,
        test: (id) => modules.has(id),
        includeDependenciesRecursively: false,
      });
      return {
        build: {
          rolldownOptions: {
            output: {
              codeSplitting: {
                groups: [group(EARLY, early), group(APP, new Set([...app].filter((id) => !early.has(id))))],
              },
            },
          },
        },
      };
    },
  };
}

/** The build's options, with `plugins`; it writes its files when `write`. */
function options(plugins: Plugin[], write = true): UserConfig {
  return {
    root: import.meta.dirname,
    base: './',
    build: {
      outDir: '../dist/renderer',
      emptyOutDir: true,
      write,
      target: 'es2022',
      modulePreload: { polyfill: false },
      // The first screen is one chunk on purpose (firstScreenInOneChunk), larger than Vite expects.
      chunkSizeWarningLimit: 700,
      rolldownOptions: {
        input: { [APP]: `${import.meta.dirname}/index.html`, [EARLY]: `${import.meta.dirname}/src/${EARLY}.ts` },
      },
    },
    plugins,
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  };
}

export default defineConfig(options([earlyScriptFirst(), firstScreenInOneChunk()]));
