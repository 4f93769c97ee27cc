/**
 * Archival OME-TIFF copies of source images: every image's output path planned before the
 * first write (a source's folder kept below the output folder, no two images on one path:
 * `output-plan.ts`), then for each image its OME-XML and its planes written to a temp file
 * beside its output (named like every other temp file; a run sweeps the stale ones of the
 * output folder's tree when it starts), read back, then put in place with a new CloudScope
 * sidecar, together or neither (`place-copy.ts`; never over an existing file without `force`).
 * The sidecar carries the source sidecar's experimental fields and the copy's own header. The
 * run is one journaled action. Sources are only ever opened for reading, by the job's convert workers: the planes,
 * their levels and compression run in one, off this thread's event loop, while a second hashes
 * the source meanwhile, then reads back each plane once it is on disk while the next is written;
 * the source's SHA-256 is written over a placeholder of the same length in the copy's OME-XML
 * once both are done, and read back.
 */
import { mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import type {
  ConvertedImage,
  ConvertOptions,
  ConvertProgress,
  ConvertRefusal,
  ConvertSummary,
} from '../../../shared/api';
import type { FieldValues } from '../../../shared/fields/field-table';
import { archivalOmeXml, SOURCE_HASH_OPENING, tilesFit, type ArchivalImage } from '../../../shared/ome-tiff';
import { version } from '../../../package.json';
import { writeAllAt } from '../disk';
import { journalWrites, type JournalPlaces } from '../journal';
import type { ProfileFinder } from '../profile';
import { claimTemp, readSidecarFile, releaseTemp, sweepStaleTempsUnder } from '../sidecar';
import { experimentalValues, instrumentMatchEntries, physicalSizeUm } from './archival-facts';
import { ConvertWorker } from './convert-worker-client';
import { copyNotWritten } from './file-sink';
import type { DescribedImage } from './archival-sources';
import type { DescribedSource } from './convert-worker-protocol';
import { planOutputs, type PlannedOutput } from './output-plan';
import { checkOutputFree, makeFoldersBelow, placeCopy, type SidecarOfCopy } from './place-copy';

/** The program that writes the copies, with its version, as their OME-XML and TIFF tags name it. */
export const CONVERTER = `AcqMeta ${version}`;

/** One source image to copy: as a row names it, where it is, and the folder its copies go in. */
export interface ConvertSource {
  relPath: string;
  absPath: string;
  /** Below the output folder, `/`-separated (the source's own folder below the one named); '' or absent: the output folder. */
  folder?: string;
}

/** A conversion: what to copy, where, how, and who is told as it goes. */
export interface ConvertJob {
  sources: readonly ConvertSource[];
  /** Absolute; made when missing. */
  outputFolder: string;
  options: ConvertOptions;
  /** The program that writes the copies, with its version (`AcqMeta 0.1.0`). */
  converter: string;
  /** The lab profiles (the new sidecars' checks) and microscope catalogues in force. */
  profiles: ProfileFinder;
  /** Where the run is journaled, by which tool; null: not journaled. */
  journal: { places: JournalPlaces; tool: string } | null;
  signal?: AbortSignal;
  /** The convert worker's JavaScript heap in MB (default CONVERT_WORKER_HEAP_MB). */
  workerHeapMb?: number;
  onProgress?: (progress: ConvertProgress) => void;
  /** Each image as it is written or refused. */
  onImage?: (outcome: { written: ConvertedImage } | { refused: ConvertRefusal }) => void;
}

type Ready = Extract<DescribedImage, { ok: true }>;

/** The source's SHA-256 in the OME-XML until it is known: as long as a real one. */
const HASH_PENDING = '0'.repeat(64);

/** Planes of an image. */
const planeCount = (image: Ready): number => image.pixels.sizeC * image.pixels.sizeZ * image.pixels.sizeT;

/** The sources described (a source that cannot be, its failure kept for its refusal), and their images and planes counted. */
async function survey(
  sources: readonly ConvertSource[],
  worker: ConvertWorker,
): Promise<{ images: number; planes: number; described: Promise<DescribedSource>[] }> {
  let images = 0;
  let planes = 0;
  const described: Promise<DescribedSource>[] = [];
  for (const source of sources) {
    const found = worker.describe(source.absPath);
    described.push(found);
    const { images: ofSource } = await found.catch(() => ({ images: [] }));
    images += ofSource.length;
    for (const image of ofSource) if (image.ok) planes += planeCount(image);
  }
  return { images, planes, described };
}

/**
 * The sidecar's field values (null when the image has none); a sidecar that cannot be read
 * throws with its problem, so that a copy never silently leaves out fields the sidecar holds.
 */
async function sidecarValuesOf(absPath: string): Promise<FieldValues | null> {
  const read = await readSidecarFile(absPath);
  if (read.state === 'invalid')
    throw new Error(
      `its sidecar cannot be read (${read.problems[0] ?? 'not a sidecar'}): not converted, so that its fields are not lost`,
    );
  return read.state === 'ok' ? read.sidecar.fieldValues() : null;
}

/** Converts the job's images; resolves to what was written and refused (and whether it was cancelled). */
export async function convertImages(job: ConvertJob): Promise<ConvertSummary> {
  const worker = new ConvertWorker(job.workerHeapMb);
  const hasher = new ConvertWorker(job.workerHeapMb);
  const abort = (): void => {
    worker.abort();
    hasher.abort();
  };
  if (job.signal?.aborted === true) abort();
  job.signal?.addEventListener('abort', abort, { once: true });
  try {
    return await convertWith(job, worker, hasher);
  } finally {
    job.signal?.removeEventListener('abort', abort);
    await Promise.all([worker.close(), hasher.close()]);
  }
}

async function convertWith(job: ConvertJob, worker: ConvertWorker, hasher: ConvertWorker): Promise<ConvertSummary> {
  const { outputFolder, options, signal } = job;
  await mkdir(outputFolder, { recursive: true });
  const [total] = await Promise.all([survey(job.sources, worker), sweepStaleTempsUnder(outputFolder)]);
  const described = await Promise.all(total.described.map((found) => found.catch(() => null)));
  const plan = planOutputs(
    outputFolder,
    options.extension,
    job.sources.map((source, k) => ({ ...source, folder: source.folder ?? '', images: described[k]?.images ?? [] })),
  );
  const summary: ConvertSummary = { written: [], refused: [], cancelled: false, outputFolder };
  const action = `Convert ${total.images} image${total.images === 1 ? '' : 's'} to OME-TIFF`;
  const journal =
    job.journal === null ? undefined : journalWrites(job.journal.places, { tool: job.journal.tool, action });
  let done = 0;
  const aborted = (): boolean => signal?.aborted === true;
  const refuse = (refusal: ConvertRefusal): void => {
    summary.refused.push(refusal);
    job.onImage?.({ refused: refusal });
  };

  for (const [k, source] of job.sources.entries()) {
    if (aborted()) break;
    const fileName = path.basename(source.absPath);
    let sha256: Promise<string> | null = null;
    await (async () => {
      const { size, images } = await (total.described[k] as Promise<DescribedSource>);
      const values = await sidecarValuesOf(source.absPath).catch((error: unknown) => {
        // a refused file's planes count as done, so that the progress still ends at its total
        for (const image of images) if (image.ok) done += planeCount(image);
        throw error;
      });
      const several = images.length > 1;
      for (const [i, image] of images.entries()) {
        if (aborted()) return;
        const name = several ? image.name : null;
        if (!image.ok) {
          refuse({ source: source.relPath, image: name, kind: 'refused', reason: image.reason });
          continue;
        }
        const planned = plan[k]?.[i] as PlannedOutput;
        if ('refused' in planned) {
          done += planeCount(image);
          refuse({ source: source.relPath, image: name, kind: 'refused', reason: planned.refused });
          continue;
        }
        const { output } = planned;
        const taken = await checkOutputFree(output, options.force).catch((error: Error) => error);
        if (taken !== undefined) {
          done += planeCount(image);
          const kind = (taken as NodeJS.ErrnoException).code === 'EEXIST' ? 'exists' : 'refused';
          refuse({ source: source.relPath, image: name, kind, reason: taken.message });
          continue;
        }
        const current = several ? `${source.relPath} (${image.name})` : source.relPath;
        job.onProgress?.({ done, total: total.planes, current });
        sha256 ??= hashOf(hasher, source.absPath);
        const archival: ArchivalImage = {
          name: image.name,
          pixels: image.pixels,
          acquisition: image.acquisition,
          physicalSizeUm: physicalSizeUm(values, image.fileCalibration, image.acquisition, image.sidecarPlane),
          experimental: Object.entries(experimentalValues(values)).map(([key, value]) => [key, String(value)]),
          instrumentMatch: instrumentMatchEntries(
            await job.profiles.instrumentsFor(source.absPath).catch(() => null),
            image.acquisition,
          ),
          source: { name: fileName, bytes: size, sha256: HASH_PENDING },
          converter: job.converter,
        };
        const before = done;
        try {
          const description = archivalOmeXml(archival);
          const write = { path: source.absPath, image, description, sha256, pixelSizeUm: pixelSizeOf(archival) };
          const sidecar: SidecarOfCopy = {
            changes: experimentalValues(values),
            profiles: job.profiles,
            ...(journal === undefined ? {} : { journal }),
          };
          await makeFoldersBelow(outputFolder, source.folder ?? '');
          const written = await writeCopy(output, write, job, { worker, hasher, sidecar }, (planes) => {
            done = before + planes;
            job.onProgress?.({ done, total: total.planes, current });
          });
          done = before + planeCount(image);
          const converted: ConvertedImage = { source: source.relPath, image: name, output, ...written };
          summary.written.push(converted);
          job.onImage?.({ written: converted });
        } catch (error) {
          if (aborted()) return;
          done = before + planeCount(image);
          const kind = (error as NodeJS.ErrnoException).code === 'EEXIST' ? 'exists' : 'refused';
          refuse({ source: source.relPath, image: name, kind, reason: (error as Error).message });
        }
      }
    })().catch((error: unknown) => {
      refuse({ source: source.relPath, image: null, kind: 'refused', reason: (error as Error).message });
    });
  }
  summary.cancelled = aborted();
  return summary;
}

/** What one copy is written from. */
interface CopyWrite {
  path: string;
  image: Ready;
  description: string;
  sha256: Promise<string>;
  pixelSizeUm: { x: number; y: number } | null;
}

/** The pixel size the OME-XML states, for TIFF's resolution tags; null unless both sides are known. */
function pixelSizeOf(archival: ArchivalImage): { x: number; y: number } | null {
  const { x, y } = archival.physicalSizeUm;
  return x === null || y === null ? null : { x, y };
}

/** Writes one copy through a temp file beside its output, then places it with its sidecar; the temp file never stays. */
async function writeCopy(
  output: string,
  { path: source, image, description, sha256, pixelSizeUm }: CopyWrite,
  job: ConvertJob,
  { worker, hasher, sidecar }: { worker: ConvertWorker; hasher: ConvertWorker; sidecar: SidecarOfCopy },
  onPlane: (planes: number) => void,
): Promise<Pick<ConvertedImage, 'bytes' | 'bigtiff' | 'levels' | 'verified'>> {
  const temp = claimTemp(path.dirname(output));
  try {
    const written = await worker.write(
      {
        path: source,
        index: image.index,
        pixels: image.pixels,
        temp,
        description,
        tiled: !job.options.flat && tilesFit(image.pixels.width, image.pixels.height),
        compression: job.options.compression,
        software: job.converter,
        pixelSizeUm,
        pending: SOURCE_HASH_OPENING + HASH_PENDING,
      },
      { onPlanes: onPlane, readBack: (planes) => hasher.readBack(temp, planes) },
    );
    await fillInHash(temp, (written.pendingAt ?? 0) + SOURCE_HASH_OPENING.length, await sha256);
    job.signal?.throwIfAborted();
    await placeCopy(temp, output, job.options.force, sidecar);
    return { bytes: written.bytes, bigtiff: written.bigtiff, levels: written.levels, verified: written.verified };
  } finally {
    await rm(temp, { force: true });
    releaseTemp(temp);
  }
}

/** The source's SHA-256, hashed by `hasher` while the copy is written (a failure is the write's to tell). */
function hashOf(hasher: ConvertWorker, absPath: string): Promise<string> {
  const hashed = hasher.hash(absPath);
  hashed.catch(() => undefined);
  return hashed;
}

/** Writes `sha256` over its placeholder at `at` in the copy at `file`, and reads it back. */
async function fillInHash(file: string, at: number, sha256: string): Promise<void> {
  const bytes = Buffer.from(sha256, 'latin1');
  if (bytes.length !== HASH_PENDING.length) throw new Error(`not a SHA-256: ${sha256}`);
  const handle = await open(file, 'r+').catch((error: unknown) => {
    throw copyNotWritten(error);
  });
  try {
    await writeAllAt(handle, [bytes], at).catch((error: unknown) => {
      throw copyNotWritten(error);
    });
    const back = Buffer.alloc(bytes.length);
    await handle.read(back, 0, back.length, at);
    if (!back.equals(bytes)) throw new Error("the source's SHA-256 reads back different from the copy");
  } finally {
    await handle.close();
  }
}
