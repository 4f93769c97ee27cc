/**
 * The change journal from the command line (issue 30): `acqmeta set` and `acqmeta import`
 * journal each sidecar they write (one JSON line, with the versions before and after as they
 * are on the disk), `acqmeta log` shows them (human lines or JSON Lines, filtered by field or
 * date), a dry run and a folder with `.acqmeta/journal-off` journal nothing, and a folder that
 * cannot be written keeps its journal in the settings folder. Text from files (journal records,
 * file names, sidecar values) reaches the terminal with its control characters escaped.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  appendFileSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { JournalRecord } from '../../../../shared/journal';
import type { CliRun } from './built-cli';
import { cliInFolder } from './support/cli-in-folder';
import { makeUnwritable } from '../services/journal/unwritable-folder';

const fixture = (rel: string) => fileURLToPath(new URL(`../../../fixtures/${rel}`, import.meta.url));
const TIFF = fixture('tiff/generated/imagej-2ch-u16.tif');

/** The test's `exp/` (the images) and `config/` (the per-user settings folder). */
let exp: string;
let configDir: string;

/** Runs `acqmeta <args>` in the test's folder, with its own settings folder. */
const { acqmeta, at } = cliInFolder('acqmeta-journal-', {
  prepare: (base) => {
    exp = path.join(base, 'exp');
    configDir = path.join(base, 'config');
    // CloudScope-written sidecars (test/fixtures/sidecars), one image without a sidecar
    image('a.tif', 'canonical.tif.json');
    image('b.tif', 'old-is-dirty.tif.json');
    image('day1/c.tif', 'minimal-2ch-imagej.tif.json');
    image('day1/new.tif', null);
  },
  env: (base) => ({ XDG_CONFIG_HOME: path.join(base, 'config'), ACQMETA_CACHE_DIR: path.join(base, 'cache') }),
});

