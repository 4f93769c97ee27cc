/**
 * A header write's journaling (issue 79, calibrate's speed): its record and its folder's mark
 * are both on the disk before it resolves (nothing of the image may be written earlier), and
 * their syncs are under way together, one wait for the disk instead of two after each other.
 * The mark holds the record itself, written before the record is appended: no record is ever
 * newer than the mark, which recovery reads instead of the journal files.
 */
import type * as fs from 'node:fs';
import type * as fsPromises from 'node:fs/promises';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { journalHeaderWrite, journalPlaces } from '../../../../../electron/services/journal';
import { writeOnThisThread } from '../../../../../electron/services/sidecar';

/** In order: `mark written`, `record written`, `record sync begun` (the journal file's), `mark synced`. */
const events: string[] = [];
let recordSyncBegun: () => void = () => undefined;
let recordSyncing = new Promise<void>((resolve) => (recordSyncBegun = resolve));
const markFds = new Set<number>();
const isMark = (file: unknown) => path.basename(String(file)) === 'header-writes';

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  return {
    ...actual,
    openSync: (file: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode) => {
      const fd = actual.openSync(file, flags, mode);
      if (isMark(file)) markFds.add(fd);
      return fd;
    },
    writeSync: (fd: number, ...rest: [NodeJS.ArrayBufferView, number, number]) => {
      if (!markFds.has(fd)) events.push('record written');
      return actual.writeSync(fd, ...rest);
    },
    fsyncSync: (fd: number) => {
      actual.fsyncSync(fd);
      if (markFds.has(fd)) events.push('mark synced');
    },
    fdatasync: (fd: number, done: (error: NodeJS.ErrnoException | null) => void) => {
      events.push('record sync begun');
      recordSyncBegun();
      actual.fdatasync(fd, done);
    },
  };
});

// the mark's sync is held until the record's has begun: it ends after that only if both are under way together
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof fsPromises>();
  return {
    ...actual,
    open: async (...args: Parameters<typeof actual.open>) => {
      const handle = await actual.open(...args);
      if (!isMark(args[0])) return handle;
      const sync = handle.sync.bind(handle);
      const writev = handle.writev.bind(handle);
      return Object.assign(handle, {
        writev: async (...written: Parameters<typeof handle.writev>) => {
          const done = await writev(...written);
          events.push('mark written');
          return done;
        },
        sync: async () => {
          await recordSyncing;
          await sync();
          events.push('mark synced');
        },
      });
    },
  };
});

let base: string;

beforeAll(() => {
  writeOnThisThread();
});

beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'acqmeta-header-journal-'));
  events.length = 0;
  recordSyncing = new Promise<void>((resolve) => (recordSyncBegun = resolve));
});

afterEach(() => {
  rmSync(base, { recursive: true, force: true });
});

describe('journalHeaderWrite', () => {
  it('has the record and the mark on the disk when it resolves, their syncs under way together', async () => {
    const image = path.join(base, 'cells.tif');
    const before = Date.now();
    const entry = await journalHeaderWrite(
      { places: journalPlaces({ roots: [base] }), tool: 'acqmeta', action: 'calibrate', batch: 'b1' },
      image,
      {
        values: [],
        ranges: [{ offset: 4, old: '08000000', new: '00100000' }],
        appended: { offset: 4096, length: 200 },
        before: { size: 4096, mtime: 1, sha256: 'a' },
        after: { size: 4296, mtime: 2, sha256: 'b' },
      },
    );
    const dir = path.join(base, '.acqmeta', 'journal');
    expect(entry?.dir).toBe(dir);
    const journal = readdirSync(dir).filter((name) => name.endsWith('.jsonl'));
    const lines = readFileSync(path.join(dir, journal[0] as string), 'utf8');
    expect(lines).toContain(`"id":"${entry?.id}"`);
    expect(readFileSync(path.join(dir, 'header-writes'), 'utf8')).toBe(lines);
    expect(statSync(path.join(dir, 'header-writes')).mtimeMs).toBeGreaterThanOrEqual(before - 1000);
    expect(events).toEqual(['mark written', 'record written', 'record sync begun', 'mark synced']);
  });
});
