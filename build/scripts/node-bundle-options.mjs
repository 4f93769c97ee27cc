// esbuild options for the Node-side bundles (CommonJS for Node 20 and Electron's main process),
// shared by build.mjs and the tests that bundle entry points from source.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The bundles loaded on first use, by the file whose dynamic import loads each: `import('./exceljs-bundle')`. */
const BUNDLES_APART = { 'exceljs-bundle': './exceljs.cjs', 'engines-bundle': './index-engines.cjs' };

/**
 * Keeps exceljs and the index's database engines out of the bundles that load them: their dynamic
 * `import('./exceljs-bundle')` loads `exceljs.cjs` beside them, the bundle of the `exceljs` entry
 * (NODE_EXTRA_ENTRIES), and `import('./engines-bundle')` loads `index-engines.cjs`.
 */
const bundlesApart = {
  name: 'bundles-apart',
  setup(build) {
    build.onResolve({ filter: /[\\/](exceljs|engines)-bundle$/ }, (args) => {
      const apart = BUNDLES_APART[args.path.split(/[\\/]/).pop()];
      return args.kind === 'dynamic-import' && apart ? { path: apart, external: true } : undefined;
    });
  },
};

/**
 * Entry points every set of Node bundles needs beside the ones that load them: exceljs, the
 * index's database engines, the preview decoder (geotiff) that scan workers load with their
 * first preview, the write worker of the save path and the convert worker of archival copies.
 */
export const NODE_EXTRA_ENTRIES = {
  exceljs: 'electron/services/sheets/exceljs-bundle.ts',
  'index-engines': 'electron/services/index/engines-bundle.ts',
  'preview-decoder': 'electron/services/tiff/decode-plane.ts',
  'write-worker': 'electron/services/sidecar/write-worker.ts',
  'convert-worker': 'electron/services/convert/convert-worker.ts',
};

/** The command line's entry point: each of its commands is a bundle of its own beside it. */
const CLI_ENTRY = 'electron/cli/acqmeta.ts';
const COMMANDS_DIR = 'electron/cli/commands';

/**
 * Keeps each command of the command line out of its bundle: the dispatcher's
 * `import('./commands/<name>-command')` loads `cli-<name>.cjs` beside it, so a run loads the
 * code of its one command only (the export's Zarr codecs, the submission schemas and ajv are
 * not read and run by every `acqmeta scan`).
 */
const commandsApart = {
  name: 'commands-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/commands\/[a-z-]+-command$/ }, (args) =>
      args.kind === 'dynamic-import'
        ? { path: `./cli-${args.path.slice('./commands/'.length, -'-command'.length)}.cjs`, external: true }
        : undefined,
    );
  },
};

/**
 * Gives proper-lockfile Node's own `fs` in place of graceful-fs: its one caller
 * (electron/services/sidecar/lock-folder.ts) passes the file calls it makes, so graceful-fs would
 * only be loaded, and its patching of `fs` costs each command that locks about 5 ms of CPU.
 */
const lockfileWithoutGracefulFs = {
  name: 'lockfile-without-graceful-fs',
  setup(build) {
    build.onResolve({ filter: /^graceful-fs$/ }, (args) =>
      /[\\/]node_modules[\\/]proper-lockfile[\\/]/.test(args.importer) ? { path: 'fs', external: true } : undefined,
    );
  },
};

/** Output name → source of every command's bundle (`cli-scan` → electron/cli/commands/scan-command.ts). */
function commandEntries() {
  const dir = fileURLToPath(new URL(`../../${COMMANDS_DIR}`, import.meta.url));
  const entries = {};
  for (const name of readdirSync(dir).sort())
    if (name.endsWith('-command.ts'))
      entries[`cli-${name.slice(0, -'-command.ts'.length)}`] = `${COMMANDS_DIR}/${name}`;
  return entries;
}

/**
 * `entryPoints` (output name → source) with the bundles they load at run time beside them:
 * {@link NODE_EXTRA_ENTRIES}, and the commands' bundles when the command line is among them.
 */
export function withLoadedBundles(entryPoints) {
  const cli = Object.values(entryPoints).includes(CLI_ENTRY) ? commandEntries() : {};
  return { ...NODE_EXTRA_ENTRIES, ...cli, ...entryPoints };
}

export const NODE_BUNDLE_OPTIONS = {
  plugins: [bundlesApart, commandsApart, lockfileWithoutGracefulFs],
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // @parcel/watcher and better-sqlite3 load native modules at run time: they stay in node_modules.
  // pg-native is pg's optional native client, which AcqMeta does not use.
  external: ['electron', '@parcel/watcher', 'better-sqlite3', 'pg-native'],
  // import() of a bundle beside (exceljs.cjs, index-engines.cjs) becomes require(), which also reads from app.asar.
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
};
