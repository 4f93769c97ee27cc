/**
 * The command line starts with the code of the one command it runs: the command list, the
 * help and the dispatch are a small bundle, each command a bundle of its own loaded when it
 * runs (so `acqmeta scan` does not read and start the export's Zarr codecs or exceljs). The
 * bundles that ran are those whose compiled code the run left in the cache folder.
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { version } from '../../../../package.json';
import { buildCli, type BuiltCli } from './built-cli';

const FIXTURES = path.resolve(__dirname, '../../../fixtures');

describe('acqmeta start', () => {
  let cli: BuiltCli;
  let codeDir: string;
  /** The bundles a run of `acqmeta <args>` ran (its cache emptied first), by name, with their bytes. */
  const bundlesRun = async (args: readonly string[]) => {
    await rm(codeDir, { recursive: true, force: true });
    const run = await cli.run(args, FIXTURES);
    const names = (await readdir(codeDir)).map((name) => name.replace(/-[0-9a-f]+\.v8cache$/, '')).sort();
    const outdir = path.dirname(cli.cliScript);
    const bytes = await Promise.all(names.map(async (name) => (await stat(path.join(outdir, name))).size));
    return { run, names, bytes };
  };
  beforeAll(async () => {
    cli = await buildCli();
    codeDir = path.join(cli.cacheDir, 'code');
  });
  afterAll(() => cli.remove());

  it('lists the commands from the dispatcher alone, a small bundle', async () => {
    const { run, names, bytes } = await bundlesRun(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  calibrate  ');
    expect(names).toEqual(['cli.cjs']);
    expect(bytes[0]).toBeLessThan(64 * 1024);
  });

  it('prints its version', async () => {
    const run = await cli.run(['--version'], FIXTURES);
    expect(run).toEqual({ code: 0, stdout: `acqmeta ${version}\n`, stderr: '' });
  });

  it('runs a scan with the scan command’s own code, without the export’s codecs or exceljs', async () => {
    const { run, names } = await bundlesRun(['scan', 'acquisition', '--json', '--no-cache']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(3);
    expect(names).toEqual(['cli-scan.cjs', 'cli.cjs']);
    const scanCode = await readFile(path.join(path.dirname(cli.cliScript), 'cli-scan.cjs'), 'utf8');
    expect(scanCode).not.toMatch(/numcodecs|exceljs/);
  });

  it('reports a command’s refusal with its exit code and help hint, as before the split', async () => {
    const missing = await cli.run(['scan', 'no-such-folder'], FIXTURES);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^acqmeta scan: .*no-such-folder.* \(see acqmeta scan --help\)\n$/);
    const usage = await cli.run(['set', 'acquisition'], FIXTURES);
    expect(usage).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'acqmeta set: give at least one --set <field>=<value>, or --from-name <pattern> (see acqmeta set --help)\n',
    });
  });
});
