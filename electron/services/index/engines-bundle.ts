/**
 * The index's database engines on their own: the build makes this file a bundle of its own
 * (dist/electron/index-engines.cjs, with pg and the better-sqlite3 loader) that `open-index.ts`
 * loads when an index is first opened, so starting the app or a command that never opens one
 * neither parses pg nor loads SQLite's native module (see build/scripts/node-bundle-options.mjs).
 */
export { openPostgres } from './postgres-engine';
export { openSqlite } from './sqlite-engine';
