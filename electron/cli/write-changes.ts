/**
 * Applies field changes to one image's sidecar for `set` and `import`.
 */
import path from 'node:path';
import { ApiFailure } from '../../shared/errors';
import { editableField, type FieldValue, type FieldValues } from '../../shared/fields/field-table';
import type { ImageEntry } from '../services/folder/list-images';
import { defaultFieldValues, scanImage } from '../services/rows/image-row';
import { readSidecarFile, saveFieldChanges } from '../services/sidecar';
import type { TiffScanner } from '../services/tiff';
import { EXIT } from './cli-io';
import { describeStored, withoutFileName } from './row-format';

/** One field that changes. */
export interface FieldDiff {
  name: string;
  before: FieldValue;
  after: FieldValue;
}

/** What happened to one image's sidecar. */
export type WriteOutcome =
  | { kind: 'created'; diffs: FieldDiff[] }
  | { kind: 'updated'; diffs: FieldDiff[] }
  | { kind: 'unchanged' }
  /** Not written: the sidecar is invalid, or there is no header to create one from. */
  | { kind: 'skipped'; reason: string }
  /** Not written: the sidecar changed meanwhile, or the disk refused. */
  | { kind: 'conflict' | 'io'; reason: string };

/**
 * Writes the fields of `changes` that differ from the stored values (nothing when none do).
 *
 * A missing sidecar is created with the header read from the TIFF; an invalid one is never
 * touched. With `dryRun` everything is checked and nothing is written.
 */
export async function writeChanges(
  entry: ImageEntry,
  changes: FieldValues,
  scanner: TiffScanner,
  dryRun: boolean,
): Promise<WriteOutcome> {
  const read = await readSidecarFile(entry.absPath);
  const sidecarName = `${path.basename(entry.absPath)}.json`;
  if (read.state === 'invalid') {
    const problems = read.problems.map((p) => withoutFileName(p, sidecarName));
    return { kind: 'skipped', reason: `invalid sidecar, left as it is: ${problems.join('; ')}` };
  }
  const current = read.state === 'ok' ? { ...defaultFieldValues(), ...read.sidecar.fieldValues() } : defaultFieldValues();
  const diffs = Object.entries(changes)
    .filter(([name, value]) => current[name] !== value)
    .map(([name, after]) => ({ name, before: current[name] ?? null, after }));
  if (diffs.length === 0) return { kind: 'unchanged' };
  let creation = {};
  if (read.state === 'missing') {
    if (entry.kind !== 'tiff') return { kind: 'skipped', reason: 'no sidecar, and only a TIFF has a header to create one from' };
    const scan = await scanImage(scanner, entry.absPath);
    if (!scan.ok) return { kind: 'skipped', reason: `cannot create a sidecar: ${withoutFileName(scan.message, path.basename(entry.absPath))}` };
    creation = { header: scan.info.header, fileCalibration: scan.info.fileCalibration };
  }
  try {
    await saveFieldChanges(entry.absPath, Object.fromEntries(diffs.map((d) => [d.name, d.after])), {
      expected: read.state === 'ok' ? read.version : null,
      dryRun,
      ...creation,
    });
  } catch (error) {
    return failureOutcome(error);
  }
  return read.state === 'missing' ? { kind: 'created', diffs } : { kind: 'updated', diffs };
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

/** Counts outcomes for the closing summary and the exit code. */
export class OutcomeTally {
  private readonly counts = { created: 0, updated: 0, unchanged: 0, skipped: 0, conflict: 0, io: 0 };

  add(outcome: WriteOutcome): void {
    this.counts[outcome.kind]++;
  }

  /** 3 on any conflict or I/O error, 1 when files were skipped, else 0. */
  exitCode(): number {
    if (this.counts.conflict + this.counts.io > 0) return EXIT.conflict;
    return this.counts.skipped > 0 ? EXIT.problems : EXIT.ok;
  }

  /** `2 sidecars updated, 1 created, 3 unchanged.`, or its dry-run wording. */
  summary(dryRun: boolean): string {
    const c = this.counts;
    const sidecars = `${c.updated} sidecar${c.updated === 1 ? '' : 's'}`;
    const parts = dryRun
      ? [`${sidecars} to update`, `${c.created} to create`, `${c.unchanged} unchanged`]
      : [`${sidecars} updated`, `${c.created} created`, `${c.unchanged} unchanged`];
    if (c.skipped > 0) parts.push(`${c.skipped} skipped`);
    if (c.conflict > 0) parts.push(`${c.conflict} changed on disk meanwhile (not written)`);
    if (c.io > 0) parts.push(`${c.io} failed to write`);
    return dryRun ? `Dry run: ${parts.join(', ')}; nothing written.` : `${parts.join(', ')}.`;
  }
}
