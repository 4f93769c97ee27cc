/**
 * The open folder kept live: watched for changes other programs make (rows read again and
 * sent as `folder-changed` events, and journaled as changed outside AcqMeta where the journal
 * holds records of the image) and swept of the temp files killed writes left behind.
 */
import type { ApiEvent, FolderWatching } from '../../../shared/api';
import type { ImageRow } from '../../../shared/api';
import { defaultConfigDir, imageFormat, type OpenFolder } from '../folder';
import { outsideChanges, type SidecarNow } from '../journal';
import { createProfileFinder, type ProfileCache } from '../profile';
import { startWriteWorker, sweepStaleTempsUnder } from '../sidecar';
import type { TiffScanner } from '../tiff';
import { watchFolder, type FolderWatch, type WatchOptions } from '../watch';
import type { CollectionRows } from './collection-rows';
import { readFolderChanges } from './folder-changes';
import { missedSinceScan, type ScanListed } from './scan-catch-up';

/** File names polling looks at: images and sidecars. */
function relevant(name: string): boolean {
  return imageFormat(name) !== null || name.endsWith('.json');
}

/**
 * How long after an open with no scan the folder is swept and watched all the same: a window
 * asks for its scan well within this, and the sweep and the watcher's walk must not compete
 * with that scan; a client that never scans still gets a live folder.
 */
const START_WITHOUT_SCAN_MS = 2_000;

/** Calls `start` once `ms` have passed; returns what cancels that (tests pass a clock of their own). */
export type LiveTimer = (start: () => void, ms: number) => () => void;

/** The clock's timer; it keeps no process alive. */
export const realTimer: LiveTimer = (start, ms) => {
  const timer = setTimeout(start, ms);
  timer.unref(); // an open folder nobody scans, or a scan nobody listens to, must not keep the process alive
  return () => clearTimeout(timer);
};

/**
 * Watching and sweeping of whichever folder is open. Both walk the whole tree (the watcher
 * natively, with a `stat` per file: about a tenth of a 10,000-image open in browser mode when
 * it ran beside the scan on two cores), so they start once the folder's first scan is over
 * ({@link LiveFolder.start}), and then catch up on what changed meanwhile; the write worker
 * starts then too.
 */
export class LiveFolder {
  /** The watch being started or stopped; the next one waits for it. */
  private switching: Promise<void> = Promise.resolve();
  private current: FolderWatch | null = null;
  private currentRoot = '';
  private generation = 0;
  private sweep = new AbortController();
  /** Starts sweeping and watching the open folder (catching up on a scan's listing); null once started. */
  private pending: ((listed: ScanListed | null) => void) | null = null;
  private cancelTimer: (() => void) | null = null;
  private saving = 0;
  private releases: (() => void)[] = [];

  /** `options` null: the folder is swept but not watched (no front door wants events); `collections` follows the events emitted. */
  constructor(
    private readonly scanner: TiffScanner,
    private readonly profiles: ProfileCache,
    private readonly emit: (event: ApiEvent) => void,
    private readonly collections: CollectionRows,
    private readonly options: WatchOptions | null,
    private readonly timer: LiveTimer = realTimer,
    private readonly configDir = defaultConfigDir(),
  ) {}

  /**
   * Stops what ran for the previous folder; `folder` is swept and watched from {@link start},
   * or two seconds from now (by `timer`) when no scan is under way by then.
   */
  open(folder: OpenFolder): void {
    this.stopPrevious();
    const generation = this.generation;
    this.pending = (listed) => this.begin(folder, generation, listed);
    this.cancelTimer = this.timer(() => this.start(null), START_WITHOUT_SCAN_MS);
  }

  /**
   * Sweeps and watches the open folder now, unless that has started already: once a scan is
   * over. `listed` (what a completed scan listed) is caught up on once the watch is in place: the
   * files changed since the scan started and the images it listed that are gone are read again
   * as the watch reads its changes.
   */
  start(listed: ScanListed | null): void {
    this.takePending()?.(listed);
  }

  /**
   * A scan is under way and calls {@link start} once it is over: the two-second fallback must
   * not walk the tree while the window waits for its rows.
   */
  scanUnderWay(): void {
    this.stopTimer();
  }

  private takePending(): ((listed: ScanListed | null) => void) | null {
    const begin = this.pending;
    this.pending = null;
    this.stopTimer();
    return begin;
  }

  private stopTimer(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  private stopPrevious(): void {
    this.takePending();
    this.sweep.abort();
    this.sweep = new AbortController();
    this.generation += 1;
    this.switching = this.switching.then(() => this.stopWatch());
  }

  private begin(folder: OpenFolder, generation: number, listed: ScanListed | null): void {
    // The write worker checks the paths of the requests that follow (a click on a row) and writes.
    startWriteWorker();
    void sweepStaleTempsUnder(folder.root, this.sweep.signal);
    this.switching = this.switching.then(async () => {
      if (this.options === null || generation !== this.generation) return;
      const outside = outsideChanges(folder.root, this.configDir);
      const handle = (paths: string[]) =>
        readFolderChanges(
          folder,
          paths,
          this.scanner,
          createProfileFinder(this.profiles, { root: folder.root }),
          this.collections,
          (changes) => {
            if (generation !== this.generation) return;
            this.emit({ type: 'folder-changed', root: folder.root, ...changes });
            void outside.check(changes.rows.map(sidecarNow));
          },
        );
      const polling = () => {
        if (generation === this.generation) this.emit({ type: 'folder-watching', root: folder.root, mode: 'poll' });
      };
      const watch = await watchFolder(folder.root, handle, relevant, this.options, polling).catch(() => null);
      this.current = watch;
      if (watch === null) return;
      this.currentRoot = folder.root;
      if (this.saving > 0) this.releases.push(watch.hold());
      if (generation === this.generation) this.emit({ type: 'folder-watching', root: folder.root, mode: watch.mode });
      void outside.checkAll();
      // not awaited: opening another folder does not wait for this walk
      if (listed !== null) void missedSinceScan(folder.root, listed, relevant).then(watch.report, () => undefined);
    });
  }

  /** How the open folder is watched; null before watching has started (or when it is not watched). */
  watching(): FolderWatching | null {
    return this.current === null ? null : { root: this.currentRoot, mode: this.current.mode };
  }

  /** Runs `task` (a save) with the watcher's batches held back, so it reads settled files. */
  async whileSaving<T>(task: () => Promise<T>): Promise<T> {
    this.saving += 1;
    if (this.current !== null) this.releases.push(this.current.hold());
    try {
      return await task();
    } finally {
      this.saving -= 1;
      if (this.saving === 0) for (const release of this.releases.splice(0)) release();
    }
  }

  /** Stops watching and sweeping. */
  async close(): Promise<void> {
    this.stopPrevious();
    await this.switching;
  }

  private async stopWatch(): Promise<void> {
    const watch = this.current;
    this.current = null;
    await watch?.stop();
  }
}

/** A row's sidecar, as the journal's check of outside changes looks at it. */
function sidecarNow(row: ImageRow): SidecarNow {
  return { path: row.path, version: row.version, values: row.sidecar === 'ok' ? row.values : null };
}
