/**
 * Calibration written into image files' own headers, for the command line and the app: a
 * review (what each header says now and will say, the images refused and why) and the writes,
 * one file after another, each journaled before its first byte, checked by reading its header
 * back, with progress and a cancel that stops between files (each file done or untouched).
 */
import { open, type FileHandle } from 'node:fs/promises';
import type { HeaderWriteRecord } from '../../../shared/journal';
import type { FieldValues } from '../../../shared/fields/field-table';
import type {
  CalibrationOutcome,
  CalibrationRequest,
  HeaderCalibration,
  ImageReview,
} from '../../../shared/tiff-calibration';
import { atWritePoint, diskErrorReason, toBackendError } from '../disk';
import type { ImageEntry } from '../folder';
import { cancelLine, journalHeaderWrite, type HeaderJournal } from '../journal';
import {
  noteWritten,
  ProfileRefusal,
  saveImageChanges,
  type ImageChanges,
  type ImageSaved,
  type SaveContext,
} from '../save';
import { appendJournalInWorker, withSidecarLock, WriteBatch } from '../sidecar';
import {
  checkUnchanged,
  hexOf,
  planFile,
  putBack,
  sha256Of,
  writePatch,
  writeTime,
  type PlannedFile,
} from './header-bytes';
import { wantedCalibration } from './wanted-calibration';

/** One image of a review, with what its write needs: what its header is to hold and the write planned from it (null: refused). */
export interface ReviewedImage {
  entry: ImageEntry;
  review: ImageReview;
  wanted: HeaderCalibration | null;
  planned: PlannedFile | null;
}

/** The review of writing `request` into each image's header: nothing is written. */
export async function reviewCalibration(
  entries: readonly ImageEntry[],
  request: CalibrationRequest,
): Promise<ReviewedImage[]> {
  const reviewed: ReviewedImage[] = [];
  for (const entry of entries) {
    const refused = (refusal: string): ReviewedImage => ({
      entry,
      wanted: null,
      planned: null,
      review: { path: entry.relPath, kind: null, changes: [], refusal },
    });
    const wanted = await wantedCalibration(entry, request);
    if ('refusal' in wanted) {
      reviewed.push(refused(wanted.refusal));
      continue;
    }
    const planned = await planFile(entry.absPath, wanted).catch((error: unknown) => ({ error }));
    if ('error' in planned) reviewed.push(refused(`it cannot be read (${diskErrorReason(planned.error)})`));
    else if ('refusal' in planned.plan) reviewed.push(refused(planned.plan.refusal));
    else {
      const { kind, changes } = planned.plan;
      reviewed.push({ entry, wanted, planned, review: { path: entry.relPath, kind, changes, refusal: null } });
    }
  }
  return reviewed;
}

/** How the writes are made: their journal, the save path for the sidecars' pixel size, progress and cancel. */
export interface CalibrationWrites {
  journal: HeaderJournal;
  /** The one save path's context, for a request that sets the pixel size. */
  save: SaveContext;
  /** Stops the writes between files: the files not begun are `cancelled`. */
  signal?: AbortSignal;
  /** Called as each image is done (or refused), in order. */
  onImage?(image: ReviewedImage, outcome: CalibrationOutcome): void;
}

/** Writes each reviewed image's header, one file after another; resolves to their outcomes, in order. */
export async function applyCalibration(
  reviewed: readonly ReviewedImage[],
  request: CalibrationRequest,
  writes: CalibrationWrites,
): Promise<CalibrationOutcome[]> {
  const outcomes: CalibrationOutcome[] = [];
  for (const image of reviewed) {
    const { wanted, planned } = image;
    const outcome: CalibrationOutcome = writes.signal?.aborted
      ? { kind: 'cancelled', reason: 'cancelled before it was begun; the file is untouched' }
      : wanted === null || planned === null
        ? { kind: 'refused', reason: image.review.refusal ?? 'refused' }
        : await writeImage(image, { wanted, planned }, request, writes).catch(failed);
    // its header values changed: the index's row is rebuilt
    if (outcome.kind === 'written') noteWritten(image.entry);
    outcomes.push(outcome);
    writes.onImage?.(image, outcome);
  }
  return outcomes;
}

/**
 * One image: the file opened for writing while its lock is taken (a read-only or locked file
 * fails before anything is saved), then, under one hold of the image's lock, the sidecar, then
 * the header; a header not written takes the sidecar's save back through the same save path, so
 * the image is done or untouched.
 */
async function writeImage(
  image: ReviewedImage,
  write: HeaderWrite,
  request: CalibrationRequest,
  writes: CalibrationWrites,
): Promise<CalibrationOutcome> {
  const { entry } = image;
  // the file opened, and the profile the save checks looked up, while the lock is being taken:
  // each is one round of file calls fewer one after another
  const opening = open(entry.absPath, 'r+');
  opening.catch(() => undefined); // met under the lock, or only closed
  const changes = sidecarChanges(request);
  if (changes !== null) writes.save.profiles.forImage(entry.absPath).catch(() => undefined);
  // the sidecar's folder is synced with the header's journal record, both before the header's
  // first byte: one wait for the two instead of one after the other
  const batch = new WriteBatch();
  try {
    // the saves run under the lock held for the header: one lock taken and released, not two
    return await withSidecarLock(entry.absPath, true, async (heldLock) => {
      const handle = await opening;
      const save = { ...writes.save, batch, heldLock };
      const saved = changes === null ? null : await saveSidecar(entry, changes, save);
      const outcome = await writeHeader(entry, handle, write, writes, () => batch.finish()).catch(failed);
      if (saved !== null && outcome.kind !== 'written' && outcome.kind !== 'unchanged') {
        const back: ImageChanges =
          saved.kind === 'created'
            ? { changes: {}, expected: saved.version, removeSidecar: true }
            : { changes: Object.fromEntries(saved.diffs.map((d) => [d.name, d.before])), expected: saved.version };
        await saveImageChanges(entry, back, save);
      }
      return outcome;
    });
  } finally {
    await batch.finish();
    await opening.then(
      (handle) => handle.close(),
      () => undefined,
    );
  }
}

