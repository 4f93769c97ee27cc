/** Test helpers: a temp folder per test holding an image name and optionally its sidecar. */
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder with an (empty) `cell.tif`; returns the folder and the image path. */
export function imageFolder(): { dir: string; image: string; sidecar: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'acqmeta-sidecar-'));
  made.push(dir);
  const image = path.join(dir, 'cell.tif');
  writeFileSync(image, '');
  return { dir, image, sidecar: `${image}.json` };
}

/** Copies a fixture of test/fixtures/sidecars to `target`. */
export function copyFixture(name: string, target: string): void {
  copyFileSync(new URL(`../../../../fixtures/sidecars/${name}`, import.meta.url), target);
}

/** The names in a folder, sorted (to prove no temp file was left behind). */
export function namesIn(dir: string): string[] {
  return readdirSync(dir).sort();
}
