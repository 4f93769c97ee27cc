/**
 * The harness of the `acqmeta restore` tests: the built command line, a temp folder `exp/` of
 * images with CloudScope sidecars, and the journal as `log --json` shows it. Importing it
 * registers the hooks that build the bundle and make (and remove) the folder of each test.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { JournalRecord } from '../../../../shared/journal';
import type { CliRun } from './built-cli';
import { cliInFolder } from './support/cli-in-folder';

export const fixture = (rel: string) => fileURLToPath(new URL(`../../../fixtures/${rel}`, import.meta.url));
export const TIFF = fixture('tiff/generated/imagej-2ch-u16.tif');
/** CloudScope-written sidecars: the canonical one, and an older one that lacks the `age` key. */
export const CANONICAL = 'canonical.tif.json';
export const OLD = 'old-is-dirty.tif.json';

/** The test's folder, and `exp/` inside it. */
export let base: string;
export let exp: string;

const folder = cliInFolder('acqmeta-restore-', {
  prepare: (dir) => {
    base = dir;
    exp = path.join(dir, 'exp');
    mkdirSync(exp);
  },
  env: (dir) => ({ XDG_CONFIG_HOME: path.join(dir, 'config'), ACQMETA_CACHE_DIR: path.join(dir, 'cache') }),
});

/** The bundled command line, for runs the test starts itself. */
export const cliScript = () => folder.cli.cliScript;

/** Runs `acqmeta <args>` in the test's folder (so paths read `exp/...`). */
export const acqmeta = folder.acqmeta;

/** Puts images under exp/ with copies of CloudScope sidecars: `rel` → fixture sidecar. */
export function images(layout: Record<string, string>): string[] {
  for (const [rel, sidecar] of Object.entries(layout)) {
    const file = path.join(exp, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    copyFileSync(TIFF, file);
    copyFileSync(fixture(`sidecars/${sidecar}`), `${file}.json`);
  }
  return Object.keys(layout);
}

/** Runs `acqmeta <args>` and expects it to succeed. */
export async function ok(...args: string[]): Promise<CliRun> {
  const run = await acqmeta(...args);
  expect({ args, code: run.code, stderr: run.stderr }).toEqual({ args, code: 0, stderr: '' });
  return run;
}

/** The sidecars' bytes, image by image. */
export const bytesOf = (rels: readonly string[]) =>
  Object.fromEntries(rels.map((rel) => [rel, readFileSync(path.join(exp, `${rel}.json`), 'utf8')]));
export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The journal as `log --json` shows it, oldest first. */
export async function journal(of = 'exp'): Promise<JournalRecord[]> {
  const run = await acqmeta('log', of, '--json');
  expect(run.code).toBe(0);
  return run.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as JournalRecord);
}

/** The batch id of the latest journaled action. */
export const lastBatch = async () => (await journal()).at(-1)?.batch as string;

/** Every journal file's bytes under exp/. */
export const journalFiles = () => {
  const dir = path.join(exp, '.acqmeta', 'journal');
  return existsSync(dir) ? readdirSync(dir).map((name) => readFileSync(path.join(dir, name), 'utf8')) : [];
};
