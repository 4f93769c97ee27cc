/**
 * The tests' bundle cache: a bundle copied from the cache runs the current source, never one
 * an earlier edit left behind.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { copyCachedBundles } from './bundle-cache';

const root = path.resolve(__dirname, '../../../../..');
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A folder inside the repository (esbuild reads entry points from there), removed after the test. */
function sourceFolder(): string {
  const parent = path.join(root, 'test-results');
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(path.join(parent, 'bundle-cache-probe-'));
  made.push(dir);
  return dir;
}

/** Bundles `entry` through the cache in `cache` into a fresh folder and runs it; returns what it printed. */
async function bundleAndRun(entry: string, cache: string, afterBuild?: () => Promise<void>): Promise<string> {
  const out = mkdtempSync(path.join(tmpdir(), 'acqmeta-bundle-out-'));
  made.push(out);
  await copyCachedBundles({ probe: path.relative(root, entry) }, out, cache, afterBuild);
  return execFileSync(process.execPath, [path.join(out, 'probe.cjs')], { encoding: 'utf8' });
}

it('runs the edited source after an edit of a file the entry imports, and the same bytes before it', async () => {
  const dir = sourceFolder();
  const cache = path.join(dir, 'cache');
  const entry = path.join(dir, 'entry.ts');
  writeFileSync(entry, "import { word } from './word';\nconsole.log(word);\n");
  writeFileSync(path.join(dir, 'word.ts'), "export const word = 'first';\n");
  expect(await bundleAndRun(entry, cache)).toBe('first\n');
  expect(await bundleAndRun(entry, cache)).toBe('first\n');
  writeFileSync(path.join(dir, 'word.ts'), "export const word = 'second';\n");
  expect(await bundleAndRun(entry, cache)).toBe('second\n');
});

it('runs the edited source after an edit made while the bundle was being built', async () => {
  const dir = sourceFolder();
  const cache = path.join(dir, 'cache');
  const entry = path.join(dir, 'entry.ts');
  writeFileSync(entry, "import { word } from './word';\nconsole.log(word);\n");
  writeFileSync(path.join(dir, 'word.ts'), "export const word = 'first';\n");
  // esbuild has read 'first' when the edit lands: that bundle must not be kept for 'second'
  const edit = async () => writeFileSync(path.join(dir, 'word.ts'), "export const word = 'second';\n");
  expect(await bundleAndRun(entry, cache, edit)).toBe('first\n');
  expect(await bundleAndRun(entry, cache)).toBe('second\n');
});
