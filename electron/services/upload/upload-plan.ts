/**
 * What an upload of a lab folder holds, worked out before anything is written: the submission
 * drafted (metadata files, their to-do), each vendor file's place, the folder's own `qa_qc/` and
 * `extras/` files, and for each image the channel table in force, which its channel files are
 * made from. `--dry-run` shows this; the build carries it out.
 */
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import type { ImageRow } from '../../../shared/api';
import {
  findTarget,
  isAcqmetaOwn,
  type SubmissionFormat,
  type SubmissionPart,
  type TodoItem,
} from '../../../shared/submission';
import { exactPath, LAB_RAW_FILES } from './upload-check';
import {
  assayLayout,
  CHANNEL_LAYOUT_FILE,
  inKeptFolder,
  OME_IMAGES,
  rawPlacements,
  type AssayLayout,
  type ImageChannels,
  type PlacedFile,
} from '../../../shared/upload';
import { stemOf } from '../convert';
import { listDatasetPaths, listImages, type ImageEntry } from '../folder';
import { createProfileCache, createProfileFinder, type ProfileFinder } from '../profile';
import { scanRows } from '../rows';
import { draftSubmission } from '../submission';
import { createTiffScanner } from '../tiff';

/** A file of the lab folder to put in the upload as it is, with its size. */
export interface PlannedFile extends PlacedFile {
  readonly absPath: string;
  readonly bytes: number;
}

/** An upload worked out (see the module comment). */
export interface UploadPlan {
  readonly root: string;
  readonly format: SubmissionFormat;
  /** The dataset directory's name in the upload: the lab folder's. */
  readonly dataset: string;
  /** What goes into the dataset directory, by the assay's directory schema. */
  readonly layout: AssayLayout;
  /** The metadata file first, then its companions (those `inDataset` go in the dataset directory). */
  readonly parts: readonly SubmissionPart[];
  /** The vendor files, each to its place. */
  readonly raw: readonly PlannedFile[];
  /** The folder's own `qa_qc/` and `extras/` files (and LAB_RAW_FILES), and their folders that hold no file (`qa_qc/x/`). */
  readonly kept: readonly PlannedFile[];
  readonly keptFolders: readonly string[];
  /** Each vendor file's image and the channel table in force for it, by the file's path in the folder. */
  readonly channels: ReadonlyMap<string, ImageChannels>;
  /** The draft's to-do, without what the build itself supplies. */
  readonly todo: readonly TodoItem[];
  /** Images, sidecars or channel tables that could not be read, in words. */
  readonly unreadable: readonly string[];
  /** What of the folder is left out of the upload, and why. */
  readonly notes: readonly string[];
  /** The lab profiles and catalogues in force, for the copies' conversion. */
  readonly profiles: ProfileFinder;
}

/** An upload that cannot be built as asked, with every reason: nothing was written. */
export class UploadRefused extends Error {
  constructor(readonly reasons: readonly string[]) {
    super(`nothing built: ${reasons.join('; ')}`);
  }
}

/** Whether `dir` is a folder (a link to one is not). */
const isFolder = (dir: string): Promise<boolean> =>
  lstat(dir).then(
    (info) => info.isDirectory(),
    () => false,
  );

/** Every image under `root` but those of the folders kept as they are and AcqMeta's own. */
async function imagesOf(root: string): Promise<ImageEntry[]> {
  const entries: ImageEntry[] = [];
  for await (const entry of listImages(root))
    if (!inKeptFolder(entry.relPath) && !isAcqmetaOwn(entry.relPath)) entries.push(entry);
  return entries;
}

/** The files of the folder's own `folders` (`extras/`, `qa_qc/`), and their folders that hold none. */
async function keptOf(
  root: string,
  dataset: string,
  kept: readonly string[],
): Promise<{ files: PlannedFile[]; folders: string[] }> {
  const files: PlannedFile[] = [];
  const folders: string[] = [];
  for (const folder of kept) {
    const dir = path.join(root, folder);
    if (!(await isFolder(dir))) continue;
    for (const listed of await listDatasetPaths(dir)) {
      const relative = `${folder}/${listed}`;
      if (isAcqmetaOwn(relative)) continue;
      if (listed.endsWith('/')) {
        folders.push(`${dataset}/${relative}`);
        continue;
      }
      const absPath = path.join(dir, ...listed.split('/'));
      const info = await lstat(absPath);
      if (!info.isFile()) continue;
      files.push({ source: relative, target: `${dataset}/${relative}`, absPath, bytes: info.size });
    }
  }
  return { files, folders };
}

