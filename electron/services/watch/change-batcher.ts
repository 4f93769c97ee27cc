/**
 * Gathers changed paths into batches: a burst (a script rewriting thousands of files) becomes
 * a few batches, each handled once the burst pauses or has gone on for a while.
 */

/** When a batch is handed over. */
export interface BatchTiming {
  /** Hand over once no path has arrived for this long. */
  quietMs: number;
  /** Hand over at the latest this long after the batch's first path, even mid-burst. */
  maxWaitMs: number;
}

/** Default timing: changes show within about a second even during a long burst. */
export const DEFAULT_TIMING: BatchTiming = { quietMs: 150, maxWaitMs: 800 };

/**
 * Collects paths and hands them to `handle` in batches, one batch at a time: paths that
 * arrive while a batch is handled go into the next. While held (a save of ours is under
 * way), batches wait.
 */
export class ChangeBatcher {
  private pending = new Set<string>();
  private firstAt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private holds = 0;
  private releasedAt = 0;
  private stopped = false;

  constructor(
    private readonly handle: (paths: string[]) => Promise<void>,
    private readonly timing: BatchTiming = DEFAULT_TIMING,
  ) {}

  /** Adds changed paths. */
  add(paths: Iterable<string>): void {
    if (this.stopped) return;
    const before = this.pending.size;
    for (const p of paths) this.pending.add(p);
    if (this.pending.size === before) return;
    if (before === 0) this.firstAt = Date.now();
    this.schedule();
  }

  /** Holds batches back until the returned release is called (and a quiet spell has passed). */
  hold(): () => void {
    this.holds += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds -= 1;
      this.releasedAt = Date.now();
      this.schedule();
    };
  }

  /** Drops what is pending; the batch being handled finishes. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.pending.clear();
    await this.running;
  }

  private schedule(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.stopped || this.pending.size === 0 || this.running !== null || this.holds > 0) return;
    const now = Date.now();
    // A release waits a quiet spell too: the next save of a series may hold again at once.
    const wait = Math.max(
      Math.min(this.timing.quietMs, this.firstAt + this.timing.maxWaitMs - now),
      this.releasedAt + this.timing.quietMs - now,
      0,
    );
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = null;
    const paths = [...this.pending];
    this.pending = new Set();
    this.firstAt = Date.now();
    this.running = this.handle(paths)
      .catch(() => undefined)
      .finally(() => {
        this.running = null;
        this.schedule();
      });
  }
}
