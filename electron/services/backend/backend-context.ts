/**
 * What every handler of the backend shares: options, the scanner, the open folder, events.
 */
import type { ApiEvent } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import type { OpenFolder, RecentFolders } from '../folder';
import { createProfileFinder, type ProfileCache, type ProfileFinder } from '../profile';
import type { HeaderMemo } from '../rows';
import type { CachedImage } from '../scan-cache';
import type { TiffScanner } from '../tiff';
import type { WatchOptions } from '../watch';
import type { ImageFolders } from './image-folders';
import type { CollectionRows } from './collection-rows';
import type { LiveFolder, LiveTimer } from './live-folder';

/** How a backend is set up by its front door. */
export interface BackendOptions {
  /** Which front door serves the UI. */
  door: 'electron' | 'browser';
  /** A folder to open at start (browser mode: `--root`). */
  initialFolder?: string | null;
  /** When set, only folders inside one of these may be opened (browser mode). */
  allowedRoots?: string[];
  /**
   * Shows a native folder dialog, to open a folder or to choose where files go; resolves null
   * on cancel (Electron only).
   */
  chooseFolder?: (purpose: 'open' | 'output') => Promise<string | null>;
  /**
   * Shows a folder in the system's file manager (Electron only); resolves to '' once shown, else
   * to the system's reason it could not (as Electron's `shell.openPath` does).
   */
  showFolder?: (folder: string) => Promise<string>;
  /** The bundled sample folder, offered on the start screen. */
  sampleFolder?: string | null;
  /** The per-user settings folder (presets are kept in its `presets/`); no presets without it. */
  configDir?: string | null;
  /** Recently opened folders; none are remembered without it. */
  recent?: RecentFolders;
  /** The TIFF scanner to use; without it the backend makes (and closes) its own. */
  scanner?: TiffScanner;
  /** Folder of the scan cache (see services/scan-cache); without it every scan reads every file. */
  cacheDir?: string | null;
  /** Watch the open folder and send `folder-changed` events; without it nothing is watched. */
  watch?: WatchOptions;
  /** The timer after which a folder opened with no scan under way is swept and watched all the same (two seconds of the clock unless given). */
  liveTimer?: LiveTimer;
  /**
   * The timer after which a scan's first event goes out though nobody listens (five seconds of
   * the clock unless given; it starts once that event is ready), and after which a scan started
   * for a window that is loading is dropped when no window took it over (ten seconds).
   */
  listenerTimer?: LiveTimer;
  /**
   * Told of the read ahead's moments (tests wait for them, not for a time): `over` once the read
   * ahead of `initialFolder` has ended, `none` when a folder opened later is not read ahead (its
   * scan follows at once), `awaited` when a scan waits for the reads ahead of it to end.
   */
  warmUp?: (moment: 'over' | 'none' | 'awaited') => void;
  /** Sees every event as it is sent, without counting as a listener (a scan's first rows still wait for one): for tests, which wait on it rather than on a time. */
  observe?: (event: ApiEvent) => void;
}

/** The folder scan under way. */
export interface RunningScan {
  readonly id: string;
  /** Rows sent so far. */
  done(): number;
  /** Stops the scan: it emits nothing more. */
  stop(): void;
}

/** Mutable state of one backend. */
export interface BackendContext {
  readonly options: BackendOptions;
  readonly scanner: TiffScanner;
  /** Compiled lab profiles, reloaded when their file changes. */
  readonly profiles: ProfileCache;
  folder: OpenFolder | null;
  /** The scan under way, if any. */
  scan: RunningScan | null;
  emit(event: ApiEvent): void;
  /**
   * Resolves once someone listens to the events (at once when someone does), or after
   * `timeoutMs`: a scan started by the window's first call waits so for the window's event
   * stream, which may connect just after that call, before its first rows.
   */
  listening(timeoutMs: number): Promise<void>;
  /** Stops the running folder scan, if any: it emits nothing more (a file being read may finish). */
  cancelScan(): void;
  /** Watching and temp-file sweeping of the open folder. */
  readonly live: LiveFolder;
  /** The TIFF headers read for the open folder (a save's row reuses them). */
  readonly headers: HeaderMemo;
  /** The open folder's folders that hold images, once a scan has listed them all. */
  readonly imageFolders: ImageFolders;
  /** The collections' images the window has rows of: a rewritten manifest is compared with them. */
  readonly collectionRows: CollectionRows;
  /** The first images of the folder opened at start, read ahead of its first scan (see warm-up). */
  readAhead: ReadAhead | null;
  /** The scan started for a window that is loading, until the window takes it over or it is dropped (see scan-ahead). */
  scanAhead: ScanAhead | null;
}

/** A scan started ahead of a window's `getSession` (see scan-ahead). */
export interface ScanAhead {
  readonly id: string;
  /** Lets its events go. */
  take(): void;
  /** Cancels the timer that would drop it. */
  cancel(): void;
}

/** What was read ahead of one folder's scan (see warm-up), by image path relative to the folder. */
export interface ReadAhead {
  readonly folder: OpenFolder;
  readonly images: Map<string, CachedImage>;
  /**
   * The folder's cut-short header writes, finished or reverted before the first read ahead:
   * the scan that takes the reads over waits on this instead of reading the journals again.
   */
  readonly recovered: Promise<void>;
  /** The reads, once the images to read are listed: settles when the last one started has ended. */
  reading: Promise<void> | null;
}

/** The open folder, or NO_FOLDER. */
export function requireFolder(context: BackendContext): OpenFolder {
  if (context.folder === null) throw new ApiFailure('NO_FOLDER', 'Open a folder first.');
  return context.folder;
}

/** A profile finder for one request or scan of the open folder (folder lookups are not kept longer). */
export function profileFinder(context: BackendContext, folder: OpenFolder): ProfileFinder {
  return createProfileFinder(context.profiles, { root: folder.root });
}
