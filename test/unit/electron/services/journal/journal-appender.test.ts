/**
 * The write worker's journal files (issue 30): one file per process per journal folder, named
 * `<host>-<pid>-<start base36>-<n>.jsonl`; every line on the disk before its caller is answered;
 * a new file once the current one is past JOURNAL_ROTATE_BYTES. Run in this process, as the
 * worker runs it.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendToJournal,
  cancelRecord,
  JOURNAL_ROTATE_BYTES,
} from '../../../../../electron/services/sidecar/journal-appender';

let dir: string;

beforeEach(() => {
  dir = path.join(mkdtempSync(path.join(tmpdir(), 'acqmeta-appender-')), '.acqmeta', 'journal');
});

afterEach(() => {
  rmSync(path.dirname(path.dirname(dir)), { recursive: true, force: true });
});

/** Appends `text`; resolves once the appender says it is synced (with what the file held then). */
function append(text: string, into = dir, record?: string): Promise<void> {
  return new Promise((resolve, reject) =>
    appendToJournal(into, text, (error) => (error ? reject(error) : resolve()), record),
  );
}

const files = (into = dir) => readdirSync(into).sort();
const host = os.hostname().replace(/[^A-Za-z0-9.-]/g, '_');
/** The name of this process's `n`th file in a folder. */
const NAME = (n: number) => new RegExp(`^${host.replace(/\./g, '\\.')}-${process.pid}-[0-9a-z]+-0*${n}\\.jsonl$`);

/** A line of about 1 KiB with the number `i`. */
const line = (i: number) => `${JSON.stringify({ i, pad: 'x'.repeat(1000) })}\n`;

describe('appendToJournal', () => {
  it('makes the folder and one file named for this process; each line is in it when its caller is answered', async () => {
    const seen: boolean[] = [];
    const texts = [0, 1, 2, 3, 4].map(line);
    // all five in one turn: one group, one sync; each caller answered only once its line is written
    await Promise.all(
      texts.map(
        (text) =>
          new Promise<void>((resolve, reject) =>
            appendToJournal(dir, text, (error) => {
              if (error) return reject(error);
              seen.push(readFileSync(path.join(dir, files()[0] as string), 'utf8').includes(text));
              resolve();
            }),
          ),
      ),
    );
    expect(seen).toEqual([true, true, true, true, true]);
    expect(files()).toHaveLength(1);
    expect(files()[0]).toMatch(NAME(1));
    expect(readFileSync(path.join(dir, files()[0] as string), 'utf8')).toBe(texts.join(''));
  });

  it('appends lines that arrive during a sync to the same file, in order, each answered', async () => {
    const first = append(line(0));
    // sent while the first is under way (it is answered after its sync)
    const later = [1, 2, 3].map((i) => append(line(i)));
    await Promise.all([first, ...later]);
    const more = [4, 5].map((i) => append(line(i)));
    await Promise.all(more);
    expect(files()).toHaveLength(1);
    expect(readFileSync(path.join(dir, files()[0] as string), 'utf8')).toBe([0, 1, 2, 3, 4, 5].map(line).join(''));
  });

  it('keeps one file per journal folder', async () => {
    const other = path.join(path.dirname(path.dirname(dir)), 'sub', '.acqmeta', 'journal');
    await Promise.all([append('{"a":1}\n'), append('{"b":2}\n', other)]);
    expect(readFileSync(path.join(dir, files()[0] as string), 'utf8')).toBe('{"a":1}\n');
    expect(readFileSync(path.join(other, files(other)[0] as string), 'utf8')).toBe('{"b":2}\n');
  });

  it('writes an unsynced line (a cancel) after the lines before it, in the same file', async () => {
    await append(line(0), dir, 'r0');
    await append(line(2));
    cancelRecord(dir, 'r0', '{"cancel":"r0"}\n');
    await append(line(1));
    expect(files()).toHaveLength(1);
    expect(readFileSync(path.join(dir, files()[0] as string), 'utf8')).toBe(
      `${line(0)}${line(2)}{"cancel":"r0"}\n${line(1)}`,
    );
  });

  it('takes back the only records of a folder that had no journal by removing the file it made', async () => {
    await Promise.all([append(line(0), dir, 'r0'), append(line(1), dir, 'r1')]);
    cancelRecord(dir, 'r0', '{"cancel":"r0"}\n');
    cancelRecord(dir, 'r1', '{"cancel":"r1"}\n');
    // the appender takes the cancels up in the turn after them (setImmediate, in order)
    await new Promise((resolve) => setImmediate(resolve));
    expect(readdirSync(path.dirname(path.dirname(dir)))).toEqual([]);
    // a write that lands afterwards makes the journal again, in a file of its own
    await append(line(2), dir, 'r2');
    expect(files()).toHaveLength(1);
    expect(files()[0]).toMatch(NAME(2));
    expect(readFileSync(path.join(dir, files()[0] as string), 'utf8')).toBe(line(2));
  });

  it('keeps a file that holds a record no cancel takes back', async () => {
    await append(line(0));
    await append(line(1), dir, 'r1');
    cancelRecord(dir, 'r1', '{"cancel":"r1"}\n');
    await append(line(2));
    expect(existsSync(dir)).toBe(true);
    expect(readFileSync(path.join(dir, files()[0] as string), 'utf8')).toBe(
      `${line(0)}${line(1)}{"cancel":"r1"}\n${line(2)}`,
    );
  });

  it(`starts a second file once the first is past ${JOURNAL_ROTATE_BYTES} bytes, losing and splitting no line`, async () => {
    const perGroup = 256; // about 256 KiB a group
    const groups = Math.ceil((JOURNAL_ROTATE_BYTES * 1.25) / (perGroup * line(0).length));
    let n = 0;
    for (let g = 0; g < groups; g++) {
      const batch: Promise<void>[] = [];
      for (let k = 0; k < perGroup; k++) batch.push(append(line(n++)));
      await Promise.all(batch);
    }
    const names = files();
    expect(names).toHaveLength(2);
    // a closed file may be kept gzip-compressed (`.jsonl.gz`); the current one is plain
    const firstName = names.find((name) => NAME(1).test(name.replace(/\.gz$/, ''))) as string;
    const secondName = names.find((name) => NAME(2).test(name)) as string;
    expect([firstName, secondName]).not.toContain(undefined);
    const contents = (name: string) => {
      const bytes = readFileSync(path.join(dir, name));
      return (name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
    };
    const first = contents(firstName);
    const second = contents(secondName);
    // the first file reached the limit, and not by more than the group that took it past
    expect(Buffer.byteLength(first)).toBeGreaterThanOrEqual(JOURNAL_ROTATE_BYTES);
    expect(Buffer.byteLength(first)).toBeLessThan(JOURNAL_ROTATE_BYTES + perGroup * line(0).length);
    expect(second.length).toBeGreaterThan(0);
    // every line once, whole, in order over the two files
    const text = first + second;
    expect(first.endsWith('\n')).toBe(true);
    const numbers = text
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => (JSON.parse(l) as { i: number }).i);
    expect(numbers).toEqual(Array.from({ length: n }, (_, i) => i));
  });
});
