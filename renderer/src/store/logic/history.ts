/**
 * The undo history, as pure data: each step is one user action (a typing visit in a field, a
 * bulk edit, a paste, an import, ...) with, for every image and field it touched, what the field
 * showed before and after. Undo shows the "before" again as pending edits, so it works across
 * saves: a value that was saved comes back as an unsaved edit, and saving writes it back. A step
 * may instead have written a whole file (a folder's channel table): undo writes it back at once.
 */
import type { SidecarVersion } from '../../../../shared/api';
import type { ChannelTable } from '../../../../shared/channels/channel-table';
import type { DatasetValues } from '../../../../shared/dataset';
import { editableField, type FieldValue } from '../../../../shared/fields/field-table';
import { formatFieldValue } from '../../../../shared/columns';
import { plural } from '../../lib/format';
import type { PendingEdit } from './edit-logic';
import type { SidecarRemoval } from './sidecar-removals';

/** What a field showed: the text, and the value to store when `error` is null. */
export type Shown = PendingEdit;

/** One field of one image as a step changed it. */
export interface FieldChange {
  path: string;
  name: string;
  before: Shown;
  after: Shown;
}

/**
 * A file a step saved as a whole (a channel table, an instrument description, or the dataset
 * values): its content before and after (null: there was, or is, no file).
 */
export type FileStep = ChannelTableStep | InstrumentFileStep | DatasetStep;

/** A channel table saved from its dialog. */
export interface ChannelTableStep {
  kind: 'channel-table';
  /** The folder whose own table it is, relative to the open folder (`''` for the open folder). */
  folder: string;
  before: ChannelTable | null;
  after: ChannelTable | null;
  /**
   * The file's version as this step's last write left it (null: the write removed it). Undo and
   * redo write only over that version: a file someone changed since is theirs, not put back.
   */
  written: SidecarVersion | null;
}

/** An instrument description saved from the catalogue editor: its text before and after. */
export interface InstrumentFileStep {
  kind: 'instrument-file';
  /** The description file, relative to the open folder. */
  file: string;
  before: string | null;
  after: string | null;
  /** As for a channel table: the version the step's last write left. */
  written: SidecarVersion | null;
}

/** The open folder's dataset values and people saved from the Dataset panel. */
export interface DatasetStep {
  kind: 'dataset';
  before: DatasetValues | null;
  after: DatasetValues | null;
  /** As for a channel table: the version the step's last write left. */
  written: SidecarVersion | null;
}

/** One undoable action. */
export interface HistoryStep {
  /** What the user did, e.g. `Genotype`, `Paste`, `Preset “Thy1 cohort 3”`. */
  action: string;
  changes: FieldChange[];
  /** Steps with the same key that touch the same fields merge (typing in one field visit). */
  coalesceKey: string | null;
  /** The file the step saved (its `changes` are then empty): undo and redo write it again. */
  file?: FileStep;
  /** Sidecars the step marked for removal on Save (undoing their creation): undo unmarks them. */
  removals?: readonly SidecarRemoval[];
}

/** Steps to undo (oldest first) and to redo (next first). */
export interface History {
  past: readonly HistoryStep[];
  future: readonly HistoryStep[];
}

/** The empty history. */
export const EMPTY_HISTORY: History = { past: [], future: [] };

/** At most this many steps, and this many field changes over all steps, are kept. */
export const HISTORY_LIMITS = { steps: 200, changes: 2_000_000 } as const;

/** What a stored value shows when no edit is pending (`absent`: the file lacks the field's key). */
export function shownValue(value: FieldValue | undefined, absent = false): Shown {
  return {
    text: formatFieldValue(value),
    value: value ?? null,
    error: null,
    ...(absent ? { absent: true as const } : {}),
  };
}

/** Whether two shown states are the same to the user (and would save the same). */
export function sameShown(a: Shown, b: Shown): boolean {
  return a.text === b.text && a.value === b.value && (a.error === null) === (b.error === null) && a.absent === b.absent;
}

const changeKey = (change: { path: string; name: string }): string => `${change.path}\u0000${change.name}`;

/**
 * Merges `step` into `top` when both carry the same coalesce key and `step` touches only fields
 * `top` already touched; null when they do not merge. Fields brought back to what they showed
 * before `top` drop out.
 */
function coalesce(top: HistoryStep, step: HistoryStep): HistoryStep | null {
  if (top.coalesceKey === null || top.coalesceKey !== step.coalesceKey) return null;
  const merged = new Map(top.changes.map((c) => [changeKey(c), c]));
  for (const change of step.changes) {
    const earlier = merged.get(changeKey(change));
    if (!earlier) return null;
    merged.set(changeKey(change), { ...earlier, after: change.after });
  }
  return { ...top, changes: [...merged.values()].filter((c) => !sameShown(c.before, c.after)) };
}

function countChanges(steps: readonly HistoryStep[]): number {
  return steps.reduce((sum, step) => sum + step.changes.length, 0);
}

/** The history after a new step: merged into the last one where it coalesces; redo is cleared. */
export function recordStep(history: History, step: HistoryStep): History {
  const top = history.past.at(-1);
  const merged = top ? coalesce(top, step) : null;
  let past = merged
    ? [...history.past.slice(0, -1), ...(merged.changes.length > 0 ? [merged] : [])]
    : [...history.past, step];
  while (past.length > HISTORY_LIMITS.steps || (past.length > 1 && countChanges(past) > HISTORY_LIMITS.changes))
    past = past.slice(1);
  return { past, future: [] };
}

/** Whether the step touches several fields (a paste, a preset, an import). */
function fieldNames(step: HistoryStep): Set<string> {
  return new Set(step.changes.map((c) => c.name));
}

/**
 * How a menu item (and the journal) names a file's step: `Channel table of raw/day1`,
 * `Instrument description lsm-880.json`, `Dataset values and people`.
 */
export function describeFileStep(
  file: Pick<ChannelTableStep, 'folder'> | Pick<InstrumentFileStep, 'file'> | Pick<DatasetStep, 'kind'>,
): string {
  if ('file' in file) return `Instrument description ${file.file.split('/').pop() ?? file.file}`;
  if ('folder' in file) return `Channel table of ${file.folder === '' ? 'the folder' : file.folder}`;
  return 'Dataset values and people';
}

/**
 * How a menu item names a step: `Genotype on 40 images`, `Paste (3 fields) on 2 images`,
 * `Channel table of raw/day1`.
 */
export function describeStep(step: HistoryStep): string {
  if (step.file) return describeFileStep(step.file);
  const images = new Set([...step.changes, ...(step.removals ?? [])].map((c) => c.path)).size;
  const names = fieldNames(step);
  const only = names.size === 1 ? editableField([...names][0]!)?.displayName : undefined;
  const named =
    only !== undefined &&
    (step.action === only || step.action.endsWith(` ${only}`) || step.action.startsWith(`${only} `));
  const what = named || names.size !== 1 ? step.action : `${step.action} (${only ?? [...names][0]})`;
  const fields = names.size > 1 && !/\bfields?\b/.test(step.action) ? ` (${plural(names.size, 'field')})` : '';
  return images === 1 ? `${what}${fields}` : `${what}${fields} on ${plural(images, 'image')}`;
}