/** Puts an image at `rel` under exp/, with a copy of the fixture sidecar `sidecar` (none: null). */
function image(rel: string, sidecar: string | null): void {
  const file = path.join(exp, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  copyFileSync(TIFF, file);
  if (sidecar !== null) copyFileSync(fixture(`sidecars/${sidecar}`), `${file}.json`);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** A sidecar's version as the journal keeps it (null: no file). */
function versionOf(rel: string): { size: number; mtime: number; sha256: string } | null {
  const file = path.join(exp, `${rel}.json`);
  if (!existsSync(file)) return null;
  const bytes = readFileSync(file);
  return { size: bytes.length, mtime: statSync(file).mtimeMs, sha256: sha256(bytes) };
}

const IMAGES = ['a.tif', 'b.tif', 'day1/c.tif', 'day1/new.tif'];
const versions = () => Object.fromEntries(IMAGES.map((rel) => [rel, versionOf(rel)]));

/** The records of `log --json` output. */
const records = (run: CliRun) =>
  run.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as JournalRecord);

/** Files (journal files and folders) under `dir`, relative, sorted; [] when there is none. */
const listing = (dir: string) =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort() : [];

const JOURNAL_FILE = new RegExp(
  `^${os
    .hostname()
    .replace(/[^A-Za-z0-9.-]/g, '_')
    .replace(/\./g, '\\.')}-\\d+-[0-9a-z]+-0001\\.jsonl$`,
);

describe('acqmeta set, journaled', () => {
  it('journals each write with who, when, what, and the sidecar versions before and after as on the disk', async () => {
    const before = versions();
    const started = new Date().toISOString();
    const set = await acqmeta('set', 'exp', '--set', 'genotype=Thy1', '--set', 'age=P30');
    const ended = new Date().toISOString();
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    const after = versions();

    // one journal file of this run, in the folder given
    const files = readdirSync(path.join(exp, '.acqmeta', 'journal'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(JOURNAL_FILE);
    // its lines are the records log shows (one per line, oldest first)
    const onDisk = readFileSync(path.join(exp, '.acqmeta', 'journal', files[0] as string), 'utf8');
    expect(onDisk.endsWith('\n')).toBe(true);

    const log = await acqmeta('log', 'exp', '--json');
    expect(log.code).toBe(0);
    expect(log.stderr).toBe('');
    const shown = records(log);
    expect(shown.map((r) => r.path).sort()).toEqual(IMAGES);
    expect(
      onDisk
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => (JSON.parse(l) as JournalRecord).id)
        .sort(),
    ).toEqual(shown.map((r) => r.id).sort());
    // ids unique, one batch for the run
    expect(new Set(shown.map((r) => r.id)).size).toBe(4);
    expect(new Set(shown.map((r) => r.batch)).size).toBe(1);
    expect(shown[0]?.batch).not.toBe(shown[0]?.id);
    const byPath = Object.fromEntries(shown.map((r) => [r.path, r]));
    for (const rel of IMAGES) {
      const r = byPath[rel] as JournalRecord;
      expect(Object.keys(r).sort()).toEqual(
        ['action', 'after', 'batch', 'before', 'changes', 'host', 'id', 'path', 'time', 'tool', 'user'].sort(),
      );
      expect(r.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(r.time >= started && r.time <= ended).toBe(true);
      expect(r.user).toBe(os.userInfo().username);
      expect(r.host).toBe(os.hostname());
      expect(r.tool).toBe('acqmeta');
      expect(r.action).toBe('set --set genotype=Thy1 --set age=P30');
      // the real versions: the file as it was, and as it is now
      expect(r.before).toEqual(before[rel]);
      expect(r.after).toEqual(after[rel]);
    }
    expect(byPath['day1/new.tif']?.before).toBeNull();
    // the fields changed, with sidecar keys; `added` for the key the old CloudScope file lacked
    expect(byPath['a.tif']?.changes).toEqual([{ field: 'genotype', old: 'Ai14 × PDGFRb-Cre', new: 'Thy1' }]);
    expect(byPath['b.tif']?.changes).toEqual(
      expect.arrayContaining([
        { field: 'genotype', old: '', new: 'Thy1' },
        { field: 'age', old: '', new: 'P30', added: true },
      ]),
    );
    expect(byPath['b.tif']?.changes).toHaveLength(2);
    expect(byPath['day1/c.tif']?.changes).toEqual(
      expect.arrayContaining([
        { field: 'genotype', old: '', new: 'Thy1' },
        { field: 'age', old: '', new: 'P30' },
      ]),
    );
    expect(byPath['day1/c.tif']?.changes).toHaveLength(2);
    expect(byPath['day1/new.tif']?.changes).toEqual(
      expect.arrayContaining([
        { field: 'genotype', old: '', new: 'Thy1' },
        { field: 'age', old: '', new: 'P30' },
      ]),
    );
  });

  it('shows the journal in human lines, and of one image with paths relative to its folder', async () => {
    expect((await acqmeta('set', 'exp', '--set', 'genotype=Thy1')).code).toBe(0);
    const log = await acqmeta('log', 'exp');
    expect(log.code).toBe(0);
    expect(log.stderr).toBe('');
    const lines = log.stdout.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(5);
    const who = `${os.userInfo().username}@${os.hostname()}`;
    const [batch] = records(await acqmeta('log', 'exp', '--json')).map((r) => r.batch);
    expect(lines[0]).toMatch(
      new RegExp(
        String.raw`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC  ${who}  acqmeta: set --set genotype=Thy1  batch ${batch}$`,
      ),
    );
    const id = String.raw`^  record [0-9a-f-]{36}  `;
    expect(lines.slice(1)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`${id}a\\.tif  Genotype: "Ai14 × PDGFRb-Cre" → "Thy1"$`)),
        expect.stringMatching(new RegExp(`${id}b\\.tif  Genotype: "" → "Thy1"$`)),
        expect.stringMatching(new RegExp(`${id}day1/c\\.tif  Genotype: "" → "Thy1"$`)),
        expect.stringMatching(new RegExp(`${id}day1/new\\.tif  created: Genotype: "" → "Thy1"; Pixel size Y: `)),
      ]),
    );

    // the journal is exp's: given exp/day1 (or an image in it), it is above and not read, but named
    const one = await acqmeta('log', 'exp/day1/c.tif');
    expect(one).toEqual({ code: 0, stdout: '', stderr: expect.stringContaining('no journaled changes') });
    const above = at('exp', '.acqmeta', 'journal');
    const day1 = at('exp', 'day1');
    expect(one.stderr).toContain(
      `warning: the journal ${above} is above ${day1} and not read; open (or name) that folder to read it`,
    );
  });

  it('filters by --field and --since, oldest first; says when nothing was journaled; refuses a bad date', async () => {
    expect((await acqmeta('set', 'exp', '--set', 'genotype=Thy1')).code).toBe(0);
    expect((await acqmeta('set', 'exp/a.tif', '--set', 'note=later')).code).toBe(0);
    const all = records(await acqmeta('log', 'exp', '--json'));
    expect(all).toHaveLength(5);
    // oldest first: the note (second run) last
    expect(all.at(-1)?.action).toBe('set --set note=later');
    expect([...all].sort((x, y) => (x.time < y.time ? -1 : x.time > y.time ? 1 : 0))).toEqual(all);

    const notes = records(await acqmeta('log', 'exp', '--field', 'note', '--json'));
    expect(notes.map((r) => [r.path, r.action])).toEqual([['a.tif', 'set --set note=later']]);
    const genotypes = records(await acqmeta('log', 'exp', '--field', 'genotype', '--json'));
    expect(genotypes).toHaveLength(4);

    const second = all.at(-1) as JournalRecord;
    const since = records(await acqmeta('log', 'exp', '--since', second.time, '--json'));
    expect(since.map((r) => r.id)).toEqual(all.filter((r) => r.time >= second.time).map((r) => r.id));
    expect(since.map((r) => r.id)).toContain(second.id);
    expect(since.length).toBeLessThan(all.length);
    const day = second.time.slice(0, 10);
    expect(records(await acqmeta('log', 'exp', '--since', day, '--json'))).toHaveLength(5);

    const future = await acqmeta('log', 'exp', '--since', '2999-01-01');
    expect(future).toEqual({ code: 0, stdout: '', stderr: expect.stringContaining('no journaled changes') });
    const noSuchField = await acqmeta('log', 'exp', '--field', 'sex');
    expect(noSuchField).toEqual({ code: 0, stdout: '', stderr: expect.stringContaining('no journaled changes') });

    const bad = await acqmeta('log', 'exp', '--since', 'last tuesday');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('--since');
  });

  it('shows no journaled changes for a folder never written, and makes nothing reading it', async () => {
    const log = await acqmeta('log', 'exp');
    expect(log).toEqual({ code: 0, stdout: '', stderr: expect.stringContaining('no journaled changes') });
    expect(existsSync(path.join(exp, '.acqmeta'))).toBe(false);
  });

  it('journals nothing, and makes no .acqmeta folder, on a dry run', async () => {
    const before = versions();
    const dry = await acqmeta('set', 'exp', '--set', 'genotype=Thy1', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('a.tif');
    expect(versions()).toEqual(before);
    expect(existsSync(path.join(exp, '.acqmeta'))).toBe(false);
    expect(existsSync(configDir)).toBe(false);
  });

  it('journals nothing under a folder whose .acqmeta holds journal-off, and still writes the sidecars', async () => {
    mkdirSync(path.join(exp, '.acqmeta'));
    writeFileSync(path.join(exp, '.acqmeta', 'journal-off'), '');
    const set = await acqmeta('set', 'exp', '--set', 'genotype=Thy1');
    expect(set.code).toBe(0);
    expect(readFileSync(path.join(exp, 'a.tif.json'), 'utf8')).toContain('"genotype": "Thy1"');
    expect(listing(path.join(exp, '.acqmeta'))).toEqual(['journal-off']);
    expect(listing(path.join(exp, 'day1')).filter((name) => name.startsWith('.'))).toEqual([]);
    expect(existsSync(configDir)).toBe(false);
    expect((await acqmeta('log', 'exp')).stderr).toContain('no journaled changes');
  });

  it("journals an import with its action and the table's changes", async () => {
    writeFileSync(
      path.join(exp, 'edits.csv'),
      ['path,species,note', 'a.tif,rat,"from the table"', 'day1/c.tif,mouse,'].join('\r\n'),
    );
    const before = versions();
    const run = await acqmeta('import', 'exp/edits.csv');
    expect(run.code).toBe(0);
    const after = versions();
    const shown = records(await acqmeta('log', 'exp', '--json'));
    expect(shown.map((r) => r.path).sort()).toEqual(['a.tif', 'day1/c.tif']);
    for (const r of shown) {
      expect(r.tool).toBe('acqmeta');
      expect(r.action).toBe('import edits.csv');
      expect(r.before).toEqual(before[r.path]);
      expect(r.after).toEqual(after[r.path]);
    }
    expect(new Set(shown.map((r) => r.batch)).size).toBe(1);
    const a = shown.find((r) => r.path === 'a.tif') as JournalRecord;
    expect(a.changes).toEqual(
      expect.arrayContaining([
        { field: 'species', old: 'mouse', new: 'rat' },
        { field: 'note', old: 'first line\nsecond line 🐭 "quoted" back\\slash\ttab', new: 'from the table' },
      ]),
    );
    expect(a.changes).toHaveLength(2);
    expect(shown.find((r) => r.path === 'day1/c.tif')?.changes).toEqual([{ field: 'species', old: '', new: 'mouse' }]);
  });

  it('keeps the journal of an opened folder that cannot be written in the settings folder, and log finds it', async () => {
    const locked = makeUnwritable(exp);
    if (locked === null) {
      throw new Error('cannot make a folder unwritable here (neither chmod nor chattr +i works for this user)');
    }
    try {
      const set = await acqmeta('set', 'exp', '--set', 'genotype=Thy1');
      // exp/ itself cannot be written: only its subfolder's images are (exp/day1 is writable)
      expect(set.stdout).toContain('updated exp/day1/c.tif.json');
      expect(set.stdout).toContain('created exp/day1/new.tif.json');
      expect(set.stdout).toContain('2 failed to write');
      const key = createHash('sha256').update(exp).digest('hex').slice(0, 16);
      const stand = path.join(configDir, 'AcqMeta', 'journals', key);
      expect(set.stderr).toContain(`warning: ${exp} cannot be written; its change journal is kept in ${stand}`);
      expect(existsSync(path.join(exp, '.acqmeta'))).toBe(false);
      expect(readFileSync(path.join(stand, 'folder.txt'), 'utf8')).toBe(`${exp}\n`);
      expect(readdirSync(stand).filter((name) => name.endsWith('.jsonl'))).toHaveLength(1);
      const shown = records(await acqmeta('log', 'exp', '--json'));
      expect(shown.map((r) => r.path).sort()).toEqual(['day1/c.tif', 'day1/new.tif']);
      expect(shown.find((r) => r.path === 'day1/c.tif')?.after).toEqual(versionOf('day1/c.tif'));
    } finally {
      locked.undo();
    }
  });

  it('names the journal folder and the reason when the journal folder cannot be written', async () => {
    expect((await acqmeta('set', 'exp/a.tif', '--set', 'genotype=Thy1')).code).toBe(0);
    const journal = path.join(exp, '.acqmeta', 'journal');
    const before = readFileSync(path.join(exp, 'a.tif.json'));
    const locked = makeUnwritable(journal);
    if (locked === null) {
      throw new Error('cannot make a folder unwritable here (neither chmod nor chattr +i works for this user)');
    }
    try {
      const set = await acqmeta('set', 'exp/a.tif', '--set', 'genotype=KO');
      expect(set.code).not.toBe(0);
      expect(set.stdout + set.stderr).toContain(`the change journal folder ${journal} cannot be written (`);
      expect(readFileSync(path.join(exp, 'a.tif.json'))).toEqual(before);
    } finally {
      locked.undo();
    }
  });
});

