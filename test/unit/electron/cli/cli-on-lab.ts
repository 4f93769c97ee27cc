/**
 * Test helper: the bundled command line, run on a fresh copy of the lab fixture folder in
 * every test of the file that calls {@link cliOnLab}.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { labCopyPerTest } from '../services/folder/lab-folder';
import { buildCli, type BuiltCli, type CliRun } from './built-cli';

/** The command line and the current test's copy of the lab folder. */
export interface CliOnLab {
  /** Runs `acqmeta <args>` in the folder holding `lab/`, so paths read `lab/...`. */
  acqmeta(...args: string[]): Promise<CliRun>;
  /** Like `acqmeta`, but a run that takes longer than `timeoutMs` is killed (code -1): for hang tests. */
  acqmetaWithin(timeoutMs: number, ...args: string[]): Promise<CliRun>;
  /** A path inside the copy of `lab/`. */
  labPath(rel: string): string;
  /** A path next to `lab/` (outside it). */
  basePath(rel: string): string;
  /** A file inside `lab/` as UTF-8 text. */
  read(rel: string): Promise<string>;
  exists(rel: string): Promise<boolean>;
}

/** Registers the hooks (bundle once per file, copy the folder per test) and returns the helpers. */
export function cliOnLab(): CliOnLab {
  let cli: BuiltCli;
  beforeAll(async () => {
    cli = await buildCli();
  });
  afterAll(async () => {
    await cli.remove();
  });
  const copy = labCopyPerTest();
  const labPath = (rel: string) => path.join(copy.lab, rel);
  return {
    acqmeta: (...args) => cli.run(args, copy.base),
    acqmetaWithin: (timeoutMs, ...args) => cli.run(args, copy.base, timeoutMs),
    labPath,
    basePath: (rel) => path.join(copy.base, rel),
    read: (rel) => readFile(labPath(rel), 'utf8'),
    exists: (rel) =>
      stat(labPath(rel)).then(
        () => true,
        () => false,
      ),
  };
}
