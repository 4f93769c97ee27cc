/**
 * Exports images as an acqstore collection (`name.ome.zarr`) for CloudScope Web, as acqstore's
 * exporter does: built in a staging folder beside the destination, verified, then renamed into
 * place, so that the destination is never a half collection. Sources are only read. A
 * destination that exists is replaced only when asked and only when AcqMeta wrote it.
 */
import { lstat, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  collectionManifest,
  ANALYSIS_TABLES,
  memberPaths,
  type ExportImage,
} from '../../../shared/ngff/export/collection-documents';
import { exportImageOf, ExportRefusal } from '../../../shared/ngff/export/export-image';
import { COLLECTION_MANIFEST_KEY, isCollectionMemberPath, isOmeZarrPath } from '../../../shared/ngff/store-name';
import { headerFromSizes } from '../../../shared/formats';
import { createSidecar, withHeaderValues, type Sidecar } from '../../../shared/sidecar';
import { toPlain } from '../../../shared/sidecar';
import { sourceImages } from '../convert';
import { scanImage } from '../rows';
import { readSidecarFile } from '../sidecar';
import { withFileSource, type TiffScanner } from '../tiff';
import { contractProblems } from './contract-check';
import { withAnalysisTables } from './read-analysis-tables';
import { makeStaging, sweepStaging } from './staging';
import { verifyCollection } from './verify-collection';
import { writeCollectionGroups, writeImage, type PlaneDigests } from './write-image';

/** The mark in `acqstore_version` of a collection AcqMeta wrote: a PEP 440 local label on the contract's version. */
export const PRODUCER_MARK = '+acqmeta.';

/** The acqstore release whose collection layout an export follows. */
const ACQSTORE_CONTRACT_VERSION = '0.2.0';

/** An image that is an OME-Zarr store (or one of a collection's): exports leave it out, it is not exported again. */
export const isStorePath = (relPath: string): boolean => isOmeZarrPath(relPath) || isCollectionMemberPath(relPath);

/** One image to export: its path in the exported folder (`/`-separated) and on disk. */
export interface ExportSource {
  relPath: string;
  absPath: string;
}

/** An export: what, where, and who is told as it goes. */
export interface CollectionExportJob {
  /** In the order the collection lists them. */
  sources: readonly ExportSource[];
  /** The collection's name: the exported folder's. */
  name: string;
  /** Absolute; must end in `.ome.zarr`. */
  destination: string;
  /** Replace a collection AcqMeta wrote at the destination. */
  force: boolean;
  /** Reads the header of an image without a sidecar, for the sidecar a first save would write. */
  scanner: TiffScanner;
  /** The program writing, `{ name: 'AcqMeta', version }`. */
  creator: { name: string; version: string };
  now?: () => Date;
  signal?: AbortSignal;
  /** Each image once it is written (or, after a refusal, described), with how many there are. */
  onImage?: (progress: { done: number; total: number; current: string }) => void;
}

/** Images that cannot be exported, each with why: nothing was written. */
export class ExportRefused extends Error {
  constructor(readonly refusals: readonly { relPath: string; reason: string }[]) {
    super(`${refusals.length} image${refusals.length === 1 ? '' : 's'} cannot be exported`);
  }
}

/** A destination the export will not write to, and why (`exists`: something is there and replacing it was not asked): nothing was written. */
export class DestinationRefused extends Error {
  constructor(
    message: string,
    readonly kind: 'exists' | 'refused' = 'refused',
  ) {
    super(message);
  }
}

/** What was written. */
export interface CollectionExportSummary {
  destination: string;
  images: number;
  replaced: boolean;
}

/** The sidecar to copy: the image's own, or the one a first save would write; refuses one that cannot be read. */
async function sidecarOf(source: ExportSource, scanner: TiffScanner): Promise<Sidecar> {
  const read = await readSidecarFile(source.absPath);
  if (read.state === 'ok') return read.sidecar;
  if (read.state === 'invalid')
    throw new ExportRefusal(`its sidecar cannot be read (${read.problems[0] ?? 'not a sidecar'})`);
  const scan = await scanImage(scanner, source.absPath);
  if (!scan.ok) throw new ExportRefusal(scan.message);
  return createSidecar(scan.info.header, scan.info.fileCalibration, {});
}

/** The sidecar's values, as the contract checks them; refuses a sidecar that breaks it. */
function sidecarValues(sidecar: Sidecar): unknown {
  const value = toPlain(sidecar.root);
  const problems = contractProblems('acqImageSidecarV2', value);
  if (problems.length > 0) throw new ExportRefusal(`its sidecar breaks acqstore's contract: ${problems.join('; ')}`);
  return value;
}

/**
 * The sidecar's text for the exported image: byte for byte, but for the shape, axes and sizes
 * when the image's axes are put in NGFF's order (an ImageJ TZCYX stack becomes TCZYX), so that
 * the sidecar still records the header of the image it goes with.
 */
function exportedSidecarText(sidecar: Sidecar, image: ExportImage): string {
  const sizes = image.axes.map((axis, i): [string, number] => [axis.name.toUpperCase(), image.shape[i] as number]);
  const { shape, dims, sizes: sizesText } = headerFromSizes(sizes, image.dtype, 1);
  return withHeaderValues(sidecar, { shape, dims, sizes: sizesText }).text;
}

