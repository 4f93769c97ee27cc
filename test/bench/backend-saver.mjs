// The app's save path for the write benchmark: browser mode (dist/electron/serve.cjs) on a
// folder, opened and scanned as the app does, then timed saves that set one field in every
// sidecar with `saveSidecars` requests, each file carrying the version the renderer would hold,
// sent by the renderer's own code (shared/save-batches.ts: its order, batch size and one
// request ahead of each answer). Versions are read before the clock starts.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { importSource, root } from './bench-kit.mjs';

/** The renderer's own sending of saves, so that the benchmark sends what the app sends. */
const sender = await importSource([
  "export { SAVE_BATCH, saveBatches, sendSaveBatches } from './shared/save-batches';",
]);
/** Files per `saveSidecars` request. */
export const SAVE_BATCH = sender.SAVE_BATCH;

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
  return {
    size: bytes.length,
    mtimeMs: statSync(file).mtimeMs,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/**
 * Starts browser mode on `folder` and waits until its scan is done; returns `save`, `park` and
 * `resume` (other writers run while the app is parked on an empty folder) and `close`.
 */
export async function startBackendSaver(folder) {
  const server = spawn(process.execPath, [path.join(root, 'dist/electron/serve.cjs'), '--root', folder], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    createInterface({ input: server.stdout }).on('line', (line) => {
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/.exec(line);
      if (match) resolve({ base: match[1], token: match[2] });
    });
    server.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  const headers = { 'Content-Type': 'application/json', 'X-AcqMeta-Token': url.token };
  // A connection per call: the rounds are seconds apart, longer than the server keeps one alive.
  const call = (method, request) =>
    new Promise((resolve, reject) => {
      const req = http.request(`${url.base}/api/${method}`, { method: 'POST', headers, agent: false }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        });
      });
      req.on('error', reject);
      req.end(JSON.stringify(request));
    });
  /** The payload of a call that must succeed. */
  const callOk = async (method, request) => {
    const result = await call(method, request);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.payload;
  };
  const events = (await fetch(`${url.base}/api/events`, { headers })).body.getReader();
  const decoder = new TextDecoder();
  let received = '';
  /** Opens the folder and scans it, as the app does, until the scan is done. */
  const openAndScan = async () => {
    await callOk('openFolder', { path: folder });
    const { scanId } = await callOk('scanFolder', {});
    const done = `"type":"scan-done","scanId":"${scanId}"`;
    while (!received.includes(done)) received += decoder.decode((await events.read()).value, { stream: true });
    received = '';
  };
  await openAndScan();
  const parked = path.join(folder, '.parked');
  mkdirSync(parked, { recursive: true });
  const paths = images(folder);
  return {
    /** Opens an empty folder, so that other writers' changes are not watched meanwhile. */
    park: () => callOk('openFolder', { path: parked }),
    /** Opens the folder again and scans it. */
    resume: openAndScan,
    /** Sets `field` to `value` in every sidecar; resolves with the seconds the saves took. */
    async save(field, value) {
      const saves = paths.map((p) => ({
        path: p,
        changes: { [field]: value },
        expected: versionOf(path.join(folder, `${p}.json`)),
      }));
      const started = performance.now();
      await sender.sendSaveBatches(
        sender.saveBatches(saves),
        (batch) => call('saveSidecars', { saves: batch }),
        (_index, _batch, answer) => {
          if (answer === null) return;
          if (!answer.ok) throw new Error(`saveSidecars: ${answer.error.message}`);
          const failed = answer.payload.find((o) => !o.ok);
          if (failed) throw new Error(`${failed.path}: ${failed.error.message}`);
        },
      );
      return (performance.now() - started) / 1000;
    },
    close() {
      server.kill('SIGTERM');
    },
  };
}
