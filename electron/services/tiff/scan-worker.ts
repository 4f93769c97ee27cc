/**
 * Entry point of a scan worker thread (bundled to dist/electron/scan-worker.cjs).
 *
 * Reads headers (TIFF, and CZI, ND2, LIF and OIB by the vendor readers, through the same
 * bounded file source; an OME-Zarr store's metadata through a store confined to its folder)
 * and decodes preview planes, one file at a time. After each file it bumps the shared
 * `finished` counter, so the pool can tell which file of a batch it is stuck on. A file
 * whose stamp the pool already knows is only `stat`ed: unchanged, it is not read again. When
 * asked, the sidecar's stamp is taken here too, or the sidecar is read whole (the main thread
 * parses it): off the main thread, with synchronous calls that cost far less than async ones. The
 * preview decoder (geotiff for TIFFs, zstddec and zlib for vendor files) is a bundle of its own,
 * loaded with the first preview: a worker that only reads headers starts without it.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants, getPriority, setPriority } from 'node:os';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { readVendorHeader, vendorFormatOfPath, vendorInfoOf, vendorSummaryOf } from '../../../shared/formats';
import type { ImageInfo } from '../../../shared/image-format';
import { isCollectionMemberPath, isOmeZarrPath } from '../../../shared/ngff/store-name';
import { refuseLinkedMember } from '../ngff/collection-at';
import { readTiffHeader, readTiffSummary, type TiffSummary } from '../../../shared/tiff';
import { blockBeforeRead, diskErrorReason, sameStamp, stampOf, type FileStamp } from '../disk';
import { readStoreHeader } from '../ngff/read-store-header';
import { ioFailure, readSnapshotSync, sidecarNameFor, sidecarPathFor } from '../sidecar';
import { withFileSource, type FileSource } from './file-source';
import { withZarrStore, zarrStampSync } from './zarr-store-at';
import { packResults, unpackFiles } from './scan-batch';
import type {
  CarriedSidecar,
  ScanFile,
  ScanResult,
  WorkerData,
  WorkerFailure,
  WorkerReply,
  WorkerRequest,
} from './worker-protocol';

if (parentPort === null) throw new Error('scan-worker must run as a worker thread');
const port = parentPort;
const { finished, background } = workerData as WorkerData;

/**
 * Files a background worker reads at normal priority before it gives way: the first rows of a
 * scan are what the user waits for. Beside the main thread starting the scan, a worker that gave
 * way at once let browser mode's first rows leave 117–160 ms after `scanFolder`, against 88–129 ms
 * (seven each, in turns, 10,000 images); past the first batches, the window comes first.
 */
const FILES_BEFORE_GIVING_WAY = 64;
/** How far a background worker lowers its priority, in nice steps; the lowest there is. */
const GIVING_WAY_STEP = constants.priority.PRIORITY_BELOW_NORMAL;
const LOWEST_PRIORITY = constants.priority.PRIORITY_LOW;
let filesRead = 0;

/** Counts a file read; past the first ones, a background worker lowers its priority (for good: it cannot raise it again). */
function countRead(): void {
  filesRead += 1;
  // On Linux a nice value is per thread: this one alone gives way (elsewhere it would be the whole process).
  // Below the app's own priority, whatever it started at (an app started under `nice` included).
  if (background && process.platform === 'linux' && filesRead === FILES_BEFORE_GIVING_WAY)
    setPriority(Math.min(LOWEST_PRIORITY, getPriority() + GIVING_WAY_STEP));
}
/**
 * Longest a file's answer waits for the rest of its batch: short, so the first rows of a scan
 * (read while the worker's code is still cold) need not wait for a whole batch; a batch read
 * at full speed still goes back in one message.
 */
const REPLY_MS = 10;

/** `ACQMETA_SKIP_ACQUISITION=1` leaves acquisition metadata unread: the benchmark's reference scan, nothing else. */
const READ_ACQUISITION = process.env.ACQMETA_SKIP_ACQUISITION !== '1';

/** The preview decoder's bundle, next to this one (see build/scripts/build.mjs). */
const PREVIEW_DECODER_FILE = 'preview-decoder.cjs';

type PreviewDecoder = typeof import('./decode-plane');
let previewDecoder: PreviewDecoder | null = null;

function loadPreviewDecoder(): PreviewDecoder {
  previewDecoder ??= createRequire(__filename)(path.join(__dirname, PREVIEW_DECODER_FILE)) as PreviewDecoder;
  return previewDecoder;
}

