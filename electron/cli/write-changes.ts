/**
 * Field changes to one image's sidecar for `set` and `import`, through the one save path, and
 * what happened in the command line's words.
 */
import { editableField } from '../../shared/fields/field-table';
import { toBackendError } from '../services/disk';
import type { ImageEntry } from '../services/folder';
import type { ProfileFinder } from '../services/profile';
import { scanImage } from '../services/rows';
import { saveImageChanges, type FieldDiff, type ImageChanges, type SaveContext } from '../services/save';
import type { WriteBatch } from '../services/sidecar';
import type { TiffScanner } from '../services/tiff';
import { journalPlaces, journalWrites } from '../services/journal';
import type { CliIo } from './cli-io';
import { describeStored } from './row-format';

/** What happened to one image's sidecar (or, in a dry run, would happen). */
export type WriteOutcome =
  | { kind: 'created'; diffs: FieldDiff[] }
  /** `damagedKeptAs`: the file name a replaced damaged sidecar is kept as. */
  | { kind: 'updated'; diffs: FieldDiff[]; damagedKeptAs?: string }
  /** The sidecar was removed (undoing its creation). */
  | { kind: 'removed'; diffs: FieldDiff[] }
  | { kind: 'unchanged' }
  /** Not written: an invalid sidecar, an invalid value, no header to create one from. */
  | { kind: 'skipped'; reason: string }
  /** Not written: the sidecar changed since it was read, or the disk refused. */
  | { kind: 'conflict' | 'io'; reason: string };

/** How `set` and `import` write each image. */
export interface CliWriter {
  /** Writes one image's changes (in `batch`) and says what happened; never rejects for the file's sake. */
  write(entry: ImageEntry, request: ImageChanges, batch?: WriteBatch): Promise<WriteOutcome>;
}

/**
 * A writer under the lab profiles `profiles` finds, whose new sidecars take their header from
 * `scanner`, journaled as `action` (see `journalWrites`) in the journals of `roots`.
 */
export function cliWriter(
  profiles: ProfileFinder,
  scanner: TiffScanner,
  dryRun: boolean,
  journaled: { action: string; roots: readonly string[]; io: CliIo },
): CliWriter {
  const header = (entry: ImageEntry) => scanImage(scanner, entry.absPath);
  const places = journalPlaces({
    roots: journaled.roots,
    onFallback: (root, dir) =>
      journaled.io.err(`warning: ${root} cannot be written; its change journal is kept in ${dir}`),
  });
  const journal = journalWrites(places, { tool: 'acqmeta', action: journaled.action });
  return {
    async write(entry, request, batch) {
      const context: SaveContext = { header, profiles, dryRun, journal, ...(batch === undefined ? {} : { batch }) };
      try {
        const saved = await saveImageChanges(entry, request, context);
        if (saved.kind === 'unchanged') return { kind: 'unchanged' };
        if (saved.kind === 'removed') return { kind: 'removed', diffs: [] };
        return saved.kind === 'created'
          ? { kind: 'created', diffs: saved.diffs }
          : saved.damagedKeptAs === null
            ? { kind: 'updated', diffs: saved.diffs }
            : { kind: 'updated', diffs: saved.diffs, damagedKeptAs: saved.damagedKeptAs };
      } catch (error) {
        return failureOutcome(error);
      }
    },
  };
}

function failureOutcome(failure: unknown): WriteOutcome {
  const { code, message: reason } = toBackendError(failure);
  if (code === 'INTERNAL') throw failure;
  if (code === 'CONFLICT') return { kind: 'conflict', reason };
  if (code === 'INVALID_SIDECAR') return { kind: 'skipped', reason: `invalid sidecar, left as it is: ${reason}` };
  return code === 'IO' ? { kind: 'io', reason } : { kind: 'skipped', reason };
}

/** `Depth: (none) → 12`. */
export function describeDiff(diff: FieldDiff): string {
  const spec = editableField(diff.name);
  return `${spec?.displayName ?? diff.name}: ${describeStored(diff.before, spec)} → ${describeStored(diff.after, spec)}`;
}
