/**
 * Runs the writes of `set` and `import` and reports them: one line per changed sidecar or
 * field on stdout, problems on stderr, a closing summary, and the exit code.
 */
import path from 'node:path';
import { acrossFolders } from '../../shared/across-folders';
import type { ImageEntry } from '../services/folder';
import { WriteBatch } from '../services/sidecar';
import { EXIT, type CliIo } from './cli-io';
import type { WriteOutcome } from './write-changes';

/** A write that changed (or, in a dry run, would change) a sidecar. */
export type ChangedOutcome = Extract<WriteOutcome, { kind: 'created' | 'updated' | 'removed' }>;

/** Files written at once: enough to keep the disk's queue full while fsyncs are under way. */
const IN_FLIGHT = 64;

/** Files per write batch: their folders are synced once per batch, then the batch is reported. */
const BATCH_FILES = 2_000;

/**
 * Runs `write` on every item, many at a time (each next item started as soon as any write
 * ends), in batches whose folders are synced once each, and reports the items in their order
 * as they become durable: the lines `changedLines`
 * gives for a changed sidecar, `<path>: <reason>` on stderr for one that was not written.
 * Items are written taking each folder in turn ({@link acrossFolders}), so a batch may make
 * later items durable before earlier ones; those wait to be reported. The next batch is
 * written while one is synced and reported, so the disk's queue never runs dry between
 * batches. `unchanged` counts files left out beforehand as already holding the values.
 * Resolves to 3 on any conflict or I/O error, 1 when files were skipped, else 0.
 */
export async function writeAndReport<T extends { entry: ImageEntry }>(
  items: readonly T[],
  io: CliIo,
  dryRun: boolean,
  write: (item: T, batch: WriteBatch) => Promise<WriteOutcome>,
  changedLines: (entry: ImageEntry, outcome: ChangedOutcome) => string[],
  unchanged = 0,
): Promise<number> {
  const tally = new OutcomeTally(unchanged);
  const report = async (outcomes: readonly Written[]): Promise<void> => {
    for (const { entry, outcome } of outcomes) {
      tally.add(outcome);
      if (outcome.kind === 'created' || outcome.kind === 'updated' || outcome.kind === 'removed') {
        for (const line of changedLines(entry, outcome)) await io.out.line(line);
      } else if (outcome.kind !== 'unchanged') {
        await io.out.flush();
        io.err(`${entry.relPath}: ${outcome.reason}`);
      }
    }
  };
  const order = acrossFolders(items, (item) => path.dirname(item.entry.absPath));
  const batches = Array.from({ length: Math.ceil(items.length / BATCH_FILES) }, () => new WriteBatch());
  const run = async (position: number): Promise<Written> => {
    const index = order[position] as number;
    const item = items[index] as T;
    return {
      index,
      entry: item.entry,
      outcome: await write(item, batches[Math.floor(position / BATCH_FILES)] as WriteBatch),
    };
  };
  /** Durable outcomes by item index, until reported (all those before `nextToReport` are). */
  const durable: (Written | undefined)[] = new Array(items.length);
  let nextToReport = 0;
  const reportDurable = async (outcomes: readonly Written[]): Promise<void> => {
    for (const written of outcomes) durable[written.index] = written;
    const ready: Written[] = [];
    for (let next = durable[nextToReport]; next !== undefined; next = durable[nextToReport]) {
      ready.push(next);
      durable[nextToReport++] = undefined;
    }
    await report(ready);
  };
  /** The batches synced and reported so far, in order. */
  let reported: Promise<void> = Promise.resolve();
  const outcomesOf: Written[][] = batches.map(() => []);
  const unwritten = batches.map((_, b) => Math.min(BATCH_FILES, items.length - b * BATCH_FILES));
  /** Notes a write's outcome; the last of its batch has the batch synced, then reported. */
  const noteOutcome = (position: number, outcome: Written): void => {
    const b = Math.floor(position / BATCH_FILES);
    (outcomesOf[b] as Written[]).push(outcome);
    if (--(unwritten[b] as number) > 0) return;
    const synced = (batches[b] as WriteBatch).finish();
    reported = Promise.all([reported, synced]).then(() => reportDurable(outcomesOf[b] as Written[]));
    reported.catch(() => undefined); // awaited below; a failure before then must not go unhandled
  };
  // each writer takes the next item as soon as its own is done: one item waiting (for its
  // folder's lock taken again, a slow sync) holds back no other, as a window in order did
  let next = 0;
  const failures: unknown[] = [];
  const writer = async (): Promise<void> => {
    while (failures.length === 0 && next < items.length) {
      const position = next++;
      try {
        noteOutcome(position, await run(position));
      } catch (error) {
        failures.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, items.length) }, writer));
  if (failures.length > 0) {
    // what was written is still made durable
    await Promise.all(batches.map((batch) => batch.finish()));
    throw failures[0];
  }
  await reported;
  await io.out.line(tally.summary(dryRun));
  return tally.exitCode();
}

/** One item's outcome; `index` is the item's place in the list. */
interface Written {
  index: number;
  entry: ImageEntry;
  outcome: WriteOutcome;
}

/** Lists problems found before anything was written, on stderr; returns exit code 2. */
export function refuseAll(io: CliIo, problems: readonly string[]): number {
  for (const problem of problems) io.err(problem);
  io.err('Nothing was written.');
  return EXIT.usage;
}

/** Counts outcomes for the closing summary and the exit code. */
class OutcomeTally {
  private readonly counts;

  constructor(unchanged: number) {
    this.counts = { created: 0, updated: 0, removed: 0, unchanged, skipped: 0, conflict: 0, io: 0 };
  }

  add(outcome: WriteOutcome): void {
    this.counts[outcome.kind]++;
  }

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
    if (c.removed > 0) parts.push(dryRun ? `${c.removed} to remove` : `${c.removed} removed`);
    if (c.skipped > 0) parts.push(`${c.skipped} skipped`);
    if (c.conflict > 0) parts.push(`${c.conflict} changed on disk meanwhile (not written)`);
    if (c.io > 0) parts.push(`${c.io} failed to write`);
    return dryRun ? `Dry run: ${parts.join(', ')}; nothing written.` : `${parts.join(', ')}.`;
  }
}
