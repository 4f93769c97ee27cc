/**
 * Field changes to one image: the one save path behind the app's saves, browser mode,
 * `acqmeta set` and `acqmeta import`. It decides, for every door alike, what may be written:
 * values in the sidecar format, the lab profile's refusals, an invalid sidecar never touched,
 * a missing one created from the image file's header (any format but OIR), the version check; then it
 * writes through `saveFieldChanges`.
 */
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { ProfileProblem, SidecarVersion } from '../../../shared/api';
import { ApiFailure, withoutFileName } from '../../../shared/errors';
import type { FieldValue, FieldValues } from '../../../shared/fields/field-table';
import { readsFileHeader } from '../../../shared/image-format';
import { hasInsideSidecar, isCollectionMemberPath } from '../../../shared/ngff/store-name';
import { memberFolderAt } from '../ngff/collection-at';
import type { ImageEntry } from '../folder';
import { refusalsOf, sidecarValues, type ProfileFinder } from '../profile';
import { defaultValues, type ImageScan } from '../rows';
import {
  saveFieldChanges,
  sidecarStepsFor,
  type HeldSidecarLock,
  type JournalHook,
  type NewSidecarSource,
  type TakeFromSaved,
  type WriteBatch,
} from '../sidecar';

/** One field that changes. */
export interface FieldDiff {
  name: string;
  before: FieldValue;
  after: FieldValue;
}

/** What a caller asks of one image's sidecar. */
export interface ImageChanges {
  changes: FieldValues;
  /** The version the caller read; null when it read no sidecar; `'latest'` for whatever is on disk. */
  expected: SidecarVersion | null | 'latest';
  /** Save even if the file changed since `expected` (the changes go onto the current file). */
  overwrite?: boolean;
  /** Keys taken out of an existing file (undo of setting a field it lacked). */
  remove?: readonly string[];
  /** The values of the version read, to replace a damaged sidecar with (kept beside it). */
  replaceDamaged?: FieldValues;
  /** Write even when no change differs: a missing sidecar is created, one read with a byte order mark is written without it. */
  create?: boolean;
  /** Remove the sidecar (undoing its creation): only if it is still the `expected` version. */
  removeSidecar?: boolean;
}

/** What the door saving provides: the image's header, the lab profiles, the write batch. */
export interface SaveContext {
  /** The image's header as read (null: an OIR, whose header is not read); asked only to create a sidecar. */
  header(entry: ImageEntry): Promise<ImageScan | null>;
  profiles: ProfileFinder;
  /** Many saves in flight: their folders are synced once, by `batch.finish()`. */
  batch?: WriteBatch;
  /** Check everything, write nothing. */
  dryRun?: boolean;
  /** The journal record of each write (see `journalWrites`); absent: not journaled. */
  journal?: JournalHook;
  /** The image's lock, already held by the caller: the save runs under it (see `SaveOptions.heldLock`). */
  heldLock?: HeldSidecarLock;
}

/** What a save did (or, in a dry run, would do). */
export interface ImageSaved<T> {
  kind: 'created' | 'updated' | 'removed' | 'unchanged';
  /** The fields whose value changed, against the defaults for a new sidecar. */
  diffs: FieldDiff[];
  /** The version on disk afterwards (null: still no file). */
  version: SidecarVersion | null;
  /** What `take` made of the sidecar as saved. */
  taken: T;
  /** The file name a replaced damaged sidecar is kept as; null when none was. */
  damagedKeptAs: string | null;
}

/** A save the lab profile in force refuses; `problems` name the fields. */
export class ProfileRefusal extends ApiFailure {
  constructor(
    readonly problems: readonly ProfileProblem[],
    imagePath: string,
  ) {
    super('INVALID_VALUE', problems.map((p) => p.message).join(' '), imagePath);
    this.name = 'ProfileRefusal';
  }
}

/**
 * Refuses to write the sidecar inside a CloudScope store or a collection's image when it has no
 * `acqstore` folder (CloudScope writes it with the store, and AcqMeta makes nothing inside a
 * store), when that is not a folder, or when the store is a link whose real path is not one of
 * those (its sidecar is beside it). A link at `acqstore` is left to the rule for sidecar links.
 */
