/**
 * A submission drafted from a dataset folder: every image under it read (header, acquisition,
 * sidecar) and the channel table in force for it, made into the files of a repository's format.
 * What the command line writes and the app's Export shows.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { ImageRow } from '../../../shared/api';
import { CHANNEL_TABLE_NAME } from '../../../shared/channels/channel-table';
import { submissionParts, type SubmissionFormat, type SubmissionPart } from '../../../shared/submission';
import { listImages, type ImageEntry } from '../folder';
import { createProfileCache, createProfileFinder } from '../profile';
import { scanRows } from '../rows';
import { createTiffScanner, type TiffScanner } from '../tiff';

/** A submission's files for one folder, and what could not be read for it. */
export interface SubmissionDraft {
  readonly format: SubmissionFormat;
  /** The metadata file first, then its companions. */
  readonly parts: SubmissionPart[];
  readonly imageCount: number;
  /** Each image, sidecar or channel table that could not be read, in words (what it would give is left out). */
  readonly unreadable: string[];
}

/** How a draft reads the folder. */
export interface DraftOptions {
  /** The scanner that reads headers; without it, one of the draft's own, closed when done. */
  readonly scanner?: TiffScanner;
  /** The images to read; without it, every image under the folder. */
  readonly entries?: AsyncIterable<ImageEntry>;
  /** The folder the metadata file is written in: when it holds the dataset folder, data_path is filled. */
  readonly metadataFolder?: string;
}

/** The submission of `format` for the dataset folder `root`. */
export async function draftSubmission(
  root: string,
  format: SubmissionFormat,
  options: DraftOptions = {},
): Promise<SubmissionDraft> {
  const images = await readImages(root, options);
  const finder = createProfileFinder(createProfileCache(), { root });
  const inForce = await finder.channelTableFor(path.join(root, CHANNEL_TABLE_NAME));
  const unreadable = images.flatMap((row) => row.errors);
  if (inForce !== null && inForce.table === null)
    unreadable.push(`${inForce.label}: cannot be used as a channel table: ${inForce.problem ?? 'unknown'}`);
  const parts = submissionParts(format, {
    folderName: path.basename(root),
    images,
    channels: inForce?.table ?? null,
    ...(await dataPathOf(root, options.metadataFolder)),
  });
  return { format, parts, imageCount: images.length, unreadable };
}

/** `./<folder>` when the metadata file's folder holds the dataset folder `root` (links resolved); else nothing. */
async function dataPathOf(root: string, metadataFolder: string | undefined): Promise<{ dataPath?: string }> {
  if (metadataFolder === undefined) return {};
  const real = (dir: string) => realpath(dir).catch(() => path.resolve(dir));
  const [parent, folder] = await Promise.all([real(path.dirname(root)), real(metadataFolder)]);
  return parent === folder ? { dataPath: `./${path.basename(root)}` } : {};
}

/** Every image under `root` (or `entries`), its header read by `scanner` or a scanner of its own. */
async function readImages(root: string, { scanner, entries }: DraftOptions): Promise<ImageRow[]> {
  const own = scanner === undefined ? createTiffScanner() : null;
  try {
    const rows: ImageRow[] = [];
    for await (const row of scanRows(root, entries ?? listImages(root), scanner ?? (own as TiffScanner)))
      rows.push(row);
    return rows;
  } finally {
    await own?.close();
  }
}
