import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../../../electron/services/tiff/worker-pool';

/**
 * A stand-in worker speaking the scan protocol: "hang", "oom" and "exit" misbehave on purpose;
 * a batch with "split" is answered one file per message, as a slow batch is.
 */
const FAKE_WORKER = `
const { parentPort, workerData, threadId } = require('node:worker_threads');
parentPort.on('message', (message) => {
  const paths = message.type === 'scan' ? message.files.paths.split('\\0') : [message.path];
  const results = paths.map((p) => {
    if (p === 'hang') for (;;) {}
    if (p === 'oom') { const keep = []; for (;;) keep.push(new Array(1e5).fill(0)); }
    if (p === 'exit') process.exit(3);
    Atomics.add(workerData.finished, 0, 1);
    return p === 'bad' ? { ok: false, kind: 'read', message: 'bad file' } : { ok: true, info: { name: p, thread: threadId }, image: { name: p } };
  });
  const packed = (part) => ({ stamps: new Float64Array(part.length * 6).fill(NaN), rest: new TextEncoder().encode(JSON.stringify(part)) });
  const scanned = (part) => ({ type: 'scanned', id: message.id, results: packed(part) });
  if (message.type !== 'scan') parentPort.postMessage({ type: 'previewed', id: message.id, result: results[0] });
  else if (!paths.includes('split')) parentPort.postMessage(scanned(results));
  else for (const result of results) parentPort.postMessage(scanned([result]));
});
`;

let dir: string;
let pool: WorkerPool;

/**
 * A pool of the stand-in worker. Its time limit is one no machine reaches unless a test asks
 * for a short one: on a loaded machine, starting a worker or filling 32 MB can take seconds.
 */
function fakePool(options: Partial<ConstructorParameters<typeof WorkerPool>[0]> = {}): WorkerPool {
  return new WorkerPool({
    workerScript: () => path.join(dir, 'fake-worker.cjs'),
    workers: 1,
    timeoutMs: 600_000,
    maxMemoryMb: 32,
    batchSize: 16,
    ...options,
  });
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'acqmeta-pool-'));
  writeFileSync(path.join(dir, 'fake-worker.cjs'), FAKE_WORKER);
  pool = fakePool();
});

afterAll(async () => {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A header request for `path`, as the scanner makes it. */
const scanOf = (target: WorkerPool, p: string) => target.scan({ path: p, known: null, sidecar: null }, true);
const settle = (paths: string[]) => Promise.allSettled(paths.map((p) => scanOf(pool, p)));
const reasons = (results: PromiseSettledResult<unknown>[]) =>
  results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as Error).message));

describe('WorkerPool', () => {
  it('fails only the file that hangs; the rest of its batch is read by a new worker', async () => {
    // long enough that a worker starting on a loaded machine is not taken for a hang
    const timed = fakePool({ timeoutMs: 5_000 });
    try {
      const results = await Promise.allSettled(['a', 'hang', 'b', 'c'].map((p) => scanOf(timed, p)));
      expect(reasons(results)).toEqual(['ok', 'reading took longer than 5 s', 'ok', 'ok']);
    } finally {
      await timed.close();
    }
  });

  it('fails only the file that exhausts the memory limit', async () => {
    expect(reasons(await settle(['a', 'oom', 'b']))).toEqual(['ok', 'reading needed more than 32 MB of memory', 'ok']);
  });

  it('fails only the file whose worker exits', async () => {
    expect(reasons(await settle(['exit', 'a']))).toEqual(['the reader stopped unexpectedly (exit code 3)', 'ok']);
  });

  it('takes the answers of one batch in several messages', async () => {
    const answers = await Promise.all(
      ['a', 'split', 'bad', 'b'].map((p) =>
        scanOf(pool, p).then(
          (file) => file.info,
          (error: Error) => error.message,
        ),
      ),
    );
    expect(answers).toMatchObject([{ name: 'a' }, { name: 'split' }, 'bad file', { name: 'b' }]);
  });

  it('passes a file error through and keeps the worker', async () => {
    expect(reasons(await settle(['bad', 'a']))).toEqual(['bad file', 'ok']);
  });

  it('runs previews between scans', async () => {
    await expect(pool.preview('p', { c: 0, z: 0, t: 0, maxSize: 8 })).resolves.toEqual({ name: 'p' });
  });

  it('spreads the first files of a scan over all its workers', async () => {
    const two = fakePool({ workers: 2 });
    try {
      const read = await Promise.all(Array.from({ length: 16 }, (_, i) => scanOf(two, `f${i}`)));
      const threads = new Set(read.map((file) => (file.info as unknown as { thread: number }).thread));
      expect(threads.size).toBe(2);
    } finally {
      await two.close();
    }
  });

  it('rejects everything once closed', async () => {
    const closing = fakePool({ batchSize: 1 });
    const queued = Promise.allSettled([scanOf(closing, 'hang'), scanOf(closing, 'a')]);
    await closing.close();
    expect(reasons(await queued)).toEqual(['the scanner was closed', 'the scanner was closed']);
    await expect(scanOf(closing, 'a')).rejects.toThrow('the scanner was closed');
  });

  it('reports a missing worker script on every request instead of crashing', async () => {
    const broken = fakePool({
      workerScript: () => {
        throw new Error('scan-worker.cjs not found');
      },
    });
    await expect(scanOf(broken, 'a')).rejects.toThrow('scan-worker.cjs not found');
    await broken.close();
  });
});
