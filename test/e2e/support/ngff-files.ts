/** The files of the NGFF fixture stores, for a spec's `extraFiles`. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const NGFF = fileURLToPath(new URL('../../fixtures/ngff/', import.meta.url));

/** Every file of the fixture store `name` (test/fixtures/ngff), keyed by its path under `into`. */
export function storeFiles(name: string, into: string): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const rel of readdirSync(path.join(NGFF, name), { recursive: true }).map(String)) {
    const file = path.join(NGFF, name, rel);
    if (statSync(file).isFile()) files[`${into}/${rel.split(path.sep).join('/')}`] = readFileSync(file);
  }
  return files;
}
