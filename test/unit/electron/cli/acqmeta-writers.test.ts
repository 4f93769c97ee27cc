/**
 * Several writers at once (issue 32): concurrent `acqmeta set` runs over one folder each keep
 * every edit; a writer killed while it holds the folder's lock does not hold up the next run
 * (its lock is taken over at once, not when it goes stale); a program that does not lock (CloudScope, a script) and
 * replaces a sidecar while it is being saved is reported, never overwritten silently. Writers
 * are held at known points by write gates, so each run meets the others where the test says.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lockFolderOf, STALE_LOCK_MS } from '../../../../electron/services/sidecar/lock-folder';
import { parseJournal, type JournalRecord } from '../../../../shared/journal';
import { sidecarFolder, startCli, storedValue, WriteGate, type GatedRun } from './gated-writers';
import { cliForFile } from './support/cli-in-folder';

const FOLDERS = 2;
const PER_FOLDER = 100;
const FILES = FOLDERS * PER_FOLDER;
const FIELDS = ['species', 'genotype', 'region', 'treatment'];

/** The bundled command line, run without its launcher. */
const built = cliForFile();
let cli: string;
let root: string;
let sidecars: string[];

beforeAll(async () => {
  cli = built().cliScript;
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** `acqmeta set <root> --set <field>=<value>`, held by `gate` when given. */
const setField = (field: string, value: string, gate?: WriteGate): GatedRun =>
  startCli(cli, ['set', root, '--set', `${field}=${value}`], gate);

/** Hidden entries (temp files, lock folders) left anywhere under the folder; the change journal's folder is no leftover. */
function leftBehind(): string[] {
  const journal = path.join(root, '.acqmeta', 'journal');
  if (existsSync(journal)) expect(readdirSync(path.join(root, '.acqmeta'))).toEqual(['journal']);
  for (const name of existsSync(journal) ? readdirSync(journal) : []) expect(name).toMatch(/\.jsonl$/);
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
    (name) => path.basename(name).startsWith('.') && name !== '.acqmeta',
  );
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The change journal's files in the folder given to the runs: name → its records (each file whole). */
function journalFiles(): Map<string, JournalRecord[]> {
  const dir = path.join(root, '.acqmeta', 'journal');
  const files = new Map<string, JournalRecord[]>();
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const parsed = parseJournal(readFileSync(path.join(dir, name), 'utf8'));
    expect({ name, unreadable: parsed.unreadable }).toEqual({ name, unreadable: [] });
    files.set(name, parsed.records);
  }
  return files;
}

describe('concurrent acqmeta set runs over one folder', () => {
  it.each([2, 4])('keep every edit of %i runs setting different fields, round after round', async (runs) => {
    ({ root, sidecars } = sidecarFolder(FOLDERS, PER_FOLDER));
    const original = new Map(sidecars.map((file) => [file, sha256(readFileSync(file))]));
    for (let round = 0; round < 2; round++) {
      const value = (field: string) => `${field}-${runs}-${round}`;
      // The first run holds its first writes before their rename, and so the folders' locks;
      // the others are started then, and each meets a held lock before any is let go.
      const first = new WriteGate(root, `round-${round}-0`, ['before-check']);
      const gates = [first];
      const firstRun = setField(FIELDS[0] as string, value(FIELDS[0] as string), first);
      const started = [firstRun];
      await first.reached('before-check', firstRun);
      for (let i = 1; i < runs; i++) {
        const gate = new WriteGate(root, `round-${round}-${i}`, ['lock-busy']);
        const run = setField(FIELDS[i] as string, value(FIELDS[i] as string), gate);
        gates.push(gate);
        started.push(run);
        await gate.reached('lock-busy', run);
      }
      for (const gate of gates) gate.release();
      const results = await Promise.all(started.map((run) => run.done));
      for (const result of results) {
        expect(result.stderr).toBe('');
        expect(result.stdout).toContain(`${FILES} sidecars updated, 0 created, 0 unchanged.`);
        expect(result.code).toBe(0);
      }
      for (const file of sidecars) {
        for (const field of FIELDS.slice(0, runs)) expect(storedValue(file, field)).toBe(value(field));
      }
      // The change journal: one file per run, named for its process, holding a record of each
      // of its writes (of its field only) in one batch.
      const journal = journalFiles();
      expect(journal.size).toBe(runs * (round + 1));
      started.forEach((run, i) => {
        const names = [...journal.keys()].filter((name) => name.includes(`-${run.child.pid}-`));
        expect(names).toHaveLength(1);
        const records = journal.get(names[0] as string) as JournalRecord[];
        const field = FIELDS[i] as string;
        expect(records).toHaveLength(FILES);
        expect(new Set(records.map((r) => r.path)).size).toBe(FILES);
        expect(new Set(records.map((r) => r.batch)).size).toBe(1);
        for (const r of records) {
          expect(r.action).toBe(`set --set ${field}=${value(field)}`);
          expect(r.changes).toEqual([
            { field, old: round === 0 ? expect.anything() : `${field}-${runs}-${round - 1}`, new: value(field) },
          ]);
        }
      });
      // Each sidecar's records chain from its first version to the one on the disk: every
      // write of every run, none lost, none of a write that did not happen.
      const byPath = new Map<string, JournalRecord[]>();
      for (const record of [...journal.values()].flat())
        byPath.set(record.path, [...(byPath.get(record.path) ?? []), record]);
      for (const file of sidecars) {
        const rel = path.relative(root, file.slice(0, -'.json'.length)).split(path.sep).join('/');
        const left = [...(byPath.get(rel) ?? [])];
        expect(left).toHaveLength(runs * (round + 1));
        let sha = original.get(file) as string;
        while (left.length > 0) {
          const next = left.findIndex((r) => r.before?.sha256 === sha);
          expect({ rel, from: sha, found: next >= 0 }).toEqual({ rel, from: sha, found: true });
          sha = (left.splice(next, 1)[0] as JournalRecord).after?.sha256 as string;
        }
        expect(sha).toBe(sha256(readFileSync(file)));
      }
      for (const gate of gates) rmSync(`${gate.file}.reached`);
      expect(leftBehind()).toEqual([]);
    }
  });
});

describe('a writer killed while it holds the lock', () => {
  it('does not hold up the next run, which takes its lock over at once and leaves nothing behind', async () => {
    ({ root, sidecars } = sidecarFolder(1, 20));
    const gate = new WriteGate(root, 'killed', ['before-check']);
    const killed = setField('species', 'killed', gate);
    await gate.reached('before-check', killed);
    killed.child.kill('SIGKILL');
    await killed.done;
    const lock = lockFolderOf(path.join(root, 'animal-0'));
    expect(existsSync(lock)).toBe(true);
    // Touched in the future, the lock never goes stale: only knowing its owner died frees it
    // (otherwise the next run would give up on it as held, and report conflicts).
    const future = new Date(Date.now() + 100 * STALE_LOCK_MS);
    utimesSync(lock, future, future);

    const next = await setField('species', 'next').done;
    expect(next.stderr).toBe('');
    expect(next.stdout).toContain('20 sidecars updated');
    expect(next.code).toBe(0);
    for (const file of sidecars) expect(storedValue(file, 'species')).toBe('next');
    rmSync(`${gate.file}.reached`);
    rmSync(gate.file);
    expect(leftBehind()).toEqual([]);
  }, 60_000);
});

describe('a program that does not lock replaces a sidecar while it is being saved', () => {
  /** Replaces the sidecar as CloudScope saves: a new file renamed over it. */
  function replaceAsCloudScope(file: string): string {
    const text = readFileSync(file, 'utf8').replace(/"note": "[^\n]*",/, '"note": "written by CloudScope",');
    writeFileSync(`${file}.cloudscope`, text);
    renameSync(`${file}.cloudscope`, file);
    return text;
  }

  it.each(['before-check', 'after-rename'] as const)(
    'is reported as a conflict and its file kept, when it writes at %s',
    async (point) => {
      ({ root, sidecars } = sidecarFolder(1, 1));
      const file = sidecars[0] as string;
      const gate = new WriteGate(root, 'gate', [point]);
      const run = setField('species', 'acqmeta', gate);
      await gate.reached(point, run);
      const theirs = replaceAsCloudScope(file);
      gate.release();
      const result = await run.done;
      expect(result.code).toBe(3);
      expect(result.stderr).toContain(
        'animal-0/cell-000.tif: cell-000.tif.json was changed by another program while it was being saved',
      );
      expect(result.stdout).toContain('0 sidecars updated');
      expect(readFileSync(file, 'utf8')).toBe(theirs);
      if (point === 'before-check') {
        // the write that did not happen, the first in a folder with no journal, leaves none
        expect(existsSync(path.join(root, '.acqmeta'))).toBe(false);
        return;
      }
      const journal = [...journalFiles().values()];
      expect(journal).toHaveLength(1);
      const lines = readFileSync(
        path.join(root, '.acqmeta', 'journal', [...journalFiles().keys()][0] as string),
        'utf8',
      );
      // it happened, and CloudScope wrote after it: its record stays, and the next look at
      // the folder finds CloudScope's version changed outside AcqMeta
      expect(journal[0]).toHaveLength(1);
      expect(lines).not.toContain('"cancel"');
    },
  );
});
