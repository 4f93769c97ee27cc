/**
 * Entry point of a scan worker thread (bundled to dist/electron/scan-worker.cjs).
 *
 * Reads headers and decodes preview planes, one file at a time. After each file it bumps the
 * shared `finished` counter, so the pool can tell which file of a batch it is stuck on.
 */
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { PlaneRangeError, readTiffHeader } from '../../../shared/tiff';
import { decodePlane } from './decode-plane';
import { withFileSource } from './file-source';
import type { ScanResult, WorkerData, WorkerFailure, WorkerReply, WorkerRequest } from './worker-protocol';

if (parentPort === null) throw new Error('scan-worker must run as a worker thread');
const port = parentPort;
const { finished } = workerData as WorkerData;
const encoder = new TextEncoder();

function failure(error: unknown): WorkerFailure {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Record<string, string> = {
    ENOENT: 'file not found',
    EACCES: 'permission denied',
    EISDIR: 'is a folder',
    EMFILE: 'too many open files',
  };
  const message = (code !== undefined ? reasons[code] : undefined) ?? (error instanceof Error ? error.message : String(error));
  return { ok: false, kind: error instanceof PlaneRangeError ? 'range' : 'read', message };
}

async function scanOne(absPath: string): Promise<ScanResult> {
  try {
    const info = await withFileSource(absPath, (source) => readTiffHeader(source, { fileName: path.basename(absPath) }));
    return { ok: true, info };
  } catch (error) {
    return failure(error);
  } finally {
    Atomics.add(finished, 0, 1);
  }
}

async function handle(message: WorkerRequest): Promise<void> {
  if (message.type === 'scan') {
    const results: ScanResult[] = [];
    for (const absPath of message.paths) results.push(await scanOne(absPath));
    const bytes = encoder.encode(JSON.stringify(results));
    port.postMessage({ type: 'scanned', id: message.id, results: bytes } satisfies WorkerReply, [bytes.buffer]);
    return;
  }
  try {
    const image = await withFileSource(message.path, (source) => decodePlane(source, message.request, path.basename(message.path)));
    port.postMessage({ type: 'previewed', id: message.id, result: { ok: true, image } } satisfies WorkerReply);
  } catch (error) {
    port.postMessage({ type: 'previewed', id: message.id, result: failure(error) } satisfies WorkerReply);
  } finally {
    Atomics.add(finished, 0, 1);
  }
}

let chain = Promise.resolve();
port.on('message', (message: WorkerRequest) => {
  chain = chain.then(() => handle(message));
});