/** The folder's own LAB_RAW_FILES that `format`'s directory schema names (`raw\/antibody_timings\.tsv$`: light sheet). */
async function labRawFiles(root: string, dataset: string, format: SubmissionFormat): Promise<PlannedFile[]> {
  const named = new Set((findTarget(format)?.files ?? []).map((file) => exactPath(file.pattern)));
  const files: PlannedFile[] = [];
  for (const relative of LAB_RAW_FILES.filter((file) => named.has(file))) {
    const absPath = path.join(root, ...relative.split('/'));
    const info = await lstat(absPath).catch(() => null);
    if (info?.isFile() === true)
      files.push({ source: relative, target: `${dataset}/${relative}`, absPath, bytes: info.size });
  }
  return files;
}

/**
 * The raw files whose OME-TIFF copies would take one name in `lab_processed/images/` (their
 * names less the image extension alike, on disks that ignore case too), each naming the others:
 * one copy would replace the other.
 */
function copyNameClashes(placed: readonly PlacedFile[]): string[] {
  const stem = (file: PlacedFile) => stemOf(file.source.slice(file.source.lastIndexOf('/') + 1));
  const keyOf = (file: PlacedFile) => stem(file).normalize('NFC').toLowerCase();
  const byStem = new Map<string, string[]>();
  for (const file of placed) byStem.set(keyOf(file), [...(byStem.get(keyOf(file)) ?? []), file.source]);
  return placed.flatMap((file) => {
    const others = (byStem.get(keyOf(file)) ?? []).filter((other) => other !== file.source);
    return others.length === 0
      ? []
      : [
          `${file.source}: its OME-TIFF copy would be ${OME_IMAGES}/${stem(file)}.ome.tiff, as would that of ${others.join(', ')}; rename one`,
        ];
  });
}

/** Plans the upload of the lab folder `root` as `format`; throws {@link UploadRefused} when it cannot be built. */
export async function planUpload(root: string, format: SubmissionFormat): Promise<UploadPlan> {
  const dataset = path.basename(root);
  const hubmap = format.startsWith('hubmap:');
  const layout = assayLayout(format);
  if (!layout.raw)
    throw new UploadRefused([
      `${format}: its directory schema has no place for raw images (such a dataset holds what was derived from another): build its upload by hand; acqmeta export --format ${format} writes its metadata`,
    ]);
  const entries = await imagesOf(root);
  const scanner = createTiffScanner();
  const profiles = createProfileFinder(createProfileCache(), { root });
  try {
    const draft = await draftSubmission(root, format, {
      scanner,
      entries: toAsync(entries),
      ...(hubmap ? { dataPath: `./${dataset}` } : {}),
    });
    const placements = rawPlacements(
      format,
      dataset,
      entries.map((entry) => entry.relPath),
    );
    const refused = [
      ...draft.refused,
      ...placements.refused,
      ...(layout.omeCopies ? copyNameClashes(placements.placed) : []),
    ];
    if (refused.length > 0) throw new UploadRefused(refused);
    const rows: ImageRow[] = [];
    for await (const row of scanRows(root, entries, scanner)) rows.push(row);
    const channels = new Map<string, ImageChannels>();
    for (const [i, row] of rows.entries()) {
      const loaded = await profiles.channelTableFor(path.join(root, ...row.path.split('/')));
      channels.set(row.path, {
        file: placements.placed[i]?.target.slice(dataset.length + 1) ?? row.path,
        image: row,
        table: loaded?.table ?? null,
      });
    }
    const raw = await Promise.all(
      placements.placed.map(async (placed, i) => {
        const absPath = (entries[i] as ImageEntry).absPath;
        return { ...placed, absPath, bytes: (await lstat(absPath)).size };
      }),
    );
    const keptFolders = hubmap ? ['extras', ...(layout.qaQc ? ['qa_qc'] : [])] : [];
    const kept = await keptOf(root, dataset, keptFolders);
    const notes =
      hubmap && !layout.qaQc && (await isFolder(path.join(root, 'qa_qc')))
        ? [`qa_qc/ left out: ${format}'s directory schema has no place for it`]
        : [];
    return {
      root,
      format,
      dataset,
      layout,
      parts: draft.parts,
      raw,
      kept: [...kept.files, ...(hubmap ? await labRawFiles(root, dataset, format) : [])],
      keptFolders: kept.folders,
      channels,
      // the build writes the channel layout the export leaves to the lab
      todo: draft.parts.flatMap((part) => part.table.todo).filter((item) => item.row !== CHANNEL_LAYOUT_FILE),
      unreadable: draft.unreadable,
      notes,
      profiles,
    };
  } finally {
    await scanner.close();
  }
}

/** The entries as the async iterable a draft reads. */
async function* toAsync(entries: readonly ImageEntry[]): AsyncGenerator<ImageEntry> {
  yield* entries;
}
