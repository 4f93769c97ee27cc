#!/usr/bin/env node
// The app's save path, timed: starts browser mode (dist/electron/serve.cjs) on a folder and, for
// each value given, sets one field in every sidecar with `saveSidecars` requests of 500 files
// (as the renderer sends them), each carrying the version the renderer would hold.
// Usage: save-through-backend.mjs <folder> <field> <value>... ; prints one JSON line per value:
// {"seconds": ..., "files": ..., "failed": ...}. Versions are read before the clock starts.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { root } from './bench-kit.mjs';

const [folder, field, ...values] = process.argv.slice(2);
const SAVE_BATCH = 500;

function images(dir, rel = '') {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const relPath = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) found.push(...images(path.join(dir, entry.name), relPath));
    else if (entry.name.endsWith('.tif')) found.push(relPath);
  }
  return found;
}

function versionOf(file) {
  const bytes = readFileSync(file);
  return { size: bytes.length, mtimeMs: statSync(file).mtimeMs, sha256: createHash('sha256').update(bytes).digest('hex') };
}

const server = spawn(process.execPath, [path.join(root, 'dist/electron/serve.cjs'), '--root', folder], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  createInterface({ input: server.stdout }).on('line', (line) => {
    const match = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/.exec(line);
    if (match) resolve({ base: match[1], token: match[2] });
  });
  server.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
});

async function call(method, request) {
  const response = await fetch(`${url.base}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-AcqMeta-Token': url.token },
    body: JSON.stringify(request),
  });
  const result = await response.json();
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.payload;
}

try {
  await call('getSession', {});
  const paths = images(folder);
  for (const value of values) {
    const saves = paths.map((p) => ({ path: p, changes: { [field]: value }, expected: versionOf(path.join(folder, `${p}.json`)) }));
    const started = performance.now();
    let failed = 0;
    for (let start = 0; start < saves.length; start += SAVE_BATCH) {
      const outcomes = await call('saveSidecars', { saves: saves.slice(start, start + SAVE_BATCH) });
      failed += outcomes.filter((o) => !o.ok).length;
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(JSON.stringify({ seconds, files: saves.length, failed }));
  }
} finally {
  server.kill('SIGTERM');
}
