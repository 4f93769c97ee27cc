/**
 * Test helper: the bundled command line, run on a fresh copy of the lab fixture folder in
 * every test of the file that calls {@link cliOnLab}.
 */
import { cp, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { copyLab, labCopyPerTest, type LabCopy } from '../services/folder/lab-folder';
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
  /**
   * Makes the current test's `lab/` what `make` turns a lab copy into, running `make` (given the
   * command line run there and a path inside that `lab/`) once per file and copying its result
   * after that: a fixture built by many runs, which the tests of a file start from alike.
   */
  sharedLab(make: (acqmeta: CliOnLab['acqmeta'], labPath: CliOnLab['labPath']) => Promise<void>): () => Promise<void>;
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
  const templates: LabCopy[] = [];
  afterAll(async () => {
    for (const template of templates.splice(0)) await template.remove();
  });
  return {
    acqmeta: (...args) => cli.run(args, copy.base),
    acqmetaWithin: (timeoutMs, ...args) => cli.run(args, copy.base, { timeoutMs }),
    labPath,
    basePath: (rel) => path.join(copy.base, rel),
    read: (rel) => readFile(labPath(rel), 'utf8'),
    exists: (rel) =>
      stat(labPath(rel)).then(
        () => true,
        () => false,
      ),
    sharedLab(make) {
      let made: Promise<LabCopy> | null = null;
      return async () => {
        made ??= copyLab().then(async (template) => {
          templates.push(template);
          await make(
            (...args) => cli.run(args, template.base),
            (rel) => path.join(template.lab, rel),
          );
          return template;
        });
        const template = await made;
        await cp(template.lab, copy.lab, { recursive: true, force: true, preserveTimestamps: true });
      };
    },
  };
}