function failure(error: unknown): WorkerFailure {
  const message = diskErrorReason(error);
  // by name: the preview decoder's bundle has its own copy of the class
  return { ok: false, kind: error instanceof Error && error.name === 'PlaneRangeError' ? 'range' : 'read', message };
}

/** The stamp of an image's sidecar; null when there is none (or it is not a file). */
function sidecarStamp(absPath: string): FileStamp | null {
  const stat = statSync(sidecarPathFor(absPath), { throwIfNoEntry: false });
  return stat?.isFile() === true ? stampOf(stat) : null;
}

/** The sidecars read for the answer being gathered, one after another, and their total size. */
let sidecarBytes: Uint8Array[] = [];
let sidecarsSize = 0;

/** Reads an image's sidecar (a link is followed, as the listing saw a file); its bytes join the answer's. */
function readSidecar(absPath: string): CarriedSidecar {
  const name = sidecarNameFor(absPath);
  try {
    blockBeforeRead();
    const snapshot = readSnapshotSync(sidecarPathFor(absPath), name, absPath, false);
    if (snapshot === null || snapshot === 'link') return null;
    const at = sidecarsSize;
    sidecarBytes.push(snapshot.bytes);
    sidecarsSize += snapshot.bytes.length;
    return { at, version: snapshot.version, mode: snapshot.mode, writable: snapshot.writable };
  } catch (error) {
    return { problem: ioFailure(error, `${name} could not be read`, absPath).message };
  }
}

/** The sidecars read since the last answer, in one buffer of their own (then handed over). */
function takeSidecars(): Uint8Array<ArrayBuffer> {
  const all = new Uint8Array(sidecarsSize);
  let at = 0;
  for (const bytes of sidecarBytes) {
    all.set(bytes, at);
    at += bytes.length;
  }
  sidecarBytes = [];
  sidecarsSize = 0;
  return all;
}

/** A file's header: the summary a listing shows, or everything (`detail`); the reader is chosen by the file's name. */
async function readHeader(source: FileSource, fileName: string, detail: boolean): Promise<TiffSummary | ImageInfo> {
  if (vendorFormatOfPath(fileName) !== null) {
    const read = readVendorHeader(source, fileName);
    return detail ? vendorInfoOf(read) : vendorSummaryOf(read);
  }
  const options = { fileName, acquisition: READ_ACQUISITION };
  return detail ? readTiffHeader(source, options) : readTiffSummary(source, options);
}

async function scanOne(file: ScanFile, detail: boolean): Promise<ScanResult> {
  const { path: absPath, known } = file;
  try {
    if (isCollectionMemberPath(absPath)) refuseLinkedMember(absPath);
    const sidecar = file.sidecar === 'stamp' ? sidecarStamp(absPath) : null;
    const read = file.sidecar === 'read' ? { sidecarRead: readSidecar(absPath) } : {};
    const fileName = path.basename(absPath);
    const isStore = isOmeZarrPath(absPath);
    if (known !== null) {
      const stamp = isStore ? zarrStampSync(absPath) : stampOf(statSync(absPath));
      if (sameStamp(stamp, known)) return { ok: true, info: null, stamp, sidecar, ...read };
    }
    if (isStore) {
      const stamp = zarrStampSync(absPath);
      const info = await withZarrStore(absPath, (store) => readStoreHeader(store, detail));
      return { ok: true, info, stamp, sidecar, ...read };
    }
    return await withFileSource(absPath, async (source) => ({
      ok: true,
      info: await readHeader(source, fileName, detail),
      stamp: source.stamp,
      sidecar,
      ...read,
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
    const files = unpackFiles(message.files);
    for (const [i, file] of files.entries()) {
      results.push(await scanOne(file, message.detail));
      countRead();
      // on a slow disk a batch takes long: what is read goes out every REPLY_MS, in order
      if (i === files.length - 1 || performance.now() - sentAt >= REPLY_MS) {
        const packed = packResults(results);
        const sidecars = takeSidecars();
        port.postMessage({ type: 'scanned', id: message.id, results: packed, sidecars } satisfies WorkerReply, [
          packed.stamps.buffer,
          packed.rest.buffer,
          sidecars.buffer,
        ]);
        results = [];
        sentAt = performance.now();
      }
    }
    return;
  }
  try {
    const { decodePlane, decodeStorePreview } = loadPreviewDecoder();
    const image = isOmeZarrPath(message.path)
      ? await decodeStorePreview(message.path, message.request)
      : await withFileSource(message.path, (source) =>
          decodePlane(source, message.request, path.basename(message.path)),
        );
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
