import type { BuildOptions } from 'esbuild';

/** esbuild options for the Node-side bundles (CommonJS for Node 20 and Electron's main process). */
export declare const NODE_BUNDLE_OPTIONS: BuildOptions;

/** Entry points (output name → source) built beside every set of Node bundles: exceljs, loaded on first use. */
export declare const NODE_EXTRA_ENTRIES: Record<string, string>;
