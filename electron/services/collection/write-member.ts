/**
 * One source file written into a staged collection: each of its images (a CZI's scenes, a LIF's
 * images) as an image of its own, named in the file's order, read back as it is written, its
 * analyses pooled once it is in place. An image that cannot be written is removed again and
 * named with its reason; the others are written all the same.
 */
import { realpath, rm } from 'node:fs/promises';
import path from 'node:path';
import { readVendorHeader } from '../../../shared/formats';
import { bytesPerSample, memberPaths, type ExportImage } from '../../../shared/ngff/export/collection-documents';
import { exportImageOf, ExportRefusal } from '../../../shared/ngff/export/export-image';
import { PoolTables, UnreadableValue, type PoolSource } from '../../../shared/ngff/export/pools';
import { isOmeZarrPath } from '../../../shared/ngff/store-name';
import type { Sidecar } from '../../../shared/sidecar';
import { sourceImages, type SourceImage } from '../convert';
import { MAX_PLANE_BYTES, withFileSource, type TiffScanner } from '../tiff';
import { contractSidecar, exportedSidecarText, laterImageSidecar, sidecarOf } from './export-sidecar';
import { withAnalysisTables } from './read-analysis-tables';
import { readBackImage } from './read-back-image';
import { writeImage } from './write-image';

/** One image to export: its path in the exported folder (`/`-separated) and on disk. */
export interface ExportSource {
  relPath: string;
  absPath: string;
}

/** Something said of one image of a source: why it was not exported, or what its copy leaves out. */
export interface ImageNote {
  relPath: string;
  /** Which of the file's images, when it holds several; null for the file's only image, or the whole file. */
  image: string | null;
  text: string;
}

/** The collection being staged: where, the pooled tables, and what was written and said so far. */
export interface StagedCollection {
  staged: string;
  pools: PoolTables;
  written: ExportImage[];
  refused: ImageNote[];
  notes: ImageNote[];
  scanner: TiffScanner;
  creator: { name: string; version: string };
  signal?: AbortSignal;
}

/** An image of a file that holds `count`: the file's name, its index (as wide as the last one's, so that names sort) and its own name. */
function imageName(fileName: string, image: SourceImage, count: number): string {
  if (count <= 1) return fileName;
  return `${fileName} #${String(image.index).padStart(String(count - 1).length, '0')} ${image.name}`;
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

/** A failure in words, without the file's name a reader's message may begin with (the note names it). */
function reasonOf(error: unknown, fileName: string): string {
  const reason = error instanceof Error ? error.message : String(error);
  return reason.startsWith(`${fileName}: `) ? reason.slice(fileName.length + 2) : reason;
}

/** Writes one image (`found`, with the sidecar it carries) as the collection's next; resolves to its notes. */
async function writeOne(
  into: StagedCollection,
  source: ExportSource,
  found: SourceImage & { ok: true },
  { name, carried }: { name: string; carried: Sidecar },
): Promise<string[]> {
  const { sidecar, values, notes } = contractSidecar(carried);
  const fileName = path.basename(source.absPath);
  const { pixels, readPlane } = found;
  const described = exportImageOf(
    into.written.length,
    { name, fileName, relativePath: source.relPath },
    pixels,
    found.acquisition,
    values,
  );
  if (pixels.width * pixels.height * bytesPerSample(pixels.dtype) > MAX_PLANE_BYTES)
    throw new ExportRefusal(
      `its planes (${pixels.width} × ${pixels.height}) are over ${MAX_PLANE_BYTES / 2 ** 20} MiB, more than the read-back checks`,
    );
  const { image, tables } = await withAnalysisTables(source.absPath, described);
  const pool = await poolSource(source, sidecar, image.numChannels);
  try {
    into.pools.check(pool);
  } catch (error) {
    if (error instanceof UnreadableValue)
      throw new ExportRefusal(`acqstore could not pool its analyses: ${error.message}`);
    throw error;
  }
  const folder = path.join(into.staged, ...memberPaths(image.id).image.split('/'));
  const planes = { pixels, readPlane, sidecarText: exportedSidecarText(sidecar, image), tables, creator: into.creator };
  const signal = into.signal ? { signal: into.signal } : {};
  try {
    const digests = await writeImage(folder, image, { ...planes, ...signal });
    await readBackImage(folder, image, digests, into.signal);
  } catch (error) {
    // the next image takes this one's folder: nothing of it may stay
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  into.pools.add(pool);
  into.written.push(image);
  return notes;
}

/** Writes every image of `source` that can be written into the staged collection, naming each left out and why. */
export async function writeMember(into: StagedCollection, source: ExportSource): Promise<void> {
  const fileName = path.basename(source.absPath);
  const refuse = (image: string | null, error: unknown): void => {
    // a cancel stops the whole export; anything else leaves only this image out
    if (into.signal?.aborted === true) throw error;
    into.refused.push({ relPath: source.relPath, image, text: reasonOf(error, fileName) });
  };
  try {
    if (isOmeZarrPath(source.absPath)) throw new ExportRefusal('an OME-Zarr store is not exported again');
    const file = await sidecarOf(source.absPath, into.scanner);
    await withFileSource(source.absPath, async (bytes) => {
      const found = await sourceImages(bytes, fileName);
      for (const image of found) {
        into.signal?.throwIfAborted();
        const label = found.length > 1 ? image.name : null;
        try {
          if (!image.ok) throw new ExportRefusal(image.reason);
          // CloudScope's one sidecar per file describes its first image
          const header = image.index === 0 ? null : readVendorHeader(bytes, fileName, { image: image.index });
          const carried = header === null ? file : laterImageSidecar(file, header.header, header.fileCalibration);
          const notes = await writeOne(into, source, image, {
            name: imageName(fileName, image, found.length),
            carried,
          });
          for (const text of notes) into.notes.push({ relPath: source.relPath, image: label, text });
        } catch (error) {
          refuse(label, error);
        }
      }
    });
  } catch (error) {
    refuse(null, error);
  }
}
