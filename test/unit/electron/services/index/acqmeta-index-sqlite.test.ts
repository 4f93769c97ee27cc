/**
 * `acqmeta index` on the embedded engine: an SQLite file in a temporary folder; and a file that
 * is not a database refused with its name, its bytes left as they were.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, type BuiltCli } from '../../cli/built-cli';
import { sidecarFolder } from '../../cli/gated-writers';
import { indexCases } from './index-cases';
import { NATIVE_MODULES } from './index-db';

const folder = mkdtempSync(path.join(tmpdir(), 'acqmeta-index-sqlite-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

indexCases({ name: 'SQLite', newDatabase: async (label) => path.join(folder, `${label}.sqlite`) });

describe('acqmeta index on a damaged SQLite file', () => {
  let cli: BuiltCli;
  beforeAll(async () => {
    cli = await buildCli();
  });
  afterAll(() => cli.remove());

  it('refuses it, naming the file, and leaves its bytes as they were', async () => {
    const { root } = sidecarFolder(1, 1);
    const damaged = path.join(folder, 'damaged.sqlite');
    const bytes = Buffer.from('SQLite format 3\0'.padEnd(4096, '\x7f'), 'latin1');
    writeFileSync(damaged, bytes);
    const run = await cli.run(['index', root, '--db', damaged], folder, { env: NATIVE_MODULES });
    rmSync(root, { recursive: true, force: true });
    expect(run.stderr).toContain(`acqmeta index: ${damaged}: not an SQLite database, or a damaged one`);
    expect(run.code).toBe(2);
    expect(readFileSync(damaged).equals(bytes)).toBe(true);
  });
});
