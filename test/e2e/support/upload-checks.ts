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

/**
 * The SHA-256 of each plane's samples, in the order they are stored, little-endian, of each
 * OME-TIFF of `files` as tifffile reads it: one Python process for them all, since starting
 * Python with numpy and tifffile costs more than reading a small copy.
 */
export function omeTiffPlanes(files: string[]): Map<string, string[]> {
  const script = [
    'import sys, json, hashlib, numpy, tifffile',
    'out = {}',
    'for f in sys.argv[1:]:',
    '    series = tifffile.TiffFile(f).series[0]',
    '    a = series.levels[0].asarray()',
    "    y = series.axes.index('Y')",
    "    planes = a.reshape((-1,) + a.shape[y:]).astype(a.dtype.newbyteorder('<'))",
    '    out[f] = [hashlib.sha256(numpy.ascontiguousarray(p).tobytes()).hexdigest() for p in planes]',
    'print(json.dumps(out))',
  ].join('\n');
  const planes = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, ...files], { encoding: 'utf8' }));
  return new Map(Object.entries(planes as Record<string, string[]>));
}