/** Fails unless the destination may be written: a `.ome.zarr` name, and, when it exists, a collection AcqMeta wrote that `force` replaces. */
async function checkDestination(destination: string, force: boolean): Promise<boolean> {
  if (!/\.ome\.zarr$/i.test(path.basename(destination)))
    throw new DestinationRefused(`${path.basename(destination)}: a collection's name must end in .ome.zarr`);
  const stats = await lstat(destination).catch(() => null);
  if (stats === null) return false;
  if (!force)
    throw new DestinationRefused(`${destination} already exists (--force replaces a collection AcqMeta wrote)`);
  const manifest = stats.isDirectory()
    ? await readFile(path.join(destination, ...COLLECTION_MANIFEST_KEY.split('/')), 'utf8').catch(() => null)
    : null;
  const version = manifest === null ? null : (JSON.parse(manifest) as { acqstore_version?: unknown }).acqstore_version;
  if (typeof version !== 'string' || !version.includes(PRODUCER_MARK))
    throw new DestinationRefused(`${destination} is not a collection AcqMeta wrote: it is not replaced`);
  return true;
}

/** `destination` replaced by `staged`, the old one removed only once the new one is in place. */
async function install(staged: string, destination: string, replace: boolean, scratch: string): Promise<void> {
  if (!replace) {
    await rename(staged, destination);
    return;
  }
  const old = path.join(scratch, 'replaced');
  await rename(destination, old);
  try {
    await rename(staged, destination);
  } catch (error) {
    await rename(old, destination);
    throw error;
  }
}

/** Exports the job's images as one collection; rejects with {@link ExportRefused} or {@link DestinationRefused}, writing nothing. */
export async function exportCollection(job: CollectionExportJob): Promise<CollectionExportSummary> {
  const { destination, signal } = job;
  const replace = await checkDestination(destination, job.force);
  await sweepStaging(destination);
  const scratch = await makeStaging(destination);
  try {
    const staged = path.join(scratch, path.basename(destination));
    const images = await stageCollection(job, staged);
    await verifyCollection(staged, images.written, images.digests, signal);
    signal?.throwIfAborted();
    await install(staged, destination, replace, scratch);
    return { destination, images: images.written.length, replaced: replace };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * Writes every image, the pooled tables and the collection manifest into `staged` (which must
 * not exist); refuses all when any image is refused. Resolves to the images written and their
 * planes' digests, for {@link verifyCollection}.
 */
export async function stageCollection(
  job: CollectionExportJob,
  staged: string,
): Promise<{ written: ExportImage[]; digests: Map<string, PlaneDigests> }> {
  const { sources, signal } = job;
  if (sources.length === 0) throw new DestinationRefused('there are no images to export');
  await writeCollectionGroups(staged);
  const written: ExportImage[] = [];
  const digests = new Map<string, PlaneDigests>();
  const refusals: { relPath: string; reason: string }[] = [];
  for (const [index, source] of sources.entries()) {
    signal?.throwIfAborted();
    try {
      const image = await writeMember(job, staged, index, source, refusals.length === 0, digests);
      if (image !== null) written.push(image);
    } catch (error) {
      // a source that cannot be read, and a disk that fills while it is written, refuse the image
      if (signal?.aborted === true) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      // a reader's message may begin with the file's name, which the refusal names already
      const own = `${path.basename(source.absPath)}: `;
      refusals.push({ relPath: source.relPath, reason: reason.startsWith(own) ? reason.slice(own.length) : reason });
    }
    job.onImage?.({ done: index + 1, total: sources.length, current: source.relPath });
  }
  if (refusals.length > 0) throw new ExportRefused(refusals);
  for (const table of Object.values(ANALYSIS_TABLES)) {
    const file = path.join(staged, ...table.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '\n', { flag: 'wx' });
  }
  const facts = {
    name: job.name,
    createdUtc: (job.now?.() ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    producerVersion: `${ACQSTORE_CONTRACT_VERSION}${PRODUCER_MARK}${job.creator.version}`,
  };
  await writeFile(path.join(staged, ...COLLECTION_MANIFEST_KEY.split('/')), collectionManifest(facts, written), {
    flag: 'wx',
  });
  return { written, digests };
}

/** Reads one source and, when `write`, writes it as image `index`; resolves to it (null when only described). */
async function writeMember(
  job: CollectionExportJob,
  staged: string,
  index: number,
  source: ExportSource,
  write: boolean,
  digests: Map<string, PlaneDigests>,
): Promise<ExportImage | null> {
  if (isOmeZarrPath(source.absPath)) throw new ExportRefusal('an OME-Zarr store is not exported again');
  const sidecar = await sidecarOf(source, job.scanner);
  const values = sidecarValues(sidecar);
  return withFileSource(source.absPath, async (bytes) => {
    const found = await sourceImages(bytes, path.basename(source.absPath));
    if (found.length !== 1)
      throw new ExportRefusal(`it holds ${found.length} images; a collection image is a file's only image`);
    const only = found[0] as (typeof found)[number];
    if (!only.ok) throw new ExportRefusal(only.reason);
    const name = path.basename(source.absPath);
    const described = exportImageOf(
      index,
      { name, relativePath: source.relPath },
      only.pixels,
      only.acquisition,
      values,
    );
    const { image, tables } = await withAnalysisTables(source.absPath, described);
    if (!write) return null;
    const folder = path.join(staged, ...memberPaths(image.id).image.split('/'));
    const { pixels, readPlane } = only;
    const planes = {
      pixels,
      readPlane,
      sidecarText: exportedSidecarText(sidecar, image),
      tables,
      creator: job.creator,
    };
    digests.set(
      image.id,
      await writeImage(folder, image, { ...planes, ...(job.signal ? { signal: job.signal } : {}) }),
    );
    return image;
  });
}
