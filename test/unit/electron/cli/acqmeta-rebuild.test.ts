/**
 * `acqmeta restore <image> --rebuild` (issue 45): a sidecar another program emptied is written
 * anew from the image's header and the journal's last values, each listed with its record, the
 * damaged bytes kept beside it, the write journaled; a dry run writes nothing; a readable
 * sidecar is not rebuilt. `acqmeta log` says "damaged: <reason>" for the record of such a change.
 */
import { appendFileSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { journalLine, OUTSIDE_ACTION, OUTSIDE_TOOL, type JournalRecord } from '../../../../shared/journal';
import { cliInFolder } from './support/cli-in-folder';

const fixture = (rel: string) => fileURLToPath(new URL(`../../../fixtures/${rel}`, import.meta.url));

/** The test's `exp/`, holding `a.tif` and its CloudScope sidecar. */
let exp: string;

/** Runs `acqmeta <args>` in the test's folder (so paths read `exp/...`). */
const { acqmeta } = cliInFolder('acqmeta-rebuild-', {
  prepare: (base) => {
    exp = path.join(base, 'exp');
    mkdirSync(exp);
    copyFileSync(fixture('tiff/generated/imagej-2ch-u16.tif'), path.join(exp, 'a.tif'));
    copyFileSync(fixture('sidecars/canonical.tif.json'), path.join(exp, 'a.tif.json'));
  },
});

const sidecarText = () => readFileSync(path.join(exp, 'a.tif.json'), 'utf8');
const kept = () => readdirSync(exp).filter((name) => name.startsWith('a.tif.json.damaged-'));

/** Journals `genotype=Thy1` and `depth=85.5` with `acqmeta set`, then empties the sidecar as another program would. */
async function journaledThenEmptied(): Promise<JournalRecord> {
  expect((await acqmeta('set', 'exp/a.tif', '--set', 'genotype=Thy1', '--set', 'depth=85.5')).code).toBe(0);
  writeFileSync(path.join(exp, 'a.tif.json'), '');
  const log = await acqmeta('log', 'exp/a.tif', '--json');
  return JSON.parse(log.stdout.trim().split('\n').at(-1) as string) as JournalRecord;
}

describe('acqmeta restore --rebuild', () => {
  it('shows the values and their records on a dry run, writing nothing', async () => {
    const set = await journaledThenEmptied();
    const dry = await acqmeta('restore', 'exp/a.tif', '--rebuild', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('would rebuild a.tif.json from the change journal:');
    expect(dry.stdout).toContain(`  Genotype: "Thy1"  (record ${set.id}, `);
    expect(dry.stdout).toMatch(/ {2}Depth: 85\.5 {2}\(record .*, set --set genotype=Thy1 --set depth=85\.5\)/);
    expect(dry.stdout).toMatch(/ {2}Pixel size unit X: .* {2}\(image header\)/);
    expect(sidecarText()).toBe('');
    expect(kept()).toEqual([]);
  });

  it('writes the sidecar anew, keeps the damaged bytes beside it and journals the rebuild', async () => {
    await journaledThenEmptied();
    const run = await acqmeta('restore', 'exp/a.tif', '--rebuild');
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/the damaged file is kept as a\.tif\.json\.damaged-\d{8}T\d{6}Z/);
    const rebuilt = JSON.parse(sidecarText());
    expect(rebuilt.experiment_metadata).toMatchObject({ genotype: 'Thy1', depth: 85.5 });
    expect(kept()).toHaveLength(1);
    expect(readFileSync(path.join(exp, kept()[0] as string), 'utf8')).toBe('');
    const log = await acqmeta('log', 'exp/a.tif');
    expect(log.stdout).toContain('acqmeta: restore --rebuild');
    // a readable sidecar is not rebuilt
    const again = await acqmeta('restore', 'exp/a.tif', '--rebuild');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('a.tif.json can be read: nothing to rebuild');
  });
});

describe('acqmeta restore --rebuild of a deleted sidecar', () => {
  it('creates it from the header and the journal, with no copy to keep', async () => {
    await journaledThenEmptied();
    rmSync(path.join(exp, 'a.tif.json'));
    const run = await acqmeta('restore', 'exp/a.tif', '--rebuild');
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toContain('0 sidecars updated, 1 created');
    expect(JSON.parse(sidecarText()).experiment_metadata).toMatchObject({ genotype: 'Thy1', depth: 85.5 });
    expect(kept()).toEqual([]);
  });
});

describe('acqmeta log', () => {
  it('says what another program left of a sidecar: damaged, with the reason, or deleted', async () => {
    await journaledThenEmptied();
    const outside = (id: string, extra: Partial<JournalRecord>): JournalRecord => ({
      id,
      batch: `b-${id}`,
      time: `2030-01-01T00:00:0${id.length}.000Z`,
      user: 'ana',
      host: 'lab-pc',
      tool: OUTSIDE_TOOL,
      action: OUTSIDE_ACTION,
      path: 'a.tif',
      changes: [],
      before: null,
      after: null,
      ...extra,
    });
    const journal = path.join(exp, '.acqmeta', 'journal');
    const file = path.join(journal, readdirSync(journal)[0] as string);
    appendFileSync(
      file,
      journalLine(
        outside('d', {
          after: { size: 0, mtime: 1, sha256: 'e'.repeat(64) },
          damaged: 'not valid JSON: the file is empty (line 1, column 1)',
        }),
      ) + journalLine(outside('dd', { deleted: true })),
    );
    const log = await acqmeta('log', 'exp/a.tif');
    expect(log.stdout).toContain('  record d  a.tif  damaged: not valid JSON: the file is empty (line 1, column 1)');
    expect(log.stdout).toMatch(/ {2}record dd {2}a\.tif {2}deleted( |$)/m);
    const json = await acqmeta('log', 'exp/a.tif', '--json');
    expect(json.stdout).toContain('"damaged":"not valid JSON: the file is empty (line 1, column 1)"');
    expect(json.stdout).toContain('"deleted":true');
  });
});
