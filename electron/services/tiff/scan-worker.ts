/**
 * Entry point of a scan worker thread (bundled to dist/electron/scan-worker.cjs).
 *
 * Reads headers and decodes preview planes, one file at a time. After each file it bumps the
 * shared `finished` counter, so the pool can tell which file of a batch it is stuck on. A file
 * whose stamp the pool already knows is only `stat`ed: unchanged, it is not read again (the
 * sidecar's stamp is taken here too, off the main thread, when asked for). The
 * preview decoder (geotiff) is a bundle of its own, loaded with the first preview: a worker
 * that only reads headers starts without it.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants, setPriority } from 'node:os';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { readTiffHeader, readTiffSummary } from '../../../shared/tiff';
import { sameStamp, stampOf, type FileStamp } from '../folder/file-stamp';
import { withFileSource } from './file-source';
import type { ScanFile, ScanResult, WorkerData, WorkerFailure, WorkerReply, WorkerRequest } from './worker-protocol';

if (parentPort === null) throw new Error('scan-worker must run as a worker thread');
const port = parentPort;
const { finished, background } = workerData as WorkerData;
// On Linux a nice value is per thread: this one alone gives way (elsewhere it would be the whole process).
if (background && process.platform === 'linux') setPriority(constants.priority.PRIORITY_BELOW_NORMAL);
const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** Longest a file's answer waits for the rest of its batch. */
const REPLY_MS = 50;

/** The preview decoder's bundle, next to this one (see build/scripts/build.mjs). */
const PREVIEW_DECODER_FILE = 'preview-decoder.cjs';

type PreviewDecoder = typeof import('./decode-plane');
let previewDecoder: PreviewDecoder | null = null;

function loadPreviewDecoder(): PreviewDecoder {
  previewDecoder ??= createRequire(__filename)(path.join(__dirname, PREVIEW_DECODER_FILE)) as PreviewDecoder;
  return previewDecoder;
}

function failure(error: unknown): WorkerFailure {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Record<string, string> = {
    ENOENT: 'file not found',
    EACCES: 'permission denied',
    EISDIR: 'is a folder',
    EMFILE: 'too many open files',
  };
  const message = (code !== undefined ? reasons[code] : undefined) ?? (error instanceof Error ? error.message : String(error));
  // by name: the preview decoder's bundle has its own copy of the class
  return { ok: false, kind: error instanceof Error && error.name === 'PlaneRangeError' ? 'range' : 'read', message };
}

/** The stamp of an image's sidecar; null when there is none (or it is not a file). */
function sidecarStamp(absPath: string): FileStamp | null {
  const stat = statSync(`${absPath}.json`, { throwIfNoEntry: false });
  return stat?.isFile() === true ? stampOf(stat) : null;
}

async function scanOne(file: ScanFile, detail: boolean): Promise<ScanResult> {
  const { path: absPath, known } = file;
  try {
    const sidecar = file.sidecar ? sidecarStamp(absPath) : null;
    if (known !== null) {
      const stamp = stampOf(statSync(absPath));
      if (sameStamp(stamp, known)) return { ok: true, info: null, stamp, sidecar };
    }
    const options = { fileName: path.basename(absPath) };
    return await withFileSource(absPath, async (source) => ({
      ok: true,
      info: detail ? await readTiffHeader(source, options) : await readTiffSummary(source, options),
      stamp: source.stamp,
      sidecar,
    }));
  } catch (error) {
    return failure(error);
  } finally {
    Atomics.add(finished, 0, 1);
  }
}

async function handle(message: WorkerRequest): Promise<void> {
  if (message.type === 'scan') {
    let results: ScanResult[] = [];
    let sentAt = performance.now();
    const files = JSON.parse(decoder.decode(message.files)) as ScanFile[];
    for (const [i, file] of files.entries()) {
      results.push(await scanOne(file, message.detail));
      // on a slow disk a batch takes long: what is read goes out every REPLY_MS, in order
      if (i === files.length - 1 || performance.now() - sentAt >= REPLY_MS) {
        const bytes = encoder.encode(JSON.stringify(results));
        port.postMessage({ type: 'scanned', id: message.id, results: bytes } satisfies WorkerReply, [bytes.buffer]);
        results = [];
        sentAt = performance.now();
      }
    }
    return;
  }
  try {
    const { decodePlane } = loadPreviewDecoder();
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
