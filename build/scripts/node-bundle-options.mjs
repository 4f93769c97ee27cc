// esbuild options for the Node-side bundles (CommonJS for Node 20 and Electron's main process),
// shared by build.mjs and the tests that bundle entry points from source.
export const NODE_BUNDLE_OPTIONS = {
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // @parcel/watcher loads a native module for the platform at run time: it stays in node_modules.
  external: ['electron', '@parcel/watcher'],
  logLevel: 'warning',
};
