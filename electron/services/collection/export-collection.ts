/**
 * Exports images as an acqstore collection (`name.ome.zarr`) for CloudScope Web, as acqstore's
 * exporter does: built in a staging folder beside the destination, verified, then renamed into
 * place, so that the destination is never a half collection. Sources are only read. A
 * destination that exists is replaced only when asked and only when AcqMeta wrote it.
 */
import { mkdir, realpath, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  ANALYSIS_TABLES,
  bytesPerSample,
  collectionManifest,
  memberPaths,
  type ExportImage,
} from '../../../shared/ngff/export/collection-documents';
import { exportImageOf, ExportRefusal } from '../../../shared/ngff/export/export-image';
import { PoolTables, UnreadableValue, type PoolSource } from '../../../shared/ngff/export/pools';
import { COLLECTION_MANIFEST_KEY, isCollectionMemberPath, isOmeZarrPath } from '../../../shared/ngff/store-name';
import { headerFromSizes } from '../../../shared/formats';
import {
  createSidecar,
  toPlain,
  withHeaderValues,
  withTopLevel,
  type JsonEntry,
  type Sidecar,
} from '../../../shared/sidecar';
import { sourceImages } from '../convert';
import { scanImage } from '../rows';
import { readSidecarFile } from '../sidecar';
import { MAX_PLANE_BYTES, withFileSource, type TiffScanner } from '../tiff';
import { contractProblems, SIDECAR_KEYS } from './contract-check';
import { withAnalysisTables } from './read-analysis-tables';
import { checkDestination, DestinationRefused, install, KeptAside, producerVersion } from './destination';
import { KEPT_ASIDE, makeStaging, sweepStaging } from './staging';
import { readBackImage } from './read-back-image';
import { verifyCollection } from './verify-collection';
import { writeCollectionGroups, writeImage } from './write-image';

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

/** What acqstore writes for a top-level key a sidecar lacks (older CloudScope sidecars have no `rois` or `image_contrast`). */
const EMPTY_SECTIONS: readonly JsonEntry[] = [
  { key: 'accepted', value: { kind: 'literal', value: true, offset: -1 } },
  { key: 'analysis', value: { kind: 'array', items: [], offset: -1 } },
  { key: 'experiment_metadata', value: { kind: 'object', entries: [], offset: -1 } },
  { key: 'image_contrast', value: { kind: 'object', entries: [], offset: -1 } },
  { key: 'image_header_metadata', value: { kind: 'object', entries: [], offset: -1 } },
  { key: 'rois', value: { kind: 'array', items: [], offset: -1 } },
];

/**
 * The sidecar as a collection holds it, with its values: the top level acqstore's contract
 * allows (a key it does not know, such as an old `_is_dirty`, left out of the copy; a section an
 * older sidecar lacks added, empty, as acqstore writes it); refuses one that still breaks it.
 */
