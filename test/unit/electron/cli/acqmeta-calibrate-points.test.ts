/**
 * What `acqmeta calibrate` has done at each point of a header write, the process held there by
 * the write gate (issue 79): the sidecar saved before the header's first byte, and the file
 * linked to its new header with the modification time its journal record names (what an undo
 * checks) before the write is said to be linked. And the time it reports for itself when the
 * benchmark asks.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTiffs } from './calibrate/tiff-checks';
import { cliForFile } from './support/cli-in-folder';

const built = cliForFile();
let base: string;
let made: string;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'acqmeta-calibrate-points-'));
  made = path.join(base, 'made');
  mkdirSync(made);
  makeTiffs(made);
});

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

/** A copy of the plain 72 dpi TIFF in a folder of its own named `name`. */
function image(name: string): string {
  const file = path.join(base, name, 'plain.tif');
  mkdirSync(path.dirname(file));
  copyFileSync(path.join(made, 'plain-72dpi.tif'), file);
  return file;
}

/**
 * Runs `acqmeta calibrate <file> --pixel-size <size>` held at each of `points` in turn, calls
 * `look` at each, then lets it go on; resolves to its exit code.
 */
function heldAt(
  file: string,
  size: string,
  points: readonly string[],
  look: (point: string) => void,
): Promise<number | null> {
  const gate = path.join(base, 'gate');
  const waiting = [...points];
  writeFileSync(gate, `${waiting.join('\n')}\n`);
  return new Promise((resolve, reject) => {
    const watcher = watch(base, (_, name) => {
      if (name !== 'gate.reached') return;
      // the writer appends a line at each point it is held at, the next one only once let go
      const reached = readFileSync(`${gate}.reached`, 'utf8').split('\n').length - 1;
      const point = waiting[0];
      if (point === undefined || reached <= points.length - waiting.length) return;
      waiting.shift();
      try {
        look(point);
      } catch (error) {
        reject(error as Error);
      } finally {
        if (waiting.length === 0) {
          watcher.close();
          rmSync(gate, { force: true });
        } else writeFileSync(gate, `${waiting.join('\n')}\n`);
      }
    });
    const child = spawn(process.execPath, [built().cliScript, 'calibrate', file, '--pixel-size', size], {
      stdio: 'ignore',
      env: { ...process.env, XDG_CONFIG_HOME: path.join(base, 'config'), ACQMETA_WRITE_GATE: gate },
    });
    child.on('exit', (code) => {
      watcher.close();
      rmSync(`${gate}.reached`, { force: true });
      resolve(code);
    });
  });
}

/** The sidecar's pixel width (CloudScope keeps it with the header's values). */
const sidecarWidth = (file: string): unknown =>
  (JSON.parse(readFileSync(`${file}.json`, 'utf8')) as { image_header_metadata: Record<string, unknown> })
    .image_header_metadata.physical_unit_x;

/** The journal folder's latest header write record (its mark). */
const latestRecord = (file: string): { after: { mtime: number } } =>
  JSON.parse(readFileSync(path.join(path.dirname(file), '.acqmeta/journal/header-writes'), 'utf8')) as {
    after: { mtime: number };
  };

describe('acqmeta calibrate, held at its write points', () => {
  it('has the sidecar saved before the header is touched', async () => {
    const file = image('journaled');
    const original = readFileSync(file);
    let seen: unknown[] = [];
    const code = await heldAt(file, '0.25', ['header-journaled'], () => {
      seen = [sidecarWidth(file), readFileSync(file).equals(original)];
    });
    expect(code).toBe(0);
    expect(seen).toEqual([0.25, true]);
    expect(readFileSync(file).equals(original)).toBe(false);
  }, 60_000);

  it('gives the file its journaled modification time once linked, as an undo checks', async () => {
    const file = image('linked');
    let seen: number[] = [];
    const code = await heldAt(file, '0.5', ['header-linked'], () => {
      seen = [statSync(file).mtimeMs, latestRecord(file).after.mtime];
    });
    expect(code).toBe(0);
    expect(seen[0]).toBe(seen[1]);
  }, 60_000);

  it('keeps the image locked from the sidecar saved to the header written, with no break another writer could take', async () => {
    const file = image('locked');
    const lock = path.join(path.dirname(file), '.acqmeta-lock');
    const made: Record<string, number> = {};
    const code = await heldAt(file, '0.125', ['after-rename', 'header-journaled'], (point) => {
      // a lock released and taken again is another folder, made later
      made[point] = Number(statSync(lock, { bigint: true }).birthtimeNs);
    });
    expect(code).toBe(0);
    expect(sidecarWidth(file)).toBe(0.125);
    expect(made['after-rename']).toBeGreaterThan(0);
    expect(made['header-journaled']).toBe(made['after-rename']);
  }, 60_000);
});

describe('acqmeta calibrate, timed for the benchmark', () => {
  it('appends its own wall and CPU time to the file ACQMETA_CALIBRATE_TIMES names, and only then', async () => {
    const file = image('timed');
    const times = path.join(base, 'times.jsonl');
    const run = (env: Record<string, string>) =>
      new Promise<number | null>((resolve) => {
        spawn(process.execPath, [built().cliScript, 'calibrate', file, '--pixel-size', '0.75'], {
          stdio: 'ignore',
          env: { ...process.env, XDG_CONFIG_HOME: path.join(base, 'config'), ...env },
        }).on('exit', resolve);
      });
    expect(await run({})).toBe(0);
    expect(() => statSync(times)).toThrow();
    expect(await run({ ACQMETA_CALIBRATE_TIMES: times })).toBe(0);
    const lines = readFileSync(times, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    const { ms, cpuMs } = JSON.parse(lines[0] as string) as { ms: number; cpuMs: number };
    expect(ms).toBeGreaterThan(0);
    expect(cpuMs).toBeGreaterThan(0);
  }, 60_000);
});
