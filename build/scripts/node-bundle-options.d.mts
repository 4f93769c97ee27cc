import type { BuildOptions } from 'esbuild';

/** esbuild options for the Node-side bundles (CommonJS for Node 20 and Electron's main process). */
export declare const NODE_BUNDLE_OPTIONS: BuildOptions;
