/**
 * Changes other programs make to the open folder, as the backend's watcher reports them: new
 * rows, removed rows and new values. A row with unsaved edits is never replaced under the
 * user: it keeps the version they started from (so a save meets CONFLICT and the conflict
 * dialog asks) and is marked as changed or deleted on disk until the edits are saved or gone.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { FolderChangedEvent, FolderWatching, ImageRow } from '../../../../shared/api';
import { plural } from '../../lib/format';
import type { AppState } from '../../app-store';

/** What happened on disk to an image while it had unsaved edits. */
export type DiskChange = 'changed' | 'removed';

/** A row kept back from what is on disk. */
export interface DiskMark {
  change: DiskChange;
  /** The row the user is editing; the mark no longer applies once this row is replaced (saved, reloaded). */
  row: ImageRow;
  /** What is on disk now; null when the image is gone. */
  theirs: ImageRow | null;
}

/** Disk changes and how the folder is watched. */
export interface DiskSlice {
  diskMarks: Readonly<Record<string, DiskMark>>;
  /** Which folder is watched and how, as the last `folder-watching` event said; null until one came. */
  watching: FolderWatching | null;
  /** Takes in a `folder-changed` event of the open folder. */
  applyFolderChanges(event: FolderChangedEvent): void;
  setWatchMode(root: string, mode: 'native' | 'poll'): void;
  /** Brings marked rows up to date once they have no edits left (reverted or discarded). */
  settleDiskMarks(): void;
}

/** How the open folder is watched, once the backend has said so (in the session or by an event). */
export function selectWatchMode(s: Pick<AppState, 'folder' | 'watching' | 'session'>): 'native' | 'poll' | null {
  const watching = s.watching ?? s.session?.watching ?? null;
  return watching !== null && watching.root === s.folder?.root ? watching.mode : null;
}

/** The mark of a row, if it still applies. */
export function activeMark(s: Pick<AppState, 'rows' | 'diskMarks'>, path: string): DiskMark | null {
  const mark = s.diskMarks[path];
  return mark !== undefined && s.rows[path] === mark.row ? mark : null;
}

/** The rows that `removed` names: images, and every image under a folder that is gone. */
function removedRows(s: AppState, removed: readonly string[]): string[] {
  const images = removed.filter((path) => s.rows[path] !== undefined);
  const folders = removed.filter((path) => s.rows[path] === undefined).map((path) => `${path}/`);
  if (folders.length === 0) return images;
  return [...images, ...s.rowOrder.filter((path) => folders.some((prefix) => path.startsWith(prefix)))];
}

function hasEdits(s: AppState, path: string): boolean {
  return Object.keys(s.edits[path] ?? {}).length > 0;
}

function sameSidecar(a: ImageRow, b: ImageRow): boolean {
  if (a.version === null || b.version === null) return a.version === b.version && a.sidecar === b.sidecar;
  return (
    a.version.sha256 === b.version.sha256 &&
    a.version.mtimeMs === b.version.mtimeMs &&
    a.version.size === b.version.size
  );
}

/** Creates the disk slice. */
export const createDiskSlice: StateCreator<AppState, [], [], DiskSlice> = (set, get) => ({
  diskMarks: {},
  watching: null,

  applyFolderChanges: (event) => {
    const s = get();
    if (event.root !== s.folder?.root) return;
    const fresh: ImageRow[] = [];
    const gone: string[] = [];
    const marks: Record<string, DiskMark> = {};
    const newlyMarked: Record<DiskChange, string[]> = { changed: [], removed: [] };
    const keep = (path: string, change: DiskChange, theirs: ImageRow | null): void => {
      const row = s.rows[path] as ImageRow;
      if (activeMark(s, path) === null) newlyMarked[change].push(path);
      marks[path] = { change, row, theirs };
    };
    for (const row of event.rows) {
      const current = s.rows[row.path];
      // With edits, a new sidecar version must not replace the version the user started from.
      if (current !== undefined && hasEdits(s, row.path) && !sameSidecar(current, row)) keep(row.path, 'changed', row);
      else fresh.push(row);
    }
    for (const path of removedRows(s, event.removed)) {
      if (hasEdits(s, path)) keep(path, 'removed', null);
      else gone.push(path);
    }
    s.addRows(fresh);
    s.removeRows(gone);
    s.deselect(gone);
    for (const row of fresh) if (s.details[row.path] !== undefined) s.forgetImage(row.path);
    if (Object.keys(marks).length > 0) set((st) => ({ diskMarks: { ...st.diskMarks, ...marks } }));
    // Each message goes once none of its images is marked any more (saved, reloaded, reverted).
    const unmarked = (paths: readonly string[]) => (st: AppState) =>
      paths.every((path) => activeMark(st, path) === null);
    if (newlyMarked.changed.length > 0) {
      const what =
        newlyMarked.changed.length === 1 ? newlyMarked.changed[0] : plural(newlyMarked.changed.length, 'image');
      s.notify(
        'error',
        `${what} changed on disk while you were editing: your edits are kept, and saving will ask which version to keep.`,
        { resolved: unmarked(newlyMarked.changed) },
      );
    }
    if (newlyMarked.removed.length > 0) {
      const what =
        newlyMarked.removed.length === 1
          ? `${newlyMarked.removed[0]} was`
          : `${plural(newlyMarked.removed.length, 'image')} were`;
      s.notify('error', `${what} deleted on disk: the unsaved edits cannot be saved; revert them to remove the row.`, {
        resolved: unmarked(newlyMarked.removed),
      });
    }
    // A lab profile file changed: the profiles in force, and every image checked against them again.
    if (event.profiles) void s.reloadProfiles(false);
    if (event.catalogues.length > 0) s.refreshCatalogueMatches(event.catalogues);
  },

  setWatchMode: (root, mode) => set({ watching: { root, mode } }),

  settleDiskMarks: () => {
    const s = get();
    const settled: string[] = [];
    const fresh: ImageRow[] = [];
    const gone: string[] = [];
    for (const [path, mark] of Object.entries(s.diskMarks)) {
      if (activeMark(s, path) === null) settled.push(path);
      else if (!hasEdits(s, path)) {
        settled.push(path);
        if (mark.theirs === null) gone.push(path);
        else fresh.push(mark.theirs);
      }
    }
    if (settled.length === 0) return;
    s.addRows(fresh);
    for (const row of fresh) if (s.details[row.path] !== undefined) s.forgetImage(row.path);
    s.removeRows(gone);
    s.deselect(gone);
    set((st) => {
      const diskMarks = { ...st.diskMarks };
      for (const path of settled) delete diskMarks[path];
      return { diskMarks };
    });
  },
});
