/**
 * Test helper: the bundled command line, run in a new temporary folder in every test of the file
 * that calls {@link cliInFolder}; the folder is removed when the test ends.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { buildCli, type BuiltCli, type CliRun } from '../built-cli';

/** How the folder of each test is made and the command run in it. */
export interface CliFolderOptions {
  /** Fills the test's new folder `base` before the test runs. */
  prepare?: (base: string) => unknown;
  /** A run that takes longer is killed (code -1). */
  timeoutMs?: number;
  /** Variables set for every run, given the test's folder (its own settings folder, …). */
  env?: (base: string) => Readonly<Record<string, string>>;
}

/** The command line and the current test's folder. */
export interface CliInFolder {
  /** The current test's folder. */
  readonly base: string;
  /** The bundles, for tests that look at them or their cache folder. */
  readonly cli: BuiltCli;
  /** Runs `acqmeta <args>` in the test's folder, so paths are relative to it. */
  acqmeta(...args: string[]): Promise<CliRun>;
  /** A path inside the test's folder, from the parts of its relative path. */
  at(...rel: string[]): string;
  /** A file inside the test's folder as UTF-8 text. */
  read(rel: string): Promise<string>;
}

/**
 * Registers the hooks that bundle the command line once for the file that calls it and remove
 * the bundles after its tests; returns them (there from the file's first `beforeAll` on).
 */
export function cliForFile(): () => BuiltCli {
  let cli: BuiltCli | undefined;
  beforeAll(async () => {
    cli = await buildCli();
  });
  afterAll(() => cli?.remove());
  return () => {
    if (cli === undefined) throw new Error('cliForFile: the command line is built in beforeAll');
    return cli;
  };
}

/**
 * Registers the hooks (bundle once per file; a folder named `prefix…` made by `prepare` per
 * test, removed after it) and returns the helpers.
 */
export function cliInFolder(prefix: string, { prepare, timeoutMs, env }: CliFolderOptions = {}): CliInFolder {
  const built = cliForFile();
  let base: string | undefined;
  beforeEach(async () => {
    base = await mkdtemp(path.join(tmpdir(), prefix));
    await prepare?.(base);
  });
  afterEach(async () => {
    if (base !== undefined) await rm(base, { recursive: true, force: true });
    base = undefined;
  });
  const folder = {
    get base() {
      if (base === undefined) throw new Error('cliInFolder: the folder exists only while a test runs');
      return base;
    },
    get cli() {
      return built();
    },
    acqmeta: (...args: string[]) => folder.cli.run(args, folder.base, { timeoutMs, env: env?.(folder.base) }),
    at: (...rel: string[]) => path.join(folder.base, ...rel),
    read: (rel: string) => readFile(folder.at(rel), 'utf8'),
  };
  return folder;
}