async function checkInsideSidecarPlace(entry: ImageEntry): Promise<void> {
  const steps = sidecarStepsFor(entry.absPath);
  if (steps.length === 1) return;
  const refuse = (why: string): never => {
    throw new ApiFailure('BAD_REQUEST', `${entry.relPath} ${why}, so its sidecar cannot be written`, entry.relPath);
  };
  if (
    isCollectionMemberPath(entry.absPath) &&
    memberFolderAt(path.dirname(path.dirname(entry.absPath)), path.basename(entry.absPath)) === 'link'
  )
    refuse('is a link inside its collection, which AcqMeta does not follow');
  const real = await realpath(entry.absPath).catch(() => entry.absPath);
  if (!hasInsideSidecar(real))
    refuse(`links to ${path.basename(real)}, which is not one of CloudScope's own stores (their sidecar is inside)`);
  const folder = await lstat(steps[0] as string).catch(() => null);
  if (folder === null)
    refuse('has no acqstore folder, which CloudScope writes with its own stores; AcqMeta makes nothing inside a store');
  if (folder !== null && !folder.isSymbolicLink() && !folder.isDirectory())
    refuse('has an acqstore that is not a folder');
}

/**
 * Saves `request` into the sidecar of `entry`. Fails, with an `ApiFailure` and nothing
 * written, with `INVALID_VALUE` (the format's or the profile's refusal: {@link ProfileRefusal}),
 * `INVALID_SIDECAR`, `NOT_FOUND` (no sidecar, and an OIR), `UNREADABLE_IMAGE` (no sidecar,
 * and its header cannot be read), `CONFLICT` or `IO`.
 */
export async function saveImageChanges<T = undefined>(
  entry: ImageEntry,
  request: ImageChanges,
  context: SaveContext,
  take?: TakeFromSaved<T>,
): Promise<ImageSaved<T>> {
  const { changes } = request;
  await checkInsideSidecarPlace(entry);
  const profile = await context.profiles.forImage(entry.absPath);
  const result = await saveFieldChanges(
    entry.absPath,
    changes,
    {
      expected: request.expected,
      ...(request.overwrite === undefined ? {} : { overwrite: request.overwrite }),
      ...(request.remove === undefined ? {} : { remove: request.remove }),
      ...(request.replaceDamaged === undefined ? {} : { replaceDamaged: request.replaceDamaged }),
      ...(request.create === undefined ? {} : { create: request.create }),
      ...(request.removeSidecar === undefined ? {} : { removeFile: request.removeSidecar }),
      ...(context.batch === undefined ? {} : { batch: context.batch }),
      ...(context.dryRun === undefined ? {} : { dryRun: context.dryRun }),
      ...(context.journal === undefined ? {} : { journal: context.journal }),
      ...(context.heldLock === undefined ? {} : { heldLock: context.heldLock }),
      newSidecar: () => newSidecarSource(entry, context),
      refuse: (current) => {
        // Without a usable profile nothing is refused: a bulk set spares each sidecar's plain values.
        if (profile?.profile.compiled == null) return null;
        const stored = sidecarValues(current === null ? { state: 'missing' } : { state: 'ok', sidecar: current });
        const refused = stored === null ? [] : refusalsOf(profile, stored, changes);
        return refused.length === 0 ? null : new ProfileRefusal(refused, entry.relPath);
      },
    },
    take,
  );
  const diffs = diffsOf(result.before ?? defaultValues(), changes);
  const kind = !result.changed
    ? 'unchanged'
    : request.removeSidecar === true
      ? 'removed'
      : result.before === null
        ? 'created'
        : 'updated';
  return { kind, diffs, version: result.version, taken: result.taken, damagedKeptAs: result.damagedKeptAs };
}

/** The header a new sidecar of `entry` is made from, or why there is none. */
async function newSidecarSource(entry: ImageEntry, context: SaveContext): Promise<NewSidecarSource> {
  const scan = readsFileHeader(entry.format) ? await context.header(entry) : null;
  if (scan === null)
    throw new ApiFailure('NOT_FOUND', 'no sidecar, and AcqMeta reads no OIR header to create one from', entry.relPath);
  if (!scan.ok) {
    const reason = withoutFileName(scan.message, path.basename(entry.absPath));
    throw new ApiFailure('UNREADABLE_IMAGE', `cannot create a sidecar: ${reason}`, entry.relPath);
  }
  return { header: scan.info.header, fileCalibration: scan.info.fileCalibration };
}

/** The fields of `changes` whose value differs from `stored`. */
function diffsOf(stored: FieldValues, changes: FieldValues): FieldDiff[] {
  return Object.entries(changes)
    .filter(([name, value]) => stored[name] !== value)
    .map(([name, after]) => ({ name, before: stored[name] ?? null, after }));
}
