/**
 * The command line keeps V8's compiled code of its bundles (the dispatcher's and the command's
 * own) between runs: the first run writes it to the per-user cache folder, the next runs use
 * it as it is; a damaged cache or a new bundle is compiled again and replaces it. Whatever the
 * cache holds, a run prints the same.
 */
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labCopyPerTest } from '../services/folder/lab-folder';
import { buildCli, type BuiltCli } from './built-cli';

describe('acqmeta code cache', () => {
  let cli: BuiltCli;
  let codeDir: string;
  const copy = labCopyPerTest();
  const scan = () => cli.run(['scan', 'lab', '--json', '--no-cache'], copy.base);
  const cacheFiles = async () =>
    (await readdir(codeDir).catch(() => [] as string[])).filter((name) => name.endsWith('.v8cache'));
  /** The one cache file of `bundle`: its name, bytes and inode (a file written again gets a new one: temp file and rename). */
  const theCache = async (bundle: string) => {
    const names = (await cacheFiles()).filter((name) => name.startsWith(`${bundle}-`));
    expect(names).toHaveLength(1);
    const file = path.join(codeDir, names[0] as string);
    return { name: names[0], bytes: await readFile(file), ino: (await stat(file)).ino };
  };
  beforeAll(async () => {
    cli = await buildCli();
    codeDir = path.join(cli.cacheDir, 'code');
  });
  afterAll(() => cli.remove());

  it('is written by a first run and used as it is by the next, which print the same', async () => {
    await rm(codeDir, { recursive: true, force: true });
    await rm(path.join(copy.lab, 'other', 'scan_02.oir')); // a file not read is named on stderr
    const first = await scan();
    expect(first.stderr).toBe('');
    expect(await cacheFiles()).toHaveLength(2);
    const written = [await theCache('cli.cjs'), await theCache('cli-scan.cjs')];
    expect(written[1]?.bytes.length).toBeGreaterThan(10_000);
    const second = await scan();
    expect(second).toEqual(first);
    expect([await theCache('cli.cjs'), await theCache('cli-scan.cjs')]).toEqual(written);
  });

  it('is compiled again when damaged, and the run prints the same', async () => {
    const good = await scan();
    const { name } = await theCache('cli-scan.cjs');
    await writeFile(path.join(codeDir, name as string), Buffer.from('not compiled code at all'));
    expect(await scan()).toEqual(good);
    const rewritten = await theCache('cli-scan.cjs');
    expect(rewritten.bytes.length).toBeGreaterThan(10_000);
    expect(await scan()).toEqual(good);
    expect(await theCache('cli-scan.cjs')).toEqual(rewritten);
  });

  it('of a changed bundle replaces the old one', async () => {
    const good = await scan();
    const before = await theCache('cli.cjs');
    const original = await readFile(cli.cliScript);
    try {
      await writeFile(cli.cliScript, Buffer.concat([original, Buffer.from('\n// another build\n')]));
      expect(await scan()).toEqual(good);
      expect((await theCache('cli.cjs')).name).not.toBe(before.name);
    } finally {
      await writeFile(cli.cliScript, original);
    }
  });
});
