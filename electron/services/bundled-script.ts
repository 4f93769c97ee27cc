/**
 * Finding a bundle that a worker thread runs (dist/electron/*.cjs).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the bundle `file` is: next to the running bundle in dist/electron (in a packaged app,
 * its copy unpacked from app.asar, which worker threads cannot load from), else the built one
 * (code run from its sources, as the unit tests do).
 */
export function findBundledScript(file: string): string {
  const unpacked = __dirname.replace(/app\.asar(?=[\\/]|$)/, 'app.asar.unpacked');
  const candidates = [
    path.join(unpacked, file),
    path.join(__dirname, file),
    path.resolve(__dirname, '../../dist/electron', file),
  ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found === undefined) throw new Error(`${file} not found (run npm run build); looked in ${candidates.join(', ')}`);
  return found;
}
