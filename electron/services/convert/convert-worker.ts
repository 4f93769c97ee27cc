/**
 * Entry point of a convert worker thread (bundled to dist/electron/convert-worker.cjs): the heavy
 * part of an archival copy, off the backend's event loop. It describes a source's images,
 * hashes a source, writes one image of a source to a temp file (its planes read, reduced,
 * compressed and tiled here, each plane on disk handed to the main thread to be read back by
 * another worker, the file's IFDs checked at the end), and reads back such a plane; the main
 * thread keeps the sidecars, the temp files' names, the moves into place and the journal. One
 * request at a time, in order.
 */
import { parentPort } from 'node:worker_threads';
import { isDeepStrictEqual } from 'node:util';
import { isOmeZarrPath } from '../../../shared/ngff/store-name';
import { withFileSource } from '../tiff';
import { sha256Of } from './archival-facts';
import { sourceImages } from './archival-sources';
import type { ConvertReply, ConvertRequest, ConvertValue, WriteRequest } from './convert-worker-protocol';
import { writeOmeTiff, type WrittenOmeTiff } from './ome-tiff-writer';
import { readBackPlanes, type WrittenPlane } from './read-back';

if (parentPort === null) throw new Error('convert-worker must run as a worker thread');
const port = parentPort;

/** The job's abort: a worker serves one job, which ends when it is cancelled. */
const job = new AbortController();

const post = (reply: ConvertReply): void => port.postMessage(reply);

/** Read-backs asked of the main thread and not yet answered, by their number. */
const readBacks = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
let nextReadBack = 1;
/** Asks the main thread to have `planes` of write `id` read back; resolves when they all read back equal. */
function askReadBack(id: number, planes: WrittenPlane[]): Promise<void> {
  const seq = nextReadBack++;
  return new Promise((resolve, reject) => {
    readBacks.set(seq, { resolve, reject });
    post({ type: 'read-back', id, seq, planes });
  });
}

/** Posts a write's progress a few hundred times in all, not once per plane of thousands. */
function progress(id: number, planes: number, total: number): void {
  if (planes === total || Math.floor((planes * 200) / total) > Math.floor(((planes - 1) * 200) / total))
    post({ type: 'planes', id, planes });
}

/** The images of the source at `path`, without their plane readers. */
function describe(path: string) {
  if (isOmeZarrPath(path))
    return Promise.reject(
      new Error('an OME-Zarr store is not converted: archival copies are made of TIFF, CZI, ND2, LIF and OIB files'),
    );
  return withFileSource(path, async (source) => ({
    size: source.size,
    images: (await sourceImages(source, fileNameOf(path))).map((image) => {
      if (!image.ok) return image;
      const { index, name, ok, pixels, acquisition, fileCalibration, sidecarPlane } = image;
      return { index, name, ok, pixels, acquisition, fileCalibration, sidecarPlane };
    }),
  }));
}

/** Writes the image the request names, telling each plane written. */
function write(request: WriteRequest, signal: AbortSignal): Promise<WrittenOmeTiff> {
  return withFileSource(request.path, async (source) => {
    const image = (await sourceImages(source, fileNameOf(request.path))).find((i) => i.index === request.index);
    if (image === undefined || !image.ok) throw new Error(image?.reason ?? 'the file no longer has this image');
    if (!isDeepStrictEqual(image.pixels, request.pixels)) throw new Error('the file changed while it was converted');
    return writeOmeTiff(request.temp, image.pixels, request.description, image.readPlane, {
      tiled: request.tiled,
      compression: request.compression,
      software: request.software,
      pixelSizeUm: request.pixelSizeUm,
      ...(request.pending === undefined ? {} : { pending: request.pending }),
      signal,
      onPlane: (planes) => progress(request.id, planes, image.pixels.sizeC * image.pixels.sizeZ * image.pixels.sizeT),
      readBack: (planes) => askReadBack(request.id, planes),
    });
  });
}

/** The file's name: the readers tell formats by it. */
function fileNameOf(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

async function answer(request: Exclude<ConvertRequest, { type: 'abort' | 'read-back-done' }>): Promise<void> {
  try {
    let value: ConvertValue = null;
    if (request.type === 'describe') value = await describe(request.path);
    else if (request.type === 'hash') value = await sha256Of(request.path, job.signal);
    else if (request.type === 'write') value = await write(request, job.signal);
    else if (request.type === 'read-back') {
      job.signal.throwIfAborted();
      readBackPlanes(request.path, request.planes);
    }
    post({ type: 'done', id: request.id, value });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    const message = error instanceof Error ? error.message : String(error);
    post({ type: 'failed', id: request.id, message, ...(typeof code === 'string' ? { code } : {}) });
  }
  if (request.type === 'close') port.close();
}

/** Requests run one after the other; an abort acts at once on the write under way and on those after. */
let queue = Promise.resolve();
port.on('message', (request: ConvertRequest) => {
  if (request.type === 'abort') job.abort();
  else if (request.type === 'read-back-done') {
    const asked = readBacks.get(request.seq);
    readBacks.delete(request.seq);
    if (request.message === undefined) asked?.resolve();
    else asked?.reject(new Error(request.message));
  } else queue = queue.then(() => answer(request));
});
