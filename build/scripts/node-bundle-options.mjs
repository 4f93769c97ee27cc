// esbuild options for the Node-side bundles (CommonJS for Node 20 and Electron's main process),
// shared by build.mjs and the tests that bundle entry points from source.

/**
 * Keeps exceljs out of the bundles that load it: their dynamic `import('./exceljs-bundle')`
 * loads `exceljs.cjs` beside them, the bundle of the `exceljs` entry (NODE_EXTRA_ENTRIES).
 */
const excelJsApart = {
  name: 'exceljs-apart',
  setup(build) {
    build.onResolve({ filter: /[\\/]exceljs-bundle$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: './exceljs.cjs', external: true } : undefined,
    );
  },
};

/**
 * Entry points every set of Node bundles needs beside the ones that load them: exceljs, the
 * preview decoder (geotiff) that scan workers load with their first preview, the write
 * worker of the save path and the convert worker of archival copies.
 */
export const NODE_EXTRA_ENTRIES = {
  exceljs: 'electron/services/sheets/exceljs-bundle.ts',
  'preview-decoder': 'electron/services/tiff/decode-plane.ts',
  'write-worker': 'electron/services/sidecar/write-worker.ts',
  'convert-worker': 'electron/services/convert/convert-worker.ts',
};

export const NODE_BUNDLE_OPTIONS = {
  plugins: [excelJsApart],
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // @parcel/watcher loads a native module for the platform at run time: it stays in node_modules.
  external: ['electron', '@parcel/watcher'],
  // import() of a bundle beside (exceljs.cjs) becomes require(), which also reads from app.asar.
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
};
