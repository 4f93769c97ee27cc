/**
 * What an end-to-end test checks of a built upload: the pixels of an OME-TIFF copy as tifffile
 * reads them, and the checks that need AcqMeta's own code (upload-rules.ts), bundled with the
 * command line's esbuild options and loaded into the test.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { NODE_BUNDLE_OPTIONS } from '../../../build/scripts/node-bundle-options.mjs';

/** The checks of upload-rules.ts. */
export type UploadRules = typeof import('./upload-rules');

/** Bundles upload-rules.ts into the run's temporary folder (removed after the run) and loads it. */
export async function loadUploadRules(): Promise<UploadRules> {
  const outdir = await mkdtemp(path.join(tmpdir(), 'acqmeta-upload-rules-'));
  const entry = fileURLToPath(new URL('./upload-rules.ts', import.meta.url));
  await build({ ...NODE_BUNDLE_OPTIONS, entryPoints: { 'upload-rules': entry }, outdir });
  return createRequire(import.meta.url)(path.join(outdir, 'upload-rules.cjs')) as UploadRules;
}

/** The SHA-256 of each plane's samples, in the order they are stored, little-endian: as tifffile reads the OME-TIFF `file`. */
export function omeTiffPlanes(file: string): string[] {
  const script = [
    'import sys, hashlib, numpy, tifffile',
    'series = tifffile.TiffFile(sys.argv[1]).series[0]',
    'a = series.levels[0].asarray()',
    "y = series.axes.index('Y')",
    "planes = a.reshape((-1,) + a.shape[y:]).astype(a.dtype.newbyteorder('<'))",
    'for p in planes: print(hashlib.sha256(numpy.ascontiguousarray(p).tobytes()).hexdigest())',
  ].join('\n');
  return execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' }).trim().split('\n');
}
