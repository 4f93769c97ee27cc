/**
 * `acqmeta restore` (issue 30): puts CloudScope-written sidecars back to their exact earlier
 * bytes (a key the file lacked taken out again), over a whole batch and after later batches,
 * one field only, one image only; refuses an unknown id (exit 2); never overwrites a sidecar
 * another program changed since (exit 3); a dry run writes nothing; the restore is itself
 * journaled and can be taken back in turn. A hostile journal (issue 46) writes nowhere its
 * records do not name: records whose path is not a plain relative path are not records, a
 * field named `__proto__` is an unknown field, and links never lead a restore out of the folder.
 */
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  symlinkSync,
  appendFileSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JournalRecord } from '../../../../shared/journal';
import { startCli, WriteGate } from './gated-writers';
import {
  acqmeta,
  base,
  bytesOf,
  CANONICAL,
  exp,
  fixture,
  images,
  journal,
  journalFiles,
  lastBatch,
  ok,
  OLD,
  cliScript,
  sha256,
  TIFF,
} from './restore-cli-harness';

describe('acqmeta restore', () => {
  it('gives back the exact earlier bytes of CloudScope sidecars, a key the file lacked taken out again', async () => {
    const rels = images({ 'a.tif': CANONICAL, 'b.tif': OLD });
    const original = bytesOf(rels);
    expect(original['b.tif']).not.toContain('"age"');
    await ok('set', 'exp', '--set', 'age=P60', '--set', 'genotype=Thy1');
    const b1 = await lastBatch();
    expect(bytesOf(rels)['b.tif']).toContain('"age": "P60"');
    await ok('set', 'exp', '--set', 'note=later');
    const beforeRestore = bytesOf(rels);

    const restore = await ok('restore', 'exp', '--before', b1);
    expect(restore.stdout).toContain('restored exp/a.tif.json: ');
    expect(restore.stdout).toContain('restored exp/b.tif.json: ');
    expect(bytesOf(rels)).toEqual(original);

    // the restore is journaled: its own action and batch, versions as on the disk
    const records = await journal();
    const restored = records.filter((r) => r.action === `restore --before ${b1}`);
    expect(restored.map((r) => r.path).sort()).toEqual(['a.tif', 'b.tif']);
    expect(new Set(restored.map((r) => r.batch)).size).toBe(1);
    expect(restored[0]?.batch).not.toBe(b1);
    for (const r of restored) {
      expect(r.tool).toBe('acqmeta');
      expect(r.before?.sha256).toBe(sha256(beforeRestore[r.path] as string));
      expect(r.after?.sha256).toBe(sha256(original[r.path] as string));
    }
    expect(records.slice(-2).every((r) => r.action === `restore --before ${b1}`)).toBe(true);
    const log = await acqmeta('log', 'exp');
    expect(log.stdout).toContain(`acqmeta: restore --before ${b1}  batch ${restored[0]?.batch}\n`);

    // and the restore can be taken back in turn: the bytes before it come back
    await ok('restore', 'exp', '--before', restored[0]?.batch as string);
    expect(bytesOf(rels)).toEqual(beforeRestore);
  });

  it('restores a batch over many images after a later batch changed some of them again', async () => {
    const layout: Record<string, string> = {};
    for (let i = 0; i < 6; i++) layout[`g1/cell-${i}.tif`] = i % 2 === 0 ? CANONICAL : OLD;
    for (let i = 0; i < 6; i++) layout[`g2/cell-${i}.tif`] = i % 2 === 0 ? OLD : CANONICAL;
    const rels = images(layout);
    const original = bytesOf(rels);
    await ok('set', 'exp', '--set', 'genotype=Thy1', '--set', 'age=P30');
    const b1 = await lastBatch();
    const afterB1 = bytesOf(rels);
    await ok('set', 'exp/g1', '--set', 'genotype=Cre', '--set', 'note=second batch');
    const b2 = await lastBatch();
    expect(b2).not.toBe(b1);

    // back before the later batch: g1 as B1 left it, g2 untouched
    const undoB2 = await ok('restore', 'exp', '--before', b2);
    expect(undoB2.stdout).toContain('6 sidecars updated, 0 created, 0 unchanged.');
    expect(bytesOf(rels)).toEqual(afterB1);

    // back before the first: every image, the later batch (and its restore) undone with it
    const undoB1 = await ok('restore', 'exp', '--before', b1);
    expect(undoB1.stdout).toContain('12 sidecars updated, 0 created, 0 unchanged.');
    expect(bytesOf(rels)).toEqual(original);
  });

  it("restores one field only with --field, leaving the batch's other changes", async () => {
    const rels = images({ 'a.tif': CANONICAL, 'b.tif': OLD });
    const original = bytesOf(rels);
    await ok('set', 'exp', '--set', 'genotype=Thy1', '--set', 'age=P60');
    const b1 = await lastBatch();
    const genotype = await ok('restore', 'exp', '--before', b1, '--field', 'genotype');
    expect(genotype.stdout).not.toContain('Age');
    const now = bytesOf(rels);
    expect(now['a.tif']).toContain('"genotype": "Ai14 \\u00d7 PDGFRb-Cre"');
    expect(now['a.tif']).toContain('"age": "P60"');
    expect(now['b.tif']).toContain('"genotype": ""');
    expect(now['b.tif']).toContain('"age": "P60"');
    // and then the other field: the files are as they were
    await ok('restore', 'exp', '--before', b1, '--field', 'age');
    expect(bytesOf(rels)).toEqual(original);
  });

  it('restores one image when given one image of the batch', async () => {
    const rels = images({ 'a.tif': CANONICAL, 'b.tif': OLD });
    const original = bytesOf(rels);
    await ok('set', 'exp', '--set', 'genotype=Thy1');
    const afterSet = bytesOf(rels);
    await ok('restore', 'exp/b.tif', '--before', await lastBatch());
    expect(bytesOf(rels)).toEqual({ 'a.tif': afterSet['a.tif'], 'b.tif': original['b.tif'] });
  });

  it('does not overwrite a sidecar another program changed since: exit 3, its bytes kept, the others restored', async () => {
    const rels = images({ 'a.tif': CANONICAL, 'b.tif': OLD });
    const original = bytesOf(rels);
    await ok('set', 'exp', '--set', 'genotype=Thy1');
    const b1 = await lastBatch();
    // CloudScope saves a.tif's sidecar: a new file renamed over it
    const file = path.join(exp, 'a.tif.json');
    const theirs = readFileSync(file, 'utf8').replace(/"note": "[^\n]*",/, '"note": "written by CloudScope",');
    writeFileSync(`${file}.cloudscope`, theirs);
    renameSync(`${file}.cloudscope`, file);
    const before = (await journal()).length;

    const restore = await acqmeta('restore', 'exp', '--before', b1);
    expect(restore.code).toBe(3);
    expect(restore.stderr).toContain('a.tif');
    expect(readFileSync(file, 'utf8')).toBe(theirs);
    expect(bytesOf(['b.tif'])['b.tif']).toBe(original['b.tif']);
    // only the write that happened is journaled
    const records = await journal();
    expect(records.slice(before).map((r) => [r.path, r.action])).toEqual([['b.tif', `restore --before ${b1}`]]);
  });

  it('refuses an id that is not in the journal (exit 2) and writes nothing', async () => {
    const rels = images({ 'a.tif': CANONICAL, 'b.tif': OLD });
    await ok('set', 'exp', '--set', 'genotype=Thy1');
    const sidecars = bytesOf(rels);
    const lines = journalFiles();
    const restore = await acqmeta('restore', 'exp', '--before', 'no-such-batch');
    expect(restore.code).toBe(2);
    expect(restore.stdout).toBe('');
    expect(restore.stderr).toContain('no-such-batch');
    expect(bytesOf(rels)).toEqual(sidecars);
    expect(journalFiles()).toEqual(lines);
    // without --before: bad usage too
    const missing = await acqmeta('restore', 'exp', '--field', 'genotype');
    expect(missing.code).toBe(2);
  });

  it('shows what it would restore on a dry run, and writes neither sidecars nor journal', async () => {
    const rels = images({ 'a.tif': CANONICAL, 'b.tif': OLD });
    await ok('set', 'exp', '--set', 'genotype=Thy1');
    const b1 = await lastBatch();
    const sidecars = bytesOf(rels);
    const lines = journalFiles();
    const dry = await ok('restore', 'exp', '--before', b1, '--dry-run');
    expect(dry.stdout).toContain('would restore exp/a.tif.json: Genotype: "Thy1" → "Ai14 × PDGFRb-Cre"');
    expect(dry.stdout).toContain('would restore exp/b.tif.json: Genotype: "Thy1" → ""');
    expect(bytesOf(rels)).toEqual(sidecars);
    expect(journalFiles()).toEqual(lines);
  });

  it('restores after a write killed once its record was synced but before its rename (the write never happened)', async () => {
    // The record of a write is synced before the rename: a writer killed between the two leaves
    // a record whose `after` never came. The file was changed by no other program: it holds
    // the record's `before`, and restoring an earlier batch must still put it back.
    const rels = images({ 'a.tif': CANONICAL });
    const original = bytesOf(rels);
    await ok('set', 'exp', '--set', 'genotype=Thy1');
    const b1 = await lastBatch();
    const afterB1 = bytesOf(rels);
    const gate = new WriteGate(base, 'kill', ['before-check']);
    const killed = startCli(cliScript(), ['set', exp, '--set', 'note=never written'], gate);
    await gate.reached('before-check', killed);
    killed.child.kill('SIGKILL');
    await killed.done;
    gate.release();
    expect(bytesOf(rels)).toEqual(afterB1);
    // the killed write's record is in the journal (synced before the rename)
    expect((await journal()).at(-1)?.action).toBe('set --set note=never written');

    const restore = await acqmeta('restore', 'exp', '--before', b1);
    expect({ code: restore.code, stderr: restore.stderr }).toEqual({ code: 0, stderr: '' });
    expect(bytesOf(rels)).toEqual(original);
  });

  it('follows a link the user named: an image given that is a link out of its folder', async () => {
    const outside = path.join(base, 'outside');
    mkdirSync(outside);
    copyFileSync(TIFF, path.join(outside, 'victim.tif'));
    symlinkSync(path.join(outside, 'victim.tif'), path.join(exp, 'link.tif'));
    copyFileSync(fixture(`sidecars/${CANONICAL}`), path.join(exp, 'link.tif.json'));
    const original = bytesOf(['link.tif']);
    await ok('set', 'exp/link.tif', '--set', 'genotype=Thy1');
    await ok('restore', 'exp/link.tif', '--before', await lastBatch());
    expect(bytesOf(['link.tif'])).toEqual(original);
  });

  describe('with a hostile journal', () => {
    /** Appends `record` to exp/'s journal file, as a line another writer put there. */
    const appendRecord = (record: JournalRecord) => {
      const dir = path.join(exp, '.acqmeta', 'journal');
      const [file] = readdirSync(dir).filter((name) => name.endsWith('.jsonl'));
      appendFileSync(path.join(dir, file as string), `${JSON.stringify(record)}\n`);
    };
    /** A record of b.tif's latest write, taken as the model of a forged one. */
    const forged = async (id: string, fields: Partial<JournalRecord>): Promise<JournalRecord> => {
      const model = (await journal()).at(-1) as JournalRecord;
      return { ...model, id, batch: id, ...fields };
    };

    it('writes no image for a record whose path is empty, `.`, absolute, escaping or not normalised', async () => {
      const rels = images({ 'a.tif': CANONICAL, 'b.tif': OLD, 'sub/c.tif': CANONICAL });
      await ok('set', 'exp/b.tif', '--set', 'genotype=Thy1');
      const bad = [
        '',
        '.',
        '/b.tif',
        `${exp}/b.tif`,
        '../exp/b.tif',
        'sub/../b.tif',
        './b.tif',
        'sub//c.tif',
        'sub/c.tif/',
      ];
      for (const [i, badPath] of bad.entries()) appendRecord(await forged(`K${i}`, { path: badPath }));
      const sidecars = bytesOf(rels);
      const lines = journalFiles();
      for (const i of bad.keys()) {
        const restore = await acqmeta('restore', 'exp', '--before', `K${i}`);
        expect({ path: bad[i], code: restore.code }).toEqual({ path: bad[i], code: 2 });
        expect(restore.stderr).toContain(`no journal record or batch K${i}`);
        expect(restore.stderr).toMatch(/\.jsonl: line \d+ could not be read/);
        expect(bytesOf(rels)).toEqual(sidecars);
        expect(journalFiles()).toEqual(lines);
      }
    });

    it('refuses a field named __proto__ as an unknown field, writing nothing', async () => {
      const rels = images({ 'a.tif': CANONICAL, 'b.tif': OLD });
      await ok('set', 'exp/b.tif', '--set', 'genotype=Thy1');
      appendRecord(await forged('K', { changes: [{ field: '__proto__', old: 'x', new: 'y' }] }));
      const sidecars = bytesOf(rels);
      const restore = await acqmeta('restore', 'exp', '--before', 'K');
      expect(restore.code).toBe(1);
      expect(restore.stderr).toContain('Unknown field "__proto__"');
      expect(bytesOf(rels)).toEqual(sidecars);
    });

    it('never writes through a link that leads out of the folder, the image or its sidecar', async () => {
      const rels = images({ 'a.tif': CANONICAL, 'b.tif': OLD });
      await ok('set', 'exp/b.tif', '--set', 'genotype=Thy1');
      const outside = path.join(base, 'outside');
      mkdirSync(outside);
      copyFileSync(TIFF, path.join(outside, 'victim.tif'));
      copyFileSync(fixture(`sidecars/${CANONICAL}`), path.join(outside, 'victim.tif.json'));
      symlinkSync(outside, path.join(exp, 'lnk'));
      copyFileSync(TIFF, path.join(exp, 'c.tif'));
      symlinkSync(path.join(outside, 'victim.tif.json'), path.join(exp, 'c.tif.json'));
      const victim = readFileSync(path.join(outside, 'victim.tif.json'), 'utf8');
      // versions that match the victim's sidecar: only the folder's boundary stands in the way
      const version = { size: Buffer.byteLength(victim), mtime: 0, sha256: sha256(victim) };
      const changes = [{ field: 'genotype', old: 'written through a link', new: 'x' }];
      appendRecord(await forged('L', { path: 'lnk/victim.tif', changes, before: version, after: version }));
      appendRecord(await forged('S', { path: 'c.tif', changes, before: version, after: version }));
      const sidecars = bytesOf(rels);
      for (const [id, named] of [
        ['L', 'lnk/victim.tif'],
        ['S', 'c.tif'],
      ] as const) {
        const restore = await acqmeta('restore', 'exp', '--before', id);
        expect({ id, code: restore.code }).toEqual({ id, code: 2 });
        expect(restore.stderr).toContain(`${named}`);
        expect(restore.stderr).toContain('outside');
        expect(readFileSync(path.join(outside, 'victim.tif.json'), 'utf8')).toBe(victim);
        expect(bytesOf(rels)).toEqual(sidecars);
      }
    });
  });
});