/** The sidecar fields the request sets (its pixel size and unit); null when it sets none. */
function sidecarChanges(request: CalibrationRequest): FieldValues | null {
  const changes: FieldValues = {
    ...(request.pixelSize === undefined
      ? {}
      : { physical_unit_x: request.pixelSize.x, physical_unit_y: request.pixelSize.y }),
    ...(request.unit === undefined ? {} : { physical_label_x: request.unit, physical_label_y: request.unit }),
  };
  return Object.keys(changes).length === 0 ? null : changes;
}

/**
 * The sidecar's pixel size and unit (`changes`) through the one save path (under the image's
 * lock its caller holds: `save.heldLock`): the sidecar first, so that it holds what the header
 * will. What it saved (null: nothing changed).
 */
async function saveSidecar(
  entry: ImageEntry,
  changes: FieldValues,
  save: SaveContext,
): Promise<ImageSaved<undefined> | null> {
  const saved = await saveImageChanges(entry, { changes, expected: 'latest' }, save);
  return saved.kind === 'unchanged' ? null : saved;
}

/** What a reviewed image's header is to hold, and the write its review planned. */
interface HeaderWrite {
  wanted: HeaderCalibration;
  planned: PlannedFile;
}

/**
 * One image's header, as its review planned it, through `handle`, the file open for writing
 * (written only while still the file the plan was made from: a change since fails as a
 * conflict), journaled first and read back after (under the image's lock, which the caller
 * holds). `durable` makes the sidecar's save durable: awaited with the journal record, before
 * the first byte.
 */
async function writeHeader(
  entry: ImageEntry,
  handle: FileHandle,
  { wanted, planned }: HeaderWrite,
  writes: CalibrationWrites,
  durable: () => Promise<void>,
): Promise<CalibrationOutcome> {
  const { plan, stamp } = planned;
  if ('refusal' in plan) return { kind: 'refused', reason: plan.refusal };
  const { patch } = plan;
  if (patch === null) return { kind: 'unchanged' };
  await checkUnchanged(handle, stamp);
  const mtime = writeTime();
  let record: { dir: string; id: string } | null = null;
  let back: PlannedFile | null;
  try {
    const journaled = journalHeaderWrite(writes.journal, entry.absPath, {
      values: plan.changes.filter((c) => c.old !== c.new),
      ranges: patch.replaced.map((r) => ({ offset: r.offset, old: hexOf(r.old), new: hexOf(r.new) })),
      appended: { offset: patch.appendAt, length: patch.appended.length },
      before: { size: stamp.size, mtime: stamp.mtimeMs, sha256: sha256Of(patch.replaced.map((r) => r.old)) },
      after: {
        size: patch.appendAt + patch.appended.length,
        mtime,
        sha256: sha256Of([...patch.replaced.map((r) => r.new), patch.appended]),
      },
    });
    [record] = await Promise.all([journaled, durable()]);
    await atWritePoint('header-journaled', entry.absPath);
    const { linkSynced } = await writePatch(handle, patch, entry.absPath, mtime);
    [back] = await Promise.all([planFile(entry.absPath, wanted).catch(() => null), linkSynced]);
  } catch (error) {
    await undoPatch(entry.absPath, planned, record);
    throw error;
  }
  const same =
    back !== null && !('refusal' in back.plan) && back.plan.patch === null && back.plan.pixels === plan.pixels;
  if (same) return { kind: 'written' };
  await undoPatch(entry.absPath, planned, record);
  return { kind: 'io', reason: 'its header did not read back as written; the file was put back as it was' };
}

/** Puts the file back as `planned` found it, and takes back the write's journal record. */
async function undoPatch(
  absPath: string,
  planned: PlannedFile,
  record: { dir: string; id: string } | null,
): Promise<void> {
  if ('refusal' in planned.plan || planned.plan.patch === null) return;
  const { patch } = planned.plan;
  await putBack(
    absPath,
    patch.replaced.map((r) => ({ offset: r.offset, bytes: r.old })),
    patch.oldSize,
  );
  if (record !== null) await appendJournalInWorker(record.dir, cancelLine(record.id));
}

/** A failure of one image as its outcome: a conflict, a refused sidecar value, or a disk error in words. */
function failed(error: unknown): CalibrationOutcome {
  if ((error as { code?: unknown } | null)?.code === 'CHANGED')
    return { kind: 'conflict', reason: 'it changed on disk since its header was read; nothing written' };
  const { code, message } = toBackendError(error);
  if (code === 'CONFLICT') return { kind: 'conflict', reason: message };
  if (code === 'INVALID_VALUE' || code === 'INVALID_SIDECAR' || error instanceof ProfileRefusal)
    return { kind: 'refused', reason: message };
  const reason = code === 'IO' || code === 'NOT_FOUND' ? diskErrorReason(error) : message;
  return { kind: 'io', reason: `it cannot be written (${reason}); nothing changed` };
}

/** The latest header write record of each image, by its path. */
export function latestHeaderWrites(headers: readonly HeaderWriteRecord[]): Map<string, HeaderWriteRecord> {
  return new Map(headers.map((record) => [record.path, record]));
}
