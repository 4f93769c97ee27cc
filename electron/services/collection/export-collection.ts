/**
 * Exports images as an acqstore collection (`name.ome.zarr`) for CloudScope Web, as acqstore's
 * exporter does: built in a staging folder beside the destination, verified, then renamed into
 * place, so that the destination is never a half collection. Sources are only read. A
 * destination that exists is replaced only when asked and only when AcqMeta wrote it.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ANALYSIS_TABLES, collectionManifest } from '../../../shared/ngff/export/collection-documents';
import { PoolTables } from '../../../shared/ngff/export/pools';
import { COLLECTION_MANIFEST_KEY, isCollectionMemberPath, isOmeZarrPath } from '../../../shared/ngff/store-name';
import type { TiffScanner } from '../tiff';
import { checkDestination, DestinationRefused, install, KeptAside, producerVersion } from './destination';
import { KEPT_ASIDE, makeStaging, sweepStaging } from './staging';
import { verifyCollection } from './verify-collection';
import { writeCollectionGroups } from './write-image';
import { writeMember, type ExportSource, type ImageNote, type StagedCollection } from './write-member';

/** The acqstore release whose collection layout an export follows. */
const ACQSTORE_CONTRACT_VERSION = '0.2.0';

/** An image that is an OME-Zarr store (or one of a collection's): exports leave it out, it is not exported again. */
export const isStorePath = (relPath: string): boolean => isOmeZarrPath(relPath) || isCollectionMemberPath(relPath);

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
  /** Each source once its images are written or left out, with how many sources there are. */
  onImage?: (progress: { done: number; total: number; current: string }) => void;
}

/** No image could be exported, each with why: nothing was written. */
export class ExportRefused extends Error {
  constructor(readonly refusals: readonly ImageNote[]) {
    super(`${refusals.length} image${refusals.length === 1 ? '' : 's'} cannot be exported`);
  }
}

/** What was written, and what was not. */
export interface CollectionExportSummary {
  destination: string;
  images: number;
  replaced: boolean;
  /** The images left out, each with why. */
  refused: readonly ImageNote[];
  /** What the copies of written images leave out, in words. */
  notes: readonly ImageNote[];
}

/** What a staged collection holds: the images written, for {@link verifyCollection}, and those left out. */
export type StagedImages = Pick<StagedCollection, 'written' | 'refused' | 'notes'>;

/**
 * Exports the job's images as one collection, every image that can be written; rejects with
 * {@link ExportRefused} (no image can be) or {@link DestinationRefused}, writing nothing.
 */
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
    const { written, refused, notes } = await stageCollection(job, staged);
    await verifyCollection(staged, written);
    signal?.throwIfAborted();
    await install(staged, destination, replace, path.join(scratch, KEPT_ASIDE)).catch((error: unknown) => {
      if (error instanceof KeptAside) keep = error.where;
      throw error;
    });
    return { destination, images: written.length, replaced: replace, refused, notes };
  } finally {
    // the old collection, when it could not be put back, is the user's only copy: only the new one goes
    await rm(keep === null ? scratch : staged, { recursive: true, force: true });
  }
}

/**
 * Writes every image that can be written (each read back as it is written), the pooled tables
 * and the collection manifest into `staged` (which must not exist); each image's name and folder
 * is the next in order, so no two images meet at one path. Rejects with {@link ExportRefused}
 * when no image can be written.
 */
export async function stageCollection(job: CollectionExportJob, staged: string): Promise<StagedImages> {
  const { sources, signal } = job;
  if (sources.length === 0) throw new DestinationRefused('there are no images to export');
  await writeCollectionGroups(staged);
  const pools = new PoolTables();
  const into: StagedCollection = {
    staged,
    pools,
    written: [],
    refused: [],
    notes: [],
    scanner: job.scanner,
    creator: job.creator,
    ...(signal ? { signal } : {}),
  };
  for (const [index, source] of sources.entries()) {
    signal?.throwIfAborted();
    await writeMember(into, source);
    job.onImage?.({ done: index + 1, total: sources.length, current: source.relPath });
  }
  const { written } = into;
  if (written.length === 0) throw new ExportRefused(into.refused);
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
  return into;
}
