/**
 * An upload built from its plan: in a staging folder beside the upload folder, the metadata
 * files at the top, the vendor files linked or copied byte for byte, the folder's own `qa_qc/`
 * and `extras/`, each image's OME-TIFF copies (converted, every plane read back equal) with a
 * channels file each, the channel layout; then HuBMAP's checks run on it, and it is renamed into
 * place. A cancel or a failure removes the staging folder: the upload folder is as it was.
 * Progress is in bytes of the lab folder's files (a file converted counts once more).
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SubmissionPart, TodoItem } from '../../../shared/submission';
import { channelLayoutPart, OME_IMAGES, omeChannelsPart } from '../../../shared/upload';
import { makeStaging, sweepStaging } from '../collection';
import { CONVERTER, convertImages } from '../convert';
import { placeFile } from './place-file';
import { checkUploadFolder, installUpload } from './upload-destination';
import { uploadProblems } from './upload-check';
import type { PlannedFile, UploadPlan } from './upload-plan';
import { progressTotal } from './upload-steps';

/** How far a build is, in bytes of the lab folder's files, and the file under way. */
export interface UploadProgress {
  readonly done: number;
  readonly total: number;
  readonly current: string;
}

/** A build: its plan, where the upload goes, and who is told as it goes. */
export interface UploadJob {
  readonly plan: UploadPlan;
  /** Absolute. */
  readonly upload: string;
  /** Replace an upload built there before. */
  readonly force: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: UploadProgress) => void;
}

/** What a build did, and what is still left to the lab. */
export interface UploadOutcome {
  /** The plan's to-do, the channel files' and the problems HuBMAP's checks would find. */
  readonly todo: readonly TodoItem[];
  readonly linked: number;
  readonly copied: number;
  /** OME-TIFF copies written. */
  readonly converted: number;
}

/** Writes `part` in the staged upload `staged` (its dataset directory `dataset` for one that goes there). */
async function writePart(staged: string, dataset: string, part: SubmissionPart): Promise<void> {
  const file = path.join(staged, ...(part.inDataset === true ? [dataset] : []), ...part.name.split('/'));
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, part.text);
}

/** Builds the upload of `job` (see the module comment). */
export async function buildUpload(job: UploadJob): Promise<UploadOutcome> {
  const { plan, upload, signal } = job;
  const [metadata] = plan.parts as [SubmissionPart, ...SubmissionPart[]];
  const replace = await checkUploadFolder(upload, plan.root, metadata.name, job.force);
  await mkdir(path.dirname(upload), { recursive: true });
  await sweepStaging(upload);
  const staging = await makeStaging(upload);
  let keep = false;
  try {
    const staged = path.join(staging, 'upload');
    const outcome = await buildInto(job, staged, path.join(staging, 'convert'));
    signal?.throwIfAborted();
    await installUpload(staged, upload, replace, staging).catch((error: unknown) => {
      keep = typeof error === 'object' && error !== null && 'keptAt' in error;
      throw error;
    });
    return outcome;
  } finally {
    if (!keep) await rm(staging, { recursive: true, force: true });
  }
}

/** Builds the upload into `staged`, converting by way of `work`. */
async function buildInto(job: UploadJob, staged: string, work: string): Promise<UploadOutcome> {
  const { plan, signal } = job;
  const { omeCopies, channelLayout } = plan.layout;
  const total = progressTotal(plan);
  let done = 0;
  const tell = (current: string) => job.onProgress?.({ done, total, current });
  await mkdir(path.join(staged, plan.dataset), { recursive: true });
  for (const part of plan.parts) await writePart(staged, plan.dataset, part);
  const counts = { linked: 0, copied: 0 };
  const place = async (file: PlannedFile) => {
    const target = path.join(staged, ...file.target.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    tell(file.source);
    const how = await placeFile(
      file.absPath,
      target,
      file.bytes,
      (n) => {
        done += n;
        tell(file.source);
      },
      signal,
    );
    counts[how]++;
  };
  for (const file of [...plan.raw, ...plan.kept]) await place(file);
  for (const folder of plan.keptFolders) await mkdir(path.join(staged, ...folder.split('/')), { recursive: true });
  const todo: TodoItem[] = [...plan.todo];
  const base = done;
  const converted = omeCopies
    ? await convertInto(job, staged, work, todo, (n, current) => {
        done = base + n;
        tell(current);
      })
    : 0;
  done = total;
  tell('');
  if (channelLayout) {
    const layout = channelLayoutPart([...plan.channels.values()]);
    await writePart(staged, plan.dataset, layout);
    todo.push(...layout.table.todo);
  }
  if (plan.format.startsWith('hubmap:'))
    todo.push(...(await uploadProblems(staged, plan.format, plan.dataset, plan.parts[0] as SubmissionPart)));
  return { todo, ...counts, converted };
}

/**
 * Converts the plan's vendor files by way of `work` into the dataset's `lab_processed/images/`,
 * each with its channels file (their to-do added to `todo`); resolves to the copies written.
 * `onBytes` hears how many bytes of the sources are done.
 */
async function convertInto(
  job: UploadJob,
  staged: string,
  work: string,
  todo: TodoItem[],
  onBytes: (done: number, current: string) => void,
): Promise<number> {
  const { plan, signal } = job;
  const raw = plan.raw.reduce((sum, file) => sum + file.bytes, 0);
  const summary = await convertImages({
    sources: plan.raw.map((file) => ({ relPath: file.source, absPath: file.absPath })),
    outputFolder: work,
    options: { compression: 'zlib', flat: false, extension: '.ome.tiff', force: false },
    converter: CONVERTER,
    profiles: plan.profiles,
    journal: null,
    ...(signal === undefined ? {} : { signal }),
    onProgress: (progress) =>
      onBytes(Math.floor((raw * progress.done) / Math.max(progress.total, 1)), progress.current),
  });
  signal?.throwIfAborted();
  if (summary.refused.length > 0)
    throw new Error(
      `not converted to OME-TIFF: ${summary.refused.map((r) => `${r.source}${r.image === null ? '' : ` (${r.image})`}: ${r.reason}`).join('; ')}`,
    );
  const images = path.join(staged, plan.dataset, ...OME_IMAGES.split('/'));
  await mkdir(images, { recursive: true });
  for (const written of summary.written) {
    const name = path.basename(written.output);
    await rename(written.output, path.join(images, name));
    const image = plan.channels.get(written.source);
    if (image === undefined) continue;
    const part = omeChannelsPart({ ...image, file: `${OME_IMAGES}/${name}` });
    await writePart(staged, plan.dataset, part);
    todo.push(...part.table.todo);
  }
  return summary.written.length;
}
