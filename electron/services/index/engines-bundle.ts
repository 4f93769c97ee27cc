/**
 * The index's database engines on their own: the build makes this file a bundle of its own
 * (dist/electron/index-engines.cjs, with pg and the better-sqlite3 loader) that `open-index.ts`
 * loads when an index is first opened, so starting the app or a command that never opens one
 * neither parses pg nor loads SQLite's native module (see build/scripts/node-bundle-options.mjs).
 * Within it, pg is loaded only when a PostgreSQL index is opened: loading it also loads Node's
 * own fetch (undici), a third of a `find` on the embedded index.
 */
import type { Engine } from './engine';

export { openSqlite } from './sqlite-engine';

/** Connects to the PostgreSQL database at `url`, loading pg first (see postgres-engine.ts). */
export async function openPostgres(url: string): Promise<Engine> {
  const { openPostgres: open } = await import('./postgres-engine');
  return open(url);
}
