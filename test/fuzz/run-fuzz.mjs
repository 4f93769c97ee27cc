#!/usr/bin/env node
// `npm run fuzz [-- --seconds N] [--seed S]`: bundles test/fuzz/fuzz-main.ts from its sources
// and runs it (see that file).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outdir = mkdtempSync(path.join(tmpdir(), 'acqmeta-fuzz-'));
try {
  await build({
    entryPoints: [path.join(root, 'test/fuzz/fuzz-main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: path.join(outdir, 'fuzz.mjs'),
    logLevel: 'warning',
  });
  const run = spawnSync(process.execPath, [path.join(outdir, 'fuzz.mjs'), root, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
