// The app's save path for the write benchmark: browser mode (dist/electron/serve.cjs) on a
// folder, opened and scanned as the app does, then timed saves that set one field in every
// sidecar with `saveSidecars` requests, each file carrying the version the renderer would hold,
// sent by the renderer's own code (shared/save-batches.ts: its order, batch size and one
// request ahead of each answer). Versions are read before the clock starts.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
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

/** CPU seconds used so far by process `pid` and those under it (Linux's /proc; 0 elsewhere). */
function cpuOfTree(pid) {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return 0;
  let ticks = 0;
  try {
    const fields = readFileSync(stat, 'utf8').split(') ')[1].split(' ');
    ticks = Number(fields[11]) + Number(fields[12]);
    for (const task of readdirSync(`/proc/${pid}/task`))
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/))
        if (child !== '') ticks += cpuOfTree(child) * 100;
  } catch {
    // the process ended meanwhile
  }
  return ticks / 100;
}

/** Resolves once the server has used less than 10 ms of CPU in 200 ms: its work after a park is over. */
async function idle(pid) {
  for (let before = cpuOfTree(pid); ;) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = cpuOfTree(pid);
    if (now - before < 0.01) return;
    before = now;
  }
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
    /**
     * Opens an empty folder, so that other writers' changes are not watched meanwhile, and
     * waits until the server's work on the folder left (its own changes seen, its cache) is
     * over: else it ran on into the next writer's time, for seconds under load.
     */
    async park() {
      await callOk('openFolder', { path: parked });
      await idle(server.pid);
    },
    /**
     * Opens the folder again, scans it and waits until the server's work after the scan is over
     * (the journal read for outside changes, the watcher's start): a person edits before saving,
     * so the save is timed alone, not beside the open's own work on one main thread.
     */
    async resume() {
      await openAndScan();
      await idle(server.pid);
    },
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