/** A control character other than the line break, raw: what a terminal would obey. */
// eslint-disable-next-line no-control-regex -- these characters are what is looked for
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('text from files on the terminal', () => {
  it("log shows a journal's user, host, tool, action and values with their control characters escaped", async () => {
    expect((await acqmeta('set', 'exp/a.tif', '--set', 'genotype=Thy1')).code).toBe(0);
    const [model] = records(await acqmeta('log', 'exp', '--json'));
    const dir = path.join(exp, '.acqmeta', 'journal');
    const file = path.join(dir, readdirSync(dir)[0] as string);
    const forged: JournalRecord = {
      ...(model as JournalRecord),
      id: 'forged',
      user: 'ana\u001b]0;owned\u0007',
      host: 'lab\u001b[2J',
      tool: 'acqmeta\u009b2J',
      action: 'set\r\u001b[1Afake',
      changes: [{ field: 'note', old: 'x\u001b[31m', new: 'y\u009b0m' }],
    };
    appendFileSync(file, `${JSON.stringify(forged)}\n`);
    const log = await acqmeta('log', 'exp');
    expect(log.code).toBe(0);
    expect(log.stdout).not.toMatch(RAW_CONTROL);
    expect(log.stdout).toContain(String.raw`ana\x1b]0;owned\x07@lab\x1b[2J  acqmeta\u009b2J: set\r\x1b[1Afake  batch `);
    expect(log.stdout).toContain('  record forged  a.tif  ');
    expect(log.stdout).toContain(String.raw`\u009b0m`);
  });

  it('scan, show, validate, report, set, restore and log escape control characters in file names and values', async () => {
    const named = 'e\u001b]0;t\u0007\r.tif';
    image(named, 'canonical.tif.json');
    const broken = 'bad\u001b[2J.tif';
    image(broken, null);
    writeFileSync(path.join(exp, `${broken}.json`), '{\u001b[2J');
    const set = await acqmeta('set', 'exp', '--set', 'note=n\u001b[2J\u009b1m');
    const batch = records(await acqmeta('log', 'exp', '--json')).at(-1)?.batch as string;
    const runs = {
      set,
      scan: await acqmeta('scan', 'exp'),
      show: await acqmeta('show', `exp/${named}`),
      validate: await acqmeta('validate', 'exp'),
      report: await acqmeta('report', 'exp'),
      log: await acqmeta('log', 'exp'),
      restore: await acqmeta('restore', 'exp', '--before', batch, '--dry-run'),
    };
    const raw = Object.entries(runs).filter(([, run]) => RAW_CONTROL.test(run.stdout + run.stderr));
    expect(raw.map(([command]) => command)).toEqual([]);
    const escapedName = String.raw`e\x1b]0;t\x07\r.tif`;
    expect(runs.scan.stdout).toContain(escapedName);
    expect(runs.show.stdout).toContain(String.raw`[2J\u009b1m`);
    expect(runs.validate.stdout).toContain(String.raw`bad\x1b[2J.tif`);
    expect(runs.restore.stdout).toContain(escapedName);
  });
});

