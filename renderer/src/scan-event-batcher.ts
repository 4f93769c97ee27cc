/**
 * Hands scan events to the store at most once per frame, and while rows stream at most a few
 * times a second: the row batches that arrive in between become one update, so the page does
 * one round of derived state and rendering per update however fast the backend sends rows.
 */
import type { ScanEvent } from './store';

/** Runs `flush` before the next frame is drawn. */
export type FrameScheduler = (flush: () => void) => void;

/** Longest wait for a frame: a hidden page draws none, yet its rows must still arrive. */
const MAX_WAIT_MS = 100;

/**
 * The page's frame scheduler: the next animation frame, or `MAX_WAIT_MS` when none comes; where
 * there are no frames at all (tests), at once.
 */
export function nextFrame(flush: () => void): void {
  if (typeof requestAnimationFrame !== 'function') {
    flush();
    return;
  }
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    flush();
  };
  requestAnimationFrame(once);
  setTimeout(once, MAX_WAIT_MS);
}

/** Time between two deliveries of streamed rows: the count still moves smoothly to the eye. */
const ROWS_GAP_MS = 200;

/**
 * A scheduler that runs at the next frame of `frame`, but no sooner than `gapMs` after the
 * previous run began; the first run is not held back, so the first rows show at once.
 */
export function spacedFrames(
  gapMs: number = ROWS_GAP_MS,
  frame: FrameScheduler = nextFrame,
  now: () => number = () => performance.now(),
): FrameScheduler {
  let last = -Infinity;
  return (flush) => {
    const run = () =>
      frame(() => {
        last = now();
        flush();
      });
    const wait = last + gapMs - now();
    if (wait <= 0) run();
    else setTimeout(run, wait);
  };
}

type ScanRowsEvent = Extract<ScanEvent, { type: 'scan-rows' }>;

function isScanRows(event: { type: string }): event is ScanRowsEvent {
  return event.type === 'scan-rows';
}

/**
 * Wraps `deliver` so that consecutive `scan-rows` events of one scan are merged until the
 * next frame; any other event (of a scan, or a change on disk) first delivers what is waiting,
 * so the order holds.
 */
export function batchScanEvents<E extends { type: string } = ScanEvent>(
  deliver: (event: E | ScanRowsEvent) => void,
  schedule: FrameScheduler = nextFrame,
): (event: E | ScanRowsEvent) => void {
  let waiting: ScanRowsEvent | null = null;
  const flush = () => {
    const event = waiting;
    waiting = null;
    if (event !== null) deliver(event);
  };
  return (event) => {
    if (!isScanRows(event)) {
      flush();
      deliver(event);
    } else if (waiting !== null && waiting.scanId === event.scanId) {
      waiting = { ...event, rows: waiting.rows.concat(event.rows) };
    } else {
      flush();
      waiting = event;
      schedule(flush);
    }
  };
}
