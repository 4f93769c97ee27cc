/**
 * AcqMeta's own writes update an SQLite index in use; with none in use nothing is made, and a
 * write whose index cannot be reached stands, with a warning.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, type BuiltCli } from '../../cli/built-cli';
import { sidecarFolder, storedValue } from '../../cli/gated-writers';
import { NATIVE_MODULES } from './index-db';
import { writtenRowsCases } from './written-rows-cases';

const folder = mkdtempSync(path.join(tmpdir(), 'acqmeta-written-sqlite-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

writtenRowsCases({ name: 'SQLite', newDatabase: async (label) => path.join(folder, `${label}.sqlite`) });

describe('a write with no index in use, or one out of reach', () => {
  let cli: BuiltCli;
  beforeAll(async () => {
    cli = await buildCli();
  });
  afterAll(() => cli.remove());

  it('makes no index, and stands when the index cannot be reached, saying so on stderr', async () => {
    const { root, sidecars } = sidecarFolder(1, 2);
    const none = path.join(folder, 'none.sqlite');
    const set = await cli.run(['set', root, '--set', 'species=rat'], folder, {
      env: { ...NATIVE_MODULES, ACQMETA_DB: none },
    });
    expect(set).toMatchObject({ code: 0, stderr: '' });
    expect(existsSync(none)).toBe(false);

    // nothing listens on port 1
    const down = await cli.run(['set', root, '--set', 'species=moose'], folder, {
      env: { ...NATIVE_MODULES, ACQMETA_DB: 'postgresql://acqmeta@127.0.0.1:1/acqmeta' },
    });
    expect(down.code).toBe(0);
    expect(down.stderr).toMatch(
      /^acqmeta set: warning: the index was not updated \(postgresql:\/\/acqmeta@127\.0\.0\.1:1\/acqmeta: cannot connect \(.+\)\); acqmeta index of the folder brings it up to date\n$/,
    );
    expect(sidecars.map((file) => storedValue(file, 'species'))).toEqual(['moose', 'moose']);
    rmSync(root, { recursive: true, force: true });
  });
});
