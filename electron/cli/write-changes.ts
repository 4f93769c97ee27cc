/**
 * Field changes to one image's sidecar for `set` and `import`: first planned (read, compared,
 * checked), then applied.
 */
import path from 'node:path';
import { ApiFailure } from '../../shared/errors';
import { editableField, type FieldValue, type FieldValues } from '../../shared/fields/field-table';
import type { ImageEntry } from '../services/folder';
import { scanImage, storedValues, type SidecarRead } from '../services/rows';
import {
  readSidecarFile,
  saveFieldChanges,
  sidecarNameFor,
  type SaveOptions,
  type WriteBatch,
} from '../services/sidecar';
import type { TiffScanner } from '../services/tiff';
import { describeStored, withoutFileName } from './row-format';

/** One field that changes. */
export interface FieldDiff {
  name: string;
  before: FieldValue;
  after: FieldValue;
}

/** What writing would do to one image's sidecar, worked out before anything is written. */
export type ChangePlan =
  | { kind: 'created' | 'updated'; diffs: FieldDiff[]; save: Omit<SaveOptions, 'dryRun' | 'batch'> }
  | { kind: 'unchanged' }
  /** Cannot be written: the sidecar is invalid, or there is no header to create one from. */
  | { kind: 'skipped'; reason: string }
  /** The sidecar could not be read (e.g. a folder by its name, permission denied). */
  | { kind: 'io'; reason: string };

/** What happened to one image's sidecar. */
export type WriteOutcome =
  | { kind: 'created'; diffs: FieldDiff[] }
  | { kind: 'updated'; diffs: FieldDiff[] }
  | { kind: 'unchanged' }
  | { kind: 'skipped'; reason: string }
  /** Not written: the sidecar changed since it was planned, or the disk refused. */
  | { kind: 'conflict' | 'io'; reason: string };

/**
 * Plans the fields of `changes` that differ from the stored values (none: `unchanged`).
 *
 * A missing sidecar is to be created with the header read from the TIFF; an invalid one is
 * never touched (`skipped`); one that cannot be read is an `io` failure.
 */
export async function planChanges(entry: ImageEntry, changes: FieldValues, scanner: TiffScanner): Promise<ChangePlan> {
  let read: SidecarRead;
  try {
    read = await readSidecarFile(entry.absPath);
  } catch (error) {
    if (error instanceof ApiFailure && error.code === 'IO') return { kind: 'io', reason: error.message };
    throw error;
  }
  return planFromRead(entry, read, changes, scanner);
}

/** Like {@link planChanges}, for a sidecar already read: the write will expect that version. */
export async function planFromRead(
  entry: ImageEntry,
  read: SidecarRead,
  changes: FieldValues,
  scanner: TiffScanner,
): Promise<ChangePlan> {
  if (read.state === 'invalid') {
    const problems = read.problems.map((p) => withoutFileName(p, sidecarNameFor(entry.absPath)));
    return { kind: 'skipped', reason: `invalid sidecar, left as it is: ${problems.join('; ')}` };
  }
  const diffs = diffsOf(storedValues(read), changes);
  if (diffs.length === 0) return { kind: 'unchanged' };
  if (read.state === 'ok') return { kind: 'updated', diffs, save: { expected: read.version } };
  if (entry.kind !== 'tiff')
    return { kind: 'skipped', reason: 'no sidecar, and only a TIFF has a header to create one from' };
  const scan = await scanImage(scanner, entry.absPath);
  if (!scan.ok)
    return {
      kind: 'skipped',
      reason: `cannot create a sidecar: ${withoutFileName(scan.message, path.basename(entry.absPath))}`,
    };
  return {
    kind: 'created',
    diffs,
    save: { expected: null, header: scan.info.header, fileCalibration: scan.info.fileCalibration },
  };
}

/** The fields of `changes` whose value differs from `stored`. */
function diffsOf(stored: FieldValues, changes: FieldValues): FieldDiff[] {
  return Object.entries(changes)
    .filter(([name, value]) => stored[name] !== value)
    .map(([name, after]) => ({ name, before: stored[name] ?? null, after }));
}

/**
 * Writes a plan (with `dryRun`, checks it and writes nothing). The sidecar must still be the
 * one the plan read, else the outcome is a `conflict`. With a `batch`, the folder is synced
 * when the batch finishes.
 */
export async function applyPlan(
  entry: ImageEntry,
  plan: ChangePlan,
  dryRun: boolean,
  batch?: WriteBatch,
): Promise<WriteOutcome> {
  if (plan.kind === 'unchanged' || plan.kind === 'skipped' || plan.kind === 'io') return plan;
  try {
    await saveFieldChanges(entry.absPath, Object.fromEntries(plan.diffs.map((d) => [d.name, d.after])), {
      ...plan.save,
      dryRun,
      batch,
    });
  } catch (error) {
    return failureOutcome(error);
  }
  return { kind: plan.kind, diffs: plan.diffs };
}

/**
 * Sets `changes` in one image's sidecar (`acqmeta set`): a sidecar the walk listed is read,
 * edited and written in one go; a missing or invalid one goes through {@link planChanges}
 * (which reads the TIFF to create it, or says why it is skipped).
 */
export async function setFields(
  entry: ImageEntry,
  changes: FieldValues,
  scanner: TiffScanner,
  batch: WriteBatch,
): Promise<WriteOutcome> {
  if (entry.sidecar !== 'none') {
    try {
      const result = await saveFieldChanges(entry.absPath, changes, { expected: 'latest', batch });
      const diffs = diffsOf(result.before ?? {}, changes);
      return result.changed && diffs.length > 0 ? { kind: 'updated', diffs } : { kind: 'unchanged' };
    } catch (error) {
      // Gone or invalid since the walk: the plan creates it or says why it is skipped.
      if (!(error instanceof ApiFailure) || (error.code !== 'INVALID_SIDECAR' && error.code !== 'INVALID_VALUE'))
        return failureOutcome(error);
    }
  }
  return applyPlan(entry, await planChanges(entry, changes, scanner), false, batch);
}

function failureOutcome(error: unknown): WriteOutcome {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiFailure) {
    if (error.code === 'CONFLICT') return { kind: 'conflict', reason: message };
    if (error.code === 'IO') return { kind: 'io', reason: message };
    return { kind: 'skipped', reason: message };
  }
  if (typeof (error as NodeJS.ErrnoException | null)?.code === 'string') return { kind: 'io', reason: message };
  throw error;
}

/** `Depth: (none) → 12`. */
export function describeDiff(diff: FieldDiff): string {
  const spec = editableField(diff.name);
  return `${spec?.displayName ?? diff.name}: ${describeStored(diff.before, spec)} → ${describeStored(diff.after, spec)}`;
}
