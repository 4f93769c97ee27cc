import type { BuildOptions } from 'esbuild';

/** esbuild options for the Node-side bundles (CommonJS for Node 20 and Electron's main process). */
export declare const NODE_BUNDLE_OPTIONS: BuildOptions;

/** Entry points (output name → source) built beside every set of Node bundles: exceljs, loaded on first use. */
export declare const NODE_EXTRA_ENTRIES: Record<string, string>;

/** `entryPoints` with the bundles they load beside them: the extra entries, and each command's when the command line is one. */
export declare function withLoadedBundles(entryPoints: Record<string, string>): Record<string, string>;
