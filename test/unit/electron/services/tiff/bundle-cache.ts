/**
 * Test helper: esbuild's Node bundles kept under test-results/bundle-cache by content hash, so
 * the test files that bundle the same entry points from source build them once (seconds each
 * on a loaded machine) and copy them after that, until a source file they were built from changes.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build, version as esbuildVersion } from 'esbuild';
import { NODE_BUNDLE_OPTIONS } from '../../../../../build/scripts/node-bundle-options.mjs';

const root = path.resolve(__dirname, '../../../../..');
const CACHE = path.join(root, 'test-results', 'bundle-cache');
const OPTIONS_FILE = path.join(root, 'build/scripts/node-bundle-options.mjs');

/** sha256 of text or bytes, in hex. */
const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** One digest of the bytes of every file in `inputs` (paths relative to the repository); null when one is gone. */
async function inputsDigest(inputs: readonly string[]): Promise<string | null> {
  const hash = createHash('sha256');
  for (const input of [...inputs].sort()) {
    const bytes = await readFile(path.join(root, input)).catch(() => null);
    if (bytes === null) return null;
    hash.update(`${input}\0${sha256(bytes)}\0`);
  }
  return hash.digest('hex');
}

/**
 * Whether any of `inputs` changed at or after `since` (ms since the epoch), by its ctime, which
 * every write, rename or `touch` moves on (an mtime can be set back by `cp -p` or `tar`). The
 * kernel stamps files by a coarse clock a few milliseconds behind `Date.now()`, hence the slack.
 */
async function changedSince(inputs: readonly string[], since: number): Promise<boolean> {
  const SLACK_MS = 1_000;
  for (const input of inputs) {
    const stamp = await stat(path.join(root, input)).catch(() => null);
    if (stamp === null || stamp.ctimeMs >= since - SLACK_MS) return true;
  }
  return false;
}

/**
 * Copies into `outdir` the bundles of `entryPoints` (output name → source file), built with the
 * options of build/scripts/node-bundle-options.mjs: from the cache (`cache`, test-results/bundle-cache
 * unless given) when none of their input files changed since they were built, else built now and cached.
 * A build during which one of its inputs changed is not cached: its bytes may be older than the
 * file's. `afterBuild` runs between the build and that check (tests: an edit made mid-build).
 */
export async function copyCachedBundles(
  entryPoints: Readonly<Record<string, string>>,
  outdir: string,
  cache = CACHE,
  afterBuild: () => Promise<void> = async () => undefined,
): Promise<void> {
  const key = sha256(JSON.stringify([esbuildVersion, await readFile(OPTIONS_FILE, 'utf8'), entryPoints])).slice(0, 16);
  const inputsFile = path.join(cache, `${key}.inputs.json`);
  // the list of inputs from the last build of this key: a changed file gives another digest
  const inputs = await readFile(inputsFile, 'utf8').then(
    (text) => JSON.parse(text) as string[],
    () => null,
  );
  const digest = inputs === null ? null : await inputsDigest(inputs);
  const cached = digest === null ? null : path.join(cache, `${key}-${digest.slice(0, 16)}`);
  // a copy that fails (another run removed that build as out of date) is built afresh
  if (
    cached !== null &&
    existsSync(cached) &&
    (await cp(cached, outdir, { recursive: true }).then(
      () => true,
      () => false,
    ))
  )
    return;
  await mkdir(cache, { recursive: true });
  // built aside and renamed into place whole, so a test file running at the same time never
  // copies a half-written cache entry
  const fresh = await mkdtemp(path.join(cache, `${key}.building-`));
  const started = Date.now();
  const { metafile } = await build({
    ...NODE_BUNDLE_OPTIONS,
    absWorkingDir: root,
    entryPoints: { ...entryPoints },
    outdir: fresh,
    metafile: true,
  });
  await cp(fresh, outdir, { recursive: true });
  await afterBuild();
  const built = Object.keys(metafile.inputs);
  // hashed first, then checked unchanged since the build began: an edit after the check cannot
  // reach the digest, and one before it is seen by it
  const builtDigest = await inputsDigest(built);
  if (builtDigest === null || (await changedSince(built, started)))
    return void (await rm(fresh, { recursive: true, force: true }));
  const entry = path.join(cache, `${key}-${builtDigest.slice(0, 16)}`);
  await rename(fresh, entry).catch(() => rm(fresh, { recursive: true, force: true }));
  const listTemp = `${inputsFile}.${process.pid}`;
  await writeFile(listTemp, JSON.stringify(built));
  await rename(listTemp, inputsFile);
  // older builds of the same entry points are never read again
  for (const name of await readdir(cache))
    if (name.startsWith(`${key}-`) && path.join(cache, name) !== entry)
      await rm(path.join(cache, name), { recursive: true, force: true });
}