describe('log: the ids restore takes, and sidecars changed since', () => {
  /** The id on the first line of `log` text output that matches `pattern` (its `(\S+)`). */
  const idIn = (stdout: string, pattern: RegExp) => {
    const line = stdout.split('\n').find((l) => pattern.test(l));
    expect(line, `no line ${pattern} in:\n${stdout}`).toBeDefined();
    return (pattern.exec(line as string) as RegExpExecArray)[1] as string;
  };
  const bytes = (rel: string) => readFileSync(path.join(exp, `${rel}.json`), 'utf8');

  it('shows the batch id of each action and the record id of each image, which restore --before takes', async () => {
    const original = { a: bytes('a.tif'), b: bytes('b.tif'), c: bytes('day1/c.tif') };
    expect((await acqmeta('set', 'exp', '--set', 'genotype=Thy1')).code).toBe(0);
    const log = await acqmeta('log', 'exp');
    expect(log.code).toBe(0);

    // the record id on b.tif's line takes back b.tif alone
    const record = idIn(log.stdout, /^ {2}record (\S+) {2}b\.tif {2}/);
    const one = await acqmeta('restore', 'exp', '--before', record);
    expect(one.stderr).toBe('');
    expect(one.code).toBe(0);
    expect(bytes('b.tif')).toBe(original.b);
    expect(bytes('a.tif')).not.toBe(original.a);

    // the batch id on the action's line takes back the whole set
    const batch = idIn(log.stdout, /acqmeta: set --set genotype=Thy1 {2}batch (\S+)$/);
    const all = await acqmeta('restore', 'exp', '--before', batch);
    expect(all.stderr).toBe('');
    expect(all.code).toBe(0);
    expect(bytes('a.tif')).toBe(original.a);
    expect(bytes('day1/c.tif')).toBe(original.c);
  });

  it('marks each image whose sidecar another program changed, deleted or made unreadable since its latest record', async () => {
    expect((await acqmeta('set', 'exp', '--set', 'genotype=Thy1')).code).toBe(0);
    expect((await acqmeta('set', 'exp/a.tif', '--set', 'note=later')).code).toBe(0);
    // after the sets, without AcqMeta: a script edits a.tif's sidecar, b.tif's is deleted,
    // c.tif's becomes a FIFO (reading it must not hang); day1/new.tif's is left alone
    const aFile = path.join(exp, 'a.tif.json');
    writeFileSync(aFile, readFileSync(aFile, 'utf8').replace('"later"', '"edited by a script"'));
    rmSync(path.join(exp, 'b.tif.json'));
    const cFile = path.join(exp, 'day1', 'c.tif.json');
    rmSync(cFile);
    execFileSync('mkfifo', [cFile]);

    const log = await acqmeta('log', 'exp');
    expect(log.code).toBe(0);
    const lineOf = (rel: string) => log.stdout.split('\n').filter((l) => l.includes(`  ${rel}  `));
    const marked = (l: string) => l.includes('sidecar now differs from its latest record');
    // a.tif: only its latest line (the note) is marked; its first write is not
    expect(lineOf('a.tif').map(marked)).toEqual([false, true]);
    expect(lineOf('a.tif')[1]).toMatch(
      /Note: .* {2}\[sidecar now differs from its latest record: changed outside AcqMeta since, or damaged\]$/,
    );
    expect(lineOf('b.tif')[0]).toContain('[sidecar now differs from its latest record: deleted since]');
    expect(lineOf('day1/c.tif')[0]).toContain('[sidecar cannot be read now to compare with its latest record]');
    expect(lineOf('day1/new.tif').map(marked)).toEqual([false]);

    const json = records(await acqmeta('log', 'exp', '--json')) as (JournalRecord & { sidecarNow?: string })[];
    expect(json.map((r) => [r.path, r.sidecarNow ?? null])).toEqual(
      expect.arrayContaining([
        ['a.tif', null],
        ['a.tif', 'changed'],
        ['b.tif', 'deleted'],
        ['day1/c.tif', 'unreadable'],
        ['day1/new.tif', null],
      ]),
    );
    expect(json).toHaveLength(5);
    // --field shows a.tif's first write only: that line is its last shown, and is marked
    const genotype = await acqmeta('log', 'exp/a.tif', '--field', 'genotype');
    expect(genotype.stdout).toContain(
      '[sidecar now differs from its latest record: changed outside AcqMeta since, or damaged]',
    );
  });
});
