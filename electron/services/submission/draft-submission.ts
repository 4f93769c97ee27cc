/**
 * A submission drafted from a dataset folder: every image under it read (header, acquisition,
 * sidecar), the channel table in force for each image, the dataset values and people kept for
 * the folder (acqmeta dataset), and what each image matched in the lab's
 * microscope catalogue (with the description file of the one microscope all matched, and whether
 * the dataset holds its own description or settings file), made into
 * the files of a repository's format. What the command line writes and the app's Export shows.
 */
import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ImageRow } from '../../../shared/api';
import { CHANNEL_TABLE_NAME } from '../../../shared/channels/channel-table';
import { MAX_INSTRUMENT_BYTES } from '../../../shared/instruments';
import {
  formulaFolderName,
  HARDWARE_FILE,
  SETTINGS_FILE,
  soleDescription,
  submissionParts,
  type DescriptionText,
  type SubmissionFormat,
  type SubmissionPart,
} from '../../../shared/submission';
import { diskErrorReason } from '../disk';
import { listImages, type ImageEntry } from '../folder';
import type { LoadedChannelTable } from '../channels';
import { readDatasetValues } from '../dataset';
import { createProfileCache, createProfileFinder, withHardware, type ProfileFinder } from '../profile';
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
  /** Each name the files cannot hold exactly, in words, with what to rename: while any, none of the files may be written. */
  readonly refused: string[];
  /** data_path as written (`./<folder>`): the metadata file's folder holds the dataset folder; absent: it does not, or is not known. */
  readonly dataPath?: string;
}

/** How a draft reads the folder. */
export interface DraftOptions {
  /** The scanner that reads headers; without it, one of the draft's own, closed when done. */
  readonly scanner?: TiffScanner;
  /** The images to read; without it, every image under the folder. */
  readonly entries?: AsyncIterable<ImageEntry>;
  /** The folder the metadata file is written in: when it holds the dataset folder, data_path is filled. */
  readonly metadataFolder?: string;
  /** data_path as it is known otherwise (`./<folder>` in an upload built elsewhere); it wins over `metadataFolder`. */
  readonly dataPath?: string;
}

/** The submission of `format` for the dataset folder `root`. */
export async function draftSubmission(
  root: string,
  format: SubmissionFormat,
  options: DraftOptions = {},
): Promise<SubmissionDraft> {
  const finder = createProfileFinder(createProfileCache(), { root });
  const images = await withHardware(root, await readImages(root, options), finder);
  // the lab's own description in the dataset is never replaced
  const present = (file: string) =>
    lstat(path.join(root, file)).then(
      () => true,
      () => false,
    );
  const [hardwarePresent, settingsPresent] = await Promise.all([present(HARDWARE_FILE), present(SETTINGS_FILE)]);
  const sole = hardwarePresent ? null : soleDescription(images);
  const groups = await tableGroups(root, images, finder);
  const unreadable = images.flatMap((row) => row.errors.map((error) => namedByPath(row.path, error)));
  for (const { loaded } of groups)
    if (loaded !== null && loaded.table === null)
      unreadable.push(`${loaded.label}: cannot be used as a channel table: ${loaded.problem ?? 'unknown'}`);
  const dataset = await readDatasetValues(root);
  const dataPath =
    options.dataPath === undefined ? await dataPathOf(root, options.metadataFolder) : { dataPath: options.dataPath };
  const parts = submissionParts(format, {
    folderName: path.basename(root),
    images,
    channels: groups.map(({ loaded, images: inGroup }) => ({
      label: loaded?.label ?? CHANNEL_TABLE_NAME,
      table: loaded?.table ?? null,
      images: inGroup,
    })),
    dataset,
    ...dataPath,
    ...(sole === null ? {} : { description: await readDescription(root, sole) }),
    hardwarePresent,
    settingsPresent,
  });
  const refused = await invalidNames(root, images);
  const folderProblem = formulaFolderName(format, path.basename(root));
  if (folderProblem !== null) refused.unshift(folderProblem);
  return { format, parts, imageCount: images.length, unreadable, refused, ...dataPath };
}

/** The images grouped by the channel table in force for each (its own folder's, or the nearest above), in the order first met. */
async function tableGroups(root: string, images: readonly ImageRow[], finder: ProfileFinder) {
  const groups = new Map<string, { loaded: LoadedChannelTable | null; images: ImageRow[] }>();
  const tables = await Promise.all(
    images.map((row) => finder.channelTableFor(path.join(root, ...row.path.split('/')))),
  );
  images.forEach((row, i) => {
    const loaded = tables[i] ?? null;
    const key = loaded?.absPath ?? '';
    const group = groups.get(key) ?? { loaded, images: [] };
    group.images.push(row);
    groups.set(key, group);
  });
  if (groups.size === 0)
    groups.set('', { loaded: await finder.channelTableFor(path.join(root, CHANNEL_TABLE_NAME)), images: [] });
  return [...groups.values()];
}

/**
 * Each image whose path is not valid UTF-8, in words: the walk gets it with U+FFFD in place of
 * the bytes that are not, a path no file has (one that has it holds a real U+FFFD).
 */
async function invalidNames(root: string, images: readonly ImageRow[]): Promise<string[]> {
  const suspects = images.filter((row) => row.path.includes('\uFFFD'));
  const absent = await Promise.all(
    suspects.map((row) =>
      lstat(path.join(root, row.path)).then(
        () => false,
        () => true,
      ),
    ),
  );
  return suspects
    .filter((_, i) => absent[i])
    .map(
      (row) =>
        `${row.path}: its path is not valid UTF-8 (\uFFFD stands for the bytes that are not), and a submission's files name each image exactly; rename the file`,
    );
}

/** The description file `file` (as the catalogue names it: relative to `root` when inside it), its bytes as text unchanged. */
async function readDescription(root: string, file: string): Promise<DescriptionText> {
  const abs = path.resolve(root, file);
  try {
    const info = await stat(abs);
    if (!info.isFile() || info.size > MAX_INSTRUMENT_BYTES)
      return { file, problem: `is not a regular file of at most ${MAX_INSTRUMENT_BYTES} bytes` };
    // fatal: text that is not UTF-8 would not be written back as the same bytes
    return { file, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(await readFile(abs)) };
  } catch (error) {
    const reason = error instanceof TypeError ? 'is not UTF-8 text' : diskErrorReason(error);
    return { file, problem: `cannot be read (${reason})` };
  }
}

/**
 * A row's error named by the image's path in the folder: an error that names the file
 * (`a.tif.json: …`) gets the path of its folder in front, any other (`ROI 6, type: …`) the image's path.
 */
function namedByPath(imagePath: string, error: string): string {
  const name = imagePath.slice(imagePath.lastIndexOf('/') + 1);
  return error.startsWith(name)
    ? `${imagePath.slice(0, imagePath.length - name.length)}${error}`
    : `${imagePath}: ${error}`;
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
