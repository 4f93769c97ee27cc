// Regenerates the files derived from the field table (JSON Schema, ajv standalone validators).
// `--check` writes nothing and exits 1 when a checked-in file is out of date.
import { build } from 'esbuild';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const check = process.argv.includes('--check');

const dir = await mkdtemp(path.join(tmpdir(), 'acqmeta-generate-'));
try {
  const outfile = path.join(dir, 'generate-artifacts.mjs');
  await build({
    absWorkingDir: root,
    entryPoints: ['build/scripts/generate-artifacts.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  const { generateArtifacts } = await import(pathToFileURL(outfile).href);
  let stale = 0;
  for (const { path: rel, content } of generateArtifacts()) {
    const target = path.join(root, rel);
    const current = await readFile(target, 'utf8').catch(() => null);
    if (current === content) continue;
    stale++;
    if (check) console.error(`out of date: ${rel}`);
    else {
      await writeFile(target, content);
      console.log(`wrote ${rel}`);
    }
  }
  if (check && stale > 0) process.exitCode = 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
