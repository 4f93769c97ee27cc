/**
 * `acqmeta restore --undo` and `--before` (issue 45): undoing one action puts back only the
 * fields it changed (a later Note stays), leaves a field a later action changed again as it
 * is (both values printed, exit 1) unless --take-back-later; a restore to a point in time prints
 * every later change it takes back. Undoing a sidecar's creation removes the file, journaled
 * (`after` null), and only if its bytes are still those AcqMeta wrote.
 */
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acqmeta, bytesOf, CANONICAL, exp, images, journal, lastBatch, ok, OLD, TIFF } from './restore-cli-harness';

describe('acqmeta restore --undo', () => {
  it('puts back only the fields the batch changed: a Note typed later stays', async () => {
    const rels = images({ 'a.tif': CANONICAL, 'b.tif': OLD });
    const original = bytesOf(rels);
    await ok('set', 'exp', '--set', 'genotype=Thy1', '--set', 'age=P60');
    const b1 = await lastBatch();
    await ok('set', 'exp/a.tif', '--set', 'note=typed later');
    const withNote = bytesOf(['a.tif'])['a.tif'] as string;

    const undo = await ok('restore', 'exp', '--undo', b1);
    expect(undo.stdout).toContain('restored exp/a.tif.json: ');
    const now = bytesOf(rels);
    expect(now['b.tif']).toBe(original['b.tif']);
    expect(now['a.tif']).toContain('"note": "typed later"');
    // a.tif: the original bytes but for the Note line
    const noteLine = (text: string) => text.split('\n').find((line) => line.includes('"note"'));
    expect(now['a.tif']).toBe(
      (original['a.tif'] as string).replace(
        noteLine(original['a.tif'] as string) as string,
        noteLine(withNote) as string,
      ),
    );
    expect((await journal()).at(-1)?.action).toBe(`restore --undo ${b1}`);
  });

  it('leaves a field a later action changed again, naming both values (exit 1), unless --take-back-later', async () => {
    const rels = images({ 'a.tif': CANONICAL, 'b.tif': OLD });
    const original = bytesOf(rels);
    await ok('set', 'exp', '--set', 'genotype=Thy1');
    const b1 = await lastBatch();
    await ok('set', 'exp/a.tif', '--set', 'genotype=Cre');
    const contested = bytesOf(['a.tif'])['a.tif'];

    const dry = await acqmeta('restore', 'exp', '--undo', b1, '--dry-run');
    expect(dry.code).toBe(1);
    expect(bytesOf(rels)['b.tif']).not.toBe(original['b.tif']);

    const undo = await acqmeta('restore', 'exp', '--undo', b1);
    expect(undo.code).toBe(1);
    expect(undo.stderr).toContain(
      'exp/a.tif: Genotype not undone: now "Cre" (by “set --set genotype=Cre”), before it "Ai14 × PDGFRb-Cre"; --take-back-later writes it',
    );
    expect(bytesOf(rels)).toEqual({ 'a.tif': contested, 'b.tif': original['b.tif'] });

    await ok('restore', 'exp', '--undo', b1, '--take-back-later');
    expect(bytesOf(rels)).toEqual(original);
  });

  it('takes --undo or --before, not both (exit 2, nothing written)', async () => {
    const rels = images({ 'a.tif': CANONICAL });
    await ok('set', 'exp', '--set', 'genotype=Thy1');
    const b1 = await lastBatch();
    const before = bytesOf(rels);
    const both = await acqmeta('restore', 'exp', '--undo', b1, '--before', b1);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give --undo or --before, not both');
    expect(bytesOf(rels)).toEqual(before);
  });
});

describe('acqmeta restore --before', () => {
  it('prints every later change it takes back before writing, and on a dry run', async () => {
    const rels = images({ 'a.tif': CANONICAL, 'b.tif': OLD });
    const original = bytesOf(rels);
    await ok('set', 'exp', '--set', 'genotype=Thy1');
    const b1 = await lastBatch();
    await ok('set', 'exp/b.tif', '--set', 'note=typed later');
    const [later] = (await journal()).slice(-1);
    const line = `takes back exp/b.tif: Note: "old file" → "typed later" (by “set --set note=typed later”, ${later?.time})`;

    const dry = await ok('restore', 'exp', '--before', b1, '--dry-run');
    expect(dry.stdout.split('\n')[0]).toBe(line);
    expect(bytesOf(rels)['b.tif']).toContain('typed later');
    const restore = await ok('restore', 'exp', '--before', b1);
    expect(restore.stdout.split('\n')[0]).toBe(line);
    expect(bytesOf(rels)).toEqual(original);
  });
});

describe('undoing the creation of sidecars', () => {
  /** Images with no sidecar, then `set` creates them. */
  async function created(...rels: string[]): Promise<string> {
    for (const rel of rels) copyFileSync(TIFF, path.join(exp, rel));
    const set = await ok('set', 'exp', '--set', 'genotype=Thy1');
    for (const rel of rels) expect(set.stdout).toContain(`created exp/${rel}.json`);
    return lastBatch();
  }

  it('removes the sidecars AcqMeta created, journaled with after null, and --before does too', async () => {
    const batch = await created('a.tif', 'b.tif');
    const undo = await ok('restore', 'exp', '--undo', batch);
    expect(undo.stdout).toContain('removed exp/a.tif.json\nremoved exp/b.tif.json\n');
    expect(existsSync(path.join(exp, 'a.tif.json')) || existsSync(path.join(exp, 'b.tif.json'))).toBe(false);
    const removals = (await journal()).filter((r) => r.action === `restore --undo ${batch}`);
    // the two removals run together: their records' order is the order they were timed
    removals.sort((a, b) => (a.path < b.path ? -1 : 1));
    expect(removals.map((r) => [r.path, r.after, r.changes])).toEqual([
      ['a.tif', null, []],
      ['b.tif', null, []],
    ]);
    expect((await ok('log', 'exp')).stdout).toMatch(/ {2}a\.tif {2}removed\n/);

    const again = await created('c.tif'); // a.tif and b.tif are given sidecars again too
    await ok('restore', 'exp', '--before', again);
    expect(['a', 'b', 'c'].some((name) => existsSync(path.join(exp, `${name}.tif.json`)))).toBe(false);
  });

  it('refuses to remove a sidecar another program wrote since (exit 3), its bytes kept', async () => {
    const batch = await created('a.tif');
    const file = path.join(exp, 'a.tif.json');
    const theirs = readFileSync(file, 'utf8').replace('"Thy1"', '"written by CloudScope"');
    writeFileSync(`${file}.cs`, theirs);
    renameSync(`${file}.cs`, file);
    const undo = await acqmeta('restore', 'exp', '--undo', batch);
    expect(undo.code).toBe(3);
    expect(undo.stderr).toContain('a.tif');
    expect(readFileSync(file, 'utf8')).toBe(theirs);
  });

  it('does not remove a sidecar edited since unless --take-back-later (exit 1)', async () => {
    const batch = await created('a.tif');
    await ok('set', 'exp', '--set', 'note=later');
    const file = path.join(exp, 'a.tif.json');
    const edited = readFileSync(file, 'utf8');
    const undo = await acqmeta('restore', 'exp', '--undo', batch);
    expect(undo.code).toBe(1);
    expect(undo.stderr).toContain(
      'exp/a.tif: not removed: later changes (“set --set note=later”) would be taken back too',
    );
    expect(readFileSync(file, 'utf8')).toBe(edited);
    await ok('restore', 'exp', '--undo', batch, '--take-back-later');
    expect(existsSync(file)).toBe(false);
  });
});
