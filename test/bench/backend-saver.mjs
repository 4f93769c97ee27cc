// The app's save path for the write benchmark: browser mode (dist/electron/serve.cjs) on a
// folder, opened and scanned as the app does, then timed saves that set one field in every
// sidecar with `saveSidecars` requests of 500 files (the renderer's batches), each carrying the
// version the renderer would hold. Versions are read before the clock starts.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { root } from './bench-kit.mjs';

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

/** Starts browser mode on `folder` and waits until its scan is done; returns `save` and `close`. */
export async function startBackendSaver(folder) {
  const server = spawn(process.execPath, [path.join(root, 'dist/electron/serve.cjs'), '--root', folder], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    createInterface({ input: server.stdout }).on('line', (line) => {
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/.exec(line);
      if (match) resolve({ base: match[1], token: match[2] });
    });
    server.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  const headers = { 'Content-Type': 'application/json', 'X-AcqMeta-Token': url.token };
  const call = async (method, request) => {
    const result = await (await fetch(`${url.base}/api/${method}`, { method: 'POST', headers, body: JSON.stringify(request) })).json();
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.payload;
  };
  const events = await fetch(`${url.base}/api/events`, { headers });
  const { scanId } = await call('scanFolder', {});
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of events.body) {
    text += decoder.decode(chunk, { stream: true });
    if (text.includes(`"type":"scan-done","scanId":"${scanId}"`)) break;
  }
  const paths = images(folder);
  return {
    /** Sets `field` to `value` in every sidecar; resolves with the seconds the saves took. */
    async save(field, value) {
      const saves = paths.map((p) => ({ path: p, changes: { [field]: value }, expected: versionOf(path.join(folder, `${p}.json`)) }));
      const started = performance.now();
      for (let start = 0; start < saves.length; start += SAVE_BATCH) {
        const outcomes = await call('saveSidecars', { saves: saves.slice(start, start + SAVE_BATCH) });
        const failed = outcomes.find((o) => !o.ok);
        if (failed) throw new Error(`${failed.path}: ${failed.error.message}`);
      }
      return (performance.now() - started) / 1000;
    },
    close() {
      server.kill('SIGTERM');
    },
  };
}
