/**
 * Watches an open folder, subfolders included: native events where the file system delivers
 * them, polling where it cannot (network shares) or when native watching fails (out of watch
 * handles). Changed paths arrive in batches.
 */
import { ChangeBatcher, DEFAULT_TIMING, type BatchTiming } from './change-batcher';
import { needsPolling } from './filesystem-kind';
import { startNativeWatch, type Stoppable } from './native-watch';
import { startPollWatch } from './poll-watch';

/** How to watch. */
export interface WatchOptions {
  /** `auto` (default): polling on network shares, native events elsewhere, polling when those fail. */
  mode?: 'auto' | 'native' | 'poll';
  /** Pause between polling walks. */
  pollIntervalMs?: number;
  /** When batches are handed over. */
  timing?: BatchTiming;
}

/** A running watch of one folder. */
export interface FolderWatch {
  /** How changes are seen now (a native watch that fails turns into polling). */
  readonly mode: 'native' | 'poll';
  /** Holds batches back until the returned release is called (while we write ourselves). */
  hold(): () => void;
  /** Hands `paths` over in the watch's batches, as if it had seen them change. */
  report(paths: readonly string[]): void;
  /** Stops watching; no batch is handed over afterwards. */
  stop(): Promise<void>;
}

/** How far a file's time may lag the clock (coarse file system clocks): a file changed this much before a time counts as changed since. */
export const CLOCK_SLACK_MS = 1_000;

/**
 * Starts watching `root` and resolves once every change from then on will be seen. `handle`
 * gets the absolute paths of changed files and folders, one batch at a time; `relevant` says
 * which file names polling must look at (and which names native watching takes for files).
 * `onPolling` is called when a native watch fails and polling takes over: the files changed
 * since the native watch may have missed them are handed over first.
 */
export async function watchFolder(
  root: string,
  handle: (paths: string[]) => Promise<void>,
  relevant: (name: string) => boolean,
  options: WatchOptions = {},
  onPolling: () => void = () => undefined,
): Promise<FolderWatch> {
  const batcher = new ChangeBatcher(handle, options.timing ?? DEFAULT_TIMING);
  const onPaths = (paths: readonly string[]): void => batcher.add(paths);
  const poll = (changedSince?: number): Promise<Stoppable> =>
    startPollWatch(root, onPaths, { relevant, intervalMs: options.pollIntervalMs, changedSince });
  let stopped = false;
  let mode: 'native' | 'poll' = 'poll';
  let source: Stoppable | null = null;
  /** A failed native watch's end: the watch has stopped once it has (see native-watch). */
  let nativeEnded: Promise<void> = Promise.resolve();
  const wantsNative = options.mode === 'native' || (options.mode !== 'poll' && !(await needsPolling(root)));
  if (wantsNative) {
    const failed = (_error: Error, missedSince: number): void => {
      // Events were lost (the system out of watches, the kernel's queue overflowed): poll from now on.
      if (stopped || mode === 'poll') return;
      const native = source;
      mode = 'poll';
      onPolling();
      nativeEnded = native?.stop().catch(() => undefined) ?? nativeEnded;
      void poll(missedSince - CLOCK_SLACK_MS).then(
        (polling) => {
          if (stopped) void polling.stop();
          else source = polling;
        },
        () => undefined, // the folder could not be walked: nothing more is seen, as when it is gone
      );
    };
    try {
      source = await startNativeWatch(root, onPaths, failed, relevant);
      mode = 'native';
    } catch {
      // No native module for this platform, or out of watch handles (ENOSPC, EMFILE).
    }
  }
  source ??= await poll();
  return {
    get mode() {
      return mode;
    },
    hold: () => batcher.hold(),
    report: onPaths,
    async stop() {
      stopped = true;
      await Promise.all([source?.stop().catch(() => undefined), nativeEnded]);
      await batcher.stop();
    },
  };
}