function contractSidecar(sidecar: Sidecar): { sidecar: Sidecar; values: unknown } {
  const shaped = withTopLevel(sidecar, (key) => SIDECAR_KEYS.has(key), EMPTY_SECTIONS);
  const values = toPlain(shaped.root);
  const problems = contractProblems('acqImageSidecarV2', values);
  if (problems.length > 0) throw new ExportRefusal(`its sidecar breaks acqstore's contract: ${problems.join('; ')}`);
  return { sidecar: shaped, values };
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

/** Exports the job's images as one collection; rejects with {@link ExportRefused} or {@link DestinationRefused}, writing nothing. */
export async function exportCollection(job: CollectionExportJob): Promise<CollectionExportSummary> {
  const { destination, signal } = job;
  const replace = await checkDestination(
    destination,
    job.force,
    job.sources.map((s) => s.absPath),
  );
  await sweepStaging(destination);
  const scratch = await makeStaging(destination);
  const staged = path.join(scratch, path.basename(destination));
  let keep: string | null = null;
  try {
    const written = await stageCollection(job, staged);
    await verifyCollection(staged, written);
    signal?.throwIfAborted();
    await install(staged, destination, replace, path.join(scratch, KEPT_ASIDE)).catch((error: unknown) => {
      if (error instanceof KeptAside) keep = error.where;
      throw error;
    });
    return { destination, images: written.length, replaced: replace };
  } finally {
    // the old collection, when it could not be put back, is the user's only copy: only the new one goes
    await rm(keep === null ? scratch : staged, { recursive: true, force: true });
  }
}

/**
 * Writes every image (each read back as it is written), the pooled tables and the collection
 * manifest into `staged` (which must not exist); refuses all when any image is refused.
 * Resolves to the images written, for {@link verifyCollection}.
 */
export async function stageCollection(job: CollectionExportJob, staged: string): Promise<ExportImage[]> {
  const { sources, signal } = job;
  if (sources.length === 0) throw new DestinationRefused('there are no images to export');
  await writeCollectionGroups(staged);
  const pools = new PoolTables();
  const written: ExportImage[] = [];
  const refusals: { relPath: string; reason: string }[] = [];
  for (const [index, source] of sources.entries()) {
    signal?.throwIfAborted();
    try {
      const image = await writeMember(job, { staged, pools }, index, source, refusals.length === 0);
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
  const texts = pools.texts();
  for (const [name, table] of Object.entries(ANALYSIS_TABLES)) {
    const file = path.join(staged, ...table.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, texts[name as keyof typeof texts], { flag: 'wx' });
  }
  const facts = {
    name: job.name,
    createdUtc: (job.now?.() ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    producerVersion: producerVersion(ACQSTORE_CONTRACT_VERSION, job.creator.version),
  };
  await writeFile(path.join(staged, ...COLLECTION_MANIFEST_KEY.split('/')), collectionManifest(facts, written), {
    flag: 'wx',
  });
  return written;
}

/**
 * The image as acqstore's analysis pools see it. The folder names are those of the file a link
 * leads to, as acqstore resolves the path.
 */
async function poolSource(source: ExportSource, sidecar: Sidecar, numChannels: number): Promise<PoolSource> {
  const parentPath = path.dirname(await realpath(source.absPath));
  const grandparentPath = path.dirname(parentPath);
  return {
    relativePath: source.relPath,
    name: path.basename(source.absPath),
    parent: path.basename(parentPath),
    grandparent: grandparentPath === parentPath ? '' : path.basename(grandparentPath),
    numChannels,
    sidecar: sidecar.root,
  };
}

/** Reads one source and, when `write`, writes it as image `index` and pools its analyses; resolves to it (null when only described). */
async function writeMember(
  job: CollectionExportJob,
  { staged, pools }: { staged: string; pools: PoolTables },
  index: number,
  source: ExportSource,
  write: boolean,
): Promise<ExportImage | null> {
  if (isOmeZarrPath(source.absPath)) throw new ExportRefusal('an OME-Zarr store is not exported again');
  const { sidecar, values } = contractSidecar(await sidecarOf(source, job.scanner));
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
    const planeBytes = only.pixels.width * only.pixels.height * bytesPerSample(only.pixels.dtype);
    if (planeBytes > MAX_PLANE_BYTES)
      throw new ExportRefusal(
        `its planes (${only.pixels.width} × ${only.pixels.height}) are over ${MAX_PLANE_BYTES / 2 ** 20} MiB, more than the read-back checks`,
      );
    const { image, tables } = await withAnalysisTables(source.absPath, described);
    try {
      pools.add(await poolSource(source, sidecar, image.numChannels));
    } catch (error) {
      if (error instanceof UnreadableValue)
        throw new ExportRefusal(`acqstore could not pool its analyses: ${error.message}`);
      throw error;
    }
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
    const signal = job.signal ? { signal: job.signal } : {};
    const digests = await writeImage(folder, image, { ...planes, ...signal });
    await readBackImage(folder, image, digests, job.signal);
    return image;
  });
}
