/**
 * Changes by others: a sidecar that no longer holds what its latest journal record wrote was
 * changed outside AcqMeta (by CloudScope, a script, another machine without a journal). It
 * gets a record of its own, with the differences in the fields the journal knows values of.
 * Only images the journal already holds records of are looked at: a folder AcqMeta never
 * wrote to gets no journal.
 */
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { SidecarVersion } from '../../../shared/api';
import type { FieldValues } from '../../../shared/fields/field-table';
import {
  damageReason,
  journalLine,
  OUTSIDE_ACTION,
  OUTSIDE_TOOL,
  sinceLatest,
  type JournalChange,
  type JournalRecord,
} from '../../../shared/journal';
import { appendJournalInWorker, isOwnWriteOnDisk, readSidecarFile, sidecarNameFor, sidecarPathFor } from '../sidecar';
import { JournalIndex, type JournaledImage } from './journal-index';
import { journalPlaces, type JournalPlaces } from './journal-places';
import { journalAuthor, journalVersion } from './journal-writer';

/** An image's sidecar as it is now: its version (null: gone) and its field values (null: unreadable). */
export interface SidecarNow {
  /** Relative to the open folder, `/`-separated. */
  path: string;
  version: SidecarVersion | null;
  values: FieldValues | null;
  /** Why a sidecar that is there cannot be read (it is damaged), in words. */
  damaged?: string;
}

/** The sidecar of the image `relPath` as it is now; null when it cannot be read. */
export async function sidecarNow(root: string, relPath: string): Promise<SidecarNow | null> {
  const file = await readSidecarFile(path.join(root, ...relPath.split('/'))).catch(() => null);
  if (file === null) return null;
  return {
    path: relPath,
    version: file.state === 'missing' ? null : file.version,
    values: file.state === 'ok' ? file.sidecar.fieldValues() : null,
    ...(file.state === 'invalid' ? { damaged: damageReason(file.problems, sidecarNameFor(relPath)) } : {}),
  };
}

/** What became of the latest journaled write of the image of `sidecar`, as the index now knows it. */
function stateOf(index: JournalIndex, sidecar: SidecarNow): ReturnType<typeof sinceLatest> | null {
  const sha256 = sidecar.version?.sha256 ?? null;
  index.landedLate(sidecar.path, sha256);
  const image = index.get(sidecar.path);
  return image === undefined ? null : sinceLatest(image.latest, sha256);
}

/**
 * Records, for each sidecar of `now` that changed since its latest journal record (and is not
 * this process's own write in flight), a "changed outside AcqMeta" record. Returns how many.
 *
 * A sidecar of `now` may have been read before a write whose record the journal has since
 * gained (a record goes to disk before its sidecar is renamed into place): those that do not
 * hold what their latest record wrote are read again, and the journal once after them (with any
 * journal made in a subfolder since), before one counts as changed, or its latest write as cut short.
 * An image the journal holds no record of is looked for first in journals made in its folder since.
 * Just before its record is appended, the journal is read on again: a record of the same change
 * (the same versions before and after) by another app watching the folder is not repeated.
 */
export async function journalOutsideChanges(
  root: string,
  now: readonly SidecarNow[],
  index: JournalIndex,
  places: JournalPlaces,
): Promise<number> {
  await index.refresh();
  const unknown = now.map((seen) => seen.path).filter((imagePath) => index.get(imagePath) === undefined);
  if (unknown.length > 0 && (await index.findJournalsOf(unknown))) await index.refresh();
  const again: SidecarNow[] = [];
  for (const seen of now) {
    const state = stateOf(index, seen);
    if (state === null || state === 'written') continue;
    const sidecar = await sidecarNow(root, seen.path);
    if (sidecar !== null) again.push(sidecar);
  }
  if (again.length === 0) return 0;
  // a writer given one image journals in that image's folder: a journal made below since the open counts
  await index.findSubfolderJournals();
  await index.refresh();
  const batch = randomUUID();
  let recorded = 0;
  for (const sidecar of again) {
    const state = stateOf(index, sidecar);
    if (state === 'cut-short') index.notLanded(sidecar.path);
    const image = index.get(sidecar.path);
    if (state !== 'changed' || image === undefined) continue;
    const absPath = path.join(root, ...sidecar.path.split('/'));
    if (await isOwnWriteOnDisk(absPath)) continue;
    const place = await places.placeFor(absPath);
    if (place === null) continue;
    const record = outsideRecord(sidecar, image, batch, path.relative(place.root, absPath));
    // another app on the share may have recorded it since: the journal is read on once more
    await index.refresh();
    if (index.holdsOutsideChange(record, sidecar.path)) continue;
    await appendJournalInWorker(place.dir, journalLine(record));
    index.note(record, place.root);
    recorded += 1;
  }
  return recorded;
}

/**
 * The sidecars now of the images the journal holds records of, read from disk; those whose
 * size and modification time are still what their latest record wrote are left out unread.
 */
export async function journaledSidecarsNow(root: string, index: JournalIndex): Promise<SidecarNow[]> {
  await index.refresh();
  const now: SidecarNow[] = [];
  for (const relPath of index.paths()) {
    const imagePath = path.join(root, ...relPath.split('/'));
    const written = index.get(relPath)?.latest.after ?? null;
    const seen = await stat(sidecarPathFor(imagePath)).catch(() => null);
    if (written !== null && seen?.size === written.size && seen.mtimeMs === written.mtime) continue;
    const sidecar = await sidecarNow(root, relPath);
    if (sidecar !== null) now.push(sidecar);
  }
  return now;
}

function outsideRecord(sidecar: SidecarNow, image: JournaledImage, batch: string, relPath: string): JournalRecord {
  const changes: JournalChange[] = [];
  if (sidecar.values !== null)
    for (const [field, old] of image.values) {
      const value = sidecar.values[field] ?? null;
      if (value !== old) changes.push({ field, old, new: value });
    }
  return {
    id: randomUUID(),
    batch,
    time: new Date().toISOString(),
    ...journalAuthor(),
    tool: OUTSIDE_TOOL,
    action: OUTSIDE_ACTION,
    path: relPath.split(path.sep).join('/'),
    changes,
    before: image.latest.after,
    after: journalVersion(sidecar.version),
    ...(sidecar.damaged === undefined ? {} : { damaged: sidecar.damaged }),
    ...(sidecar.version === null ? { deleted: true as const } : {}),
  };
}

/** Records the changes others make to an open folder's journaled sidecars (see {@link outsideChanges}). */
export interface OutsideChanges {
  /** Looks for journals in the subfolders, then at every journaled sidecar on disk (after a scan); resolves to the records made. */
  checkAll(): Promise<number>;
  /** Looks at sidecars the watcher saw change; resolves to the records made. */
  check(now: readonly SidecarNow[]): Promise<number>;
}

/** The recorder of outside changes for the folder `root`; its checks run one at a time and never reject. */
export function outsideChanges(root: string, configDir: string): OutsideChanges {
  const index = new JournalIndex(root, configDir);
  const places = journalPlaces({ roots: [root], configDir });
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = (task: () => Promise<number>): Promise<number> => {
    const run = queue.then(task).catch(() => 0);
    queue = run;
    return run;
  };
  return {
    checkAll: () =>
      inTurn(async () => {
        await index.findSubfolderJournals();
        return journalOutsideChanges(root, await journaledSidecarsNow(root, index), index, places);
      }),
    check: (now) => inTurn(() => journalOutsideChanges(root, now, index, places)),
  };
}
