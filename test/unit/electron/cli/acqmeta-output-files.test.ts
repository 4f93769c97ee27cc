import { readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { cliOnLab } from './cli-on-lab';

const { acqmeta, basePath, read } = cliOnLab();

const KEPT = 'notes I typed myself\n';

/** Every `-o` a command takes, each naming a file next to `lab/`. */
const WRITERS: { name: string; args: string[]; file: string }[] = [
  { name: 'export (csv)', args: ['export', 'lab'], file: 'table.csv' },
  { name: 'export (xlsx)', args: ['export', 'lab'], file: 'table.xlsx' },
  { name: 'export (readme)', args: ['export', 'lab'], file: 'README.md' },
  { name: 'export (channels)', args: ['export', 'lab', '--format', 'channels'], file: 'channels.csv' },
  { name: 'export (prov)', args: ['export', 'lab'], file: 'journal.prov.json' },
  { name: 'results', args: ['results', 'lab'], file: 'results.tsv' },
  { name: 'profile init', args: ['profile', 'init', 'lab'], file: 'lab.profile.json' },
];

/** The names in the folder beside `lab/` (a temp file left behind would show here). */
const namesBesideLab = async (): Promise<string[]> => (await readdir(basePath('.'))).sort();

describe('-o and a file that exists', () => {
  for (const { name, args, file } of WRITERS) {
    it(`${name}: refuses to replace it without --force (exit 2, its bytes unchanged), replaces it with --force`, async () => {
      await writeFile(basePath(file), KEPT);
      const refused = await acqmeta(...args, '-o', file);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`${file} exists already; nothing written (--force replaces it)`);
      expect(await readFile(basePath(file), 'utf8')).toBe(KEPT);

      const forced = await acqmeta(...args, '-o', file, '--force');
      expect(forced.code).toBeLessThan(2);
      expect(await readFile(basePath(file), 'utf8')).not.toBe(KEPT);
      expect(await namesBesideLab()).toEqual(['lab', file].sort());
    });
  }

  it('profile init: the profile a folder already has is kept unless --force is given', async () => {
    await writeFile(basePath('lab/acqmeta.profile.json'), KEPT);
    const refused = await acqmeta('profile', 'init', 'lab');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('lab/acqmeta.profile.json exists already; nothing written (--force replaces it)');
    expect(await read('acqmeta.profile.json')).toBe(KEPT);
    expect((await acqmeta('profile', 'init', 'lab', '--force')).code).toBe(0);
    expect(JSON.parse(await read('acqmeta.profile.json'))).toHaveProperty('$schema');
  });

  it('a link by that name counts as a file that exists, even one that leads nowhere', async () => {
    await symlink('nowhere.csv', basePath('table.csv'));
    const refused = await acqmeta('export', 'lab', '-o', 'table.csv');
    expect([refused.code, await namesBesideLab()]).toEqual([2, ['lab', 'table.csv']]);
  });

  it('--force without -o is bad usage', async () => {
    const run = await acqmeta('export', 'lab', '--force');
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toContain('--force replaces the file -o names: give -o <file>');
  });
});
