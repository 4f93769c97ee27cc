/**
 * The journal's syncs (issue 79, calibrate's speed): a process's first file in a journal folder
 * has that folder and the two above it synced, as a first write may have made them, and those
 * syncs are under way with the file's own, not begun one after another once it has ended: one
 * wait for the disk instead of four. A later line of the same file syncs no folder.
 */
import * as fs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appendToJournal } from '../../../../../electron/services/sidecar/journal-appender';

/** What the appender asked of the disk, in order: `open <folder>`, `synced <folder>`, `file synced`. */
const events: string[] = [];
const opened = new Map<number, string>();

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  const folderOpened = (file: fs.PathLike, fd: number) => {
    if (actual.statSync(file).isDirectory()) opened.set(fd, String(file));
  };
  return {
    ...actual,
    openSync: (file: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode) => {
      if (actual.existsSync(file) && actual.statSync(file).isDirectory()) events.push(`open ${String(file)}`);
      const fd = actual.openSync(file, flags, mode);
      folderOpened(file, fd);
      return fd;
    },
    open: (file: fs.PathLike, flags: fs.OpenMode, done: (error: NodeJS.ErrnoException | null, fd: number) => void) => {
      if (actual.existsSync(file) && actual.statSync(file).isDirectory()) events.push(`open ${String(file)}`);
      actual.open(file, flags, (error, fd) => {
        if (error === null) folderOpened(file, fd);
        done(error, fd);
      });
    },
    fsyncSync: (fd: number) => {
      actual.fsyncSync(fd);
      if (opened.has(fd)) events.push(`synced ${opened.get(fd)}`);
    },
    fsync: (fd: number, done: (error: NodeJS.ErrnoException | null) => void) =>
      actual.fsync(fd, (error) => {
        if (opened.has(fd)) events.push(`synced ${opened.get(fd)}`);
        done(error);
      }),
    fdatasync: (fd: number, done: (error: NodeJS.ErrnoException | null) => void) =>
      actual.fdatasync(fd, (error) => {
        events.push('file synced');
        done(error);
      }),
  };
});

let base: string;

beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'acqmeta-appender-syncs-'));
  events.length = 0;
});

afterEach(() => {
  rmSync(base, { recursive: true, force: true });
});

/** Appends `text` to the journal folder `dir`; resolves once the appender answers. */
function append(dir: string, text: string): Promise<void> {
  return new Promise((resolve, reject) => appendToJournal(dir, text, (error) => (error ? reject(error) : resolve())));
}

describe('appendToJournal syncs', () => {
  it('syncs a first file’s folder and the two above it alongside the file, each begun before the file’s sync ends', async () => {
    const folder = path.join(base, 'images');
    const dir = path.join(folder, '.acqmeta', 'journal');
    await append(dir, '{"a":1}\n');
    const folders = [dir, path.dirname(dir), folder];
    for (const f of folders) expect(events).toContain(`synced ${f}`);
    const fileSynced = events.indexOf('file synced');
    for (const f of folders) expect(events.indexOf(`open ${f}`)).toBeLessThan(fileSynced);

    events.length = 0;
    await append(dir, '{"b":2}\n');
    expect(events).toEqual(['file synced']);
  });
});
