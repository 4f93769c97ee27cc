/**
 * Changes by others against the journal's own writers: a sidecar read before a write whose
 * record the journal has since gained is not a change by another program, nor that write cut
 * short; a change by another program still is one, with the fields it changed.
 */
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SidecarVersion } from '../../../../../shared/api';
import {
  journalLine,
  OUTSIDE_ACTION,
  OUTSIDE_TOOL,
  parseJournal,
  type JournalRecord,
} from '../../../../../shared/journal';
import { JournalIndex } from '../../../../../electron/services/journal/journal-index';
import { journalPlaces } from '../../../../../electron/services/journal/journal-places';
import { journalOutsideChanges, type SidecarNow } from '../../../../../electron/services/journal/outside-changes';

const CANONICAL = readFileSync(
  fileURLToPath(new URL('../../../../fixtures/sidecars/canonical.tif.json', import.meta.url)),
  'utf8',
);
const IMAGE = 'a.tif';

let root: string;
let journal: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'acqmeta-outside-'));
  journal = path.join(root, '.acqmeta', 'journal');
  mkdirSync(journal, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** The canonical sidecar with `genotype` set to `value`. */
const withGenotype = (value: string) => CANONICAL.replace(/"genotype": "[^"]*"/, `"genotype": "${value}"`);

/** Writes the sidecar of the image and returns its version as the journal records it. */
function putSidecar(text: string): SidecarVersion {
  const file = path.join(root, `${IMAGE}.json`);
  writeFileSync(file, text);
  return versionOf(file);
}

/** The version of the file as the journal records it. */
function versionOf(file: string): SidecarVersion {
  const stat = statSync(file);
  return {
    size: stat.size,
    mtimeMs: stat.mtimeMs,
    sha256: createHash('sha256').update(readFileSync(file)).digest('hex'),
  } as SidecarVersion;
}

/** The sidecar as a watcher's row saw it (read at `version`, holding `genotype`). */
const seen = (version: SidecarVersion | null, genotype: string): SidecarNow => ({
  path: IMAGE,
  version,
  values: { genotype } as SidecarNow['values'],
});

/** A record of a command-line write of `genotype` from `old` to `now`, taking the sidecar from `before` to `after`. */
function written(id: string, minute: number, old: string, now: string, before: SidecarVersion, after: SidecarVersion) {
  const asJournal = (v: SidecarVersion) => ({ size: v.size, mtime: v.mtimeMs, sha256: v.sha256 });
  const record: JournalRecord = {
    id,
    batch: `batch-${id}`,
    time: `2026-01-05T10:0${minute}:00.000Z`,
    user: 'ana',
    host: 'lab-pc',
    tool: 'command line',
    action: `set --set genotype=${now}`,
    path: IMAGE,
    changes: [{ field: 'genotype', old, new: now }],
    before: asJournal(before),
    after: asJournal(after),
  };
  appendFileSync(path.join(journal, `lab-pc-${id}.jsonl`), journalLine(record));
}

/** Every record a journal folder (the open folder's by default) holds, in the order of its files. */
function records(dir = journal): JournalRecord[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => parseJournal(readFileSync(path.join(dir, name), 'utf8')).records);
}

describe('changes by others', () => {
  const check = (index: JournalIndex, now: SidecarNow[]) =>
    journalOutsideChanges(root, now, index, journalPlaces({ roots: [root], configDir: path.join(root, 'config') }));

  it('takes a sidecar read before the writes the journal now holds for the latest write, not a change', async () => {
    const v0 = putSidecar(withGenotype('WT'));
    const v1 = putSidecar(withGenotype('Thy1'));
    written('a', 1, 'WT', 'Thy1', v0, v1);
    const index = new JournalIndex(root, path.join(root, 'config'));
    // the watcher read the first write; two more landed before the check looked at the journal
    const v2 = putSidecar(withGenotype('KO'));
    written('b', 2, 'Thy1', 'KO', v1, v2);
    const v3 = putSidecar(withGenotype('Het'));
    written('c', 3, 'KO', 'Het', v2, v3);
    expect(await check(index, [seen(v1, 'Thy1')])).toBe(0);
    expect(await check(index, [seen(v3, 'Het')])).toBe(0);
    expect(index.get(IMAGE)?.latest.id).toBe('c');
    expect(records().map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('takes a write seen before its rename for one that landed late, not cut short', async () => {
    const v0 = putSidecar(withGenotype('WT'));
    const v1 = putSidecar(withGenotype('Thy1'));
    written('a', 1, 'WT', 'Thy1', v0, v1);
    const index = new JournalIndex(root, path.join(root, 'config'));
    // the record of the next write is on disk, its sidecar not yet renamed into place
    const v2 = putSidecar(withGenotype('KO'));
    putSidecar(withGenotype('Thy1'));
    written('b', 2, 'Thy1', 'KO', v1, v2);
    expect(await check(index, [seen(v1, 'Thy1')])).toBe(0);
    expect(index.get(IMAGE)?.values.get('genotype')).toBe('Thy1');
    // the rename lands: the sidecar holds what the record wrote
    const landed = putSidecar(withGenotype('KO'));
    expect(await check(index, [seen(landed, 'KO')])).toBe(0);
    expect(index.get(IMAGE)?.latest.id).toBe('b');
    expect(index.get(IMAGE)?.values.get('genotype')).toBe('KO');
    expect(records().map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('records a change by another program once, with the field it changed', async () => {
    const v0 = putSidecar(withGenotype('WT'));
    const v1 = putSidecar(withGenotype('Thy1'));
    written('a', 1, 'WT', 'Thy1', v0, v1);
    const index = new JournalIndex(root, path.join(root, 'config'));
    const other = putSidecar(withGenotype('Het'));
    expect(await check(index, [seen(other, 'Het')])).toBe(1);
    expect(await check(index, [seen(other, 'Het')])).toBe(0);
    const outside = records().filter((r) => r.action === OUTSIDE_ACTION);
    expect(outside).toHaveLength(1);
    expect(outside[0]).toMatchObject({
      tool: OUTSIDE_TOOL,
      path: IMAGE,
      changes: [{ field: 'genotype', old: 'Thy1', new: 'Het' }],
      after: { sha256: other.sha256 },
    });
  });

  it('records a change two apps see at once once: the second finds the first record before appending', async () => {
    const v0 = putSidecar(withGenotype('WT'));
    const v1 = putSidecar(withGenotype('Thy1'));
    written('a', 1, 'WT', 'Thy1', v0, v1);
    const config = path.join(root, 'config');
    const [first, second] = [new JournalIndex(root, config), new JournalIndex(root, config)];
    const other = putSidecar(withGenotype('Het'));
    const places = journalPlaces({ roots: [root], configDir: config });
    // the first app records the change just as the second, having read the journal, is about to
    const racing = {
      placeFor: async (image: string) => {
        expect(await check(first, [seen(other, 'Het')])).toBe(1);
        return places.placeFor(image);
      },
    };
    expect(await journalOutsideChanges(root, [seen(other, 'Het')], second, racing)).toBe(0);
    expect(records().filter((r) => r.action === OUTSIDE_ACTION)).toHaveLength(1);
  });

  it('records a change to an image whose only journal was made in its own folder after the open', async () => {
    const config = path.join(root, 'config');
    const index = new JournalIndex(root, config);
    await index.findSubfolderJournals();
    // `acqmeta set m1/a.tif` while the folder is open: it journals in m1/, which had no journal
    const sub = path.join(root, 'm1');
    mkdirSync(path.join(sub, '.acqmeta', 'journal'), { recursive: true });
    const v0 = putSidecar(withGenotype('WT'));
    const v1 = putSidecar(withGenotype('Thy1'));
    written('a', 1, 'WT', 'Thy1', v0, v1);
    renameSync(path.join(root, `${IMAGE}.json`), path.join(sub, `${IMAGE}.json`));
    renameSync(path.join(journal, 'lab-pc-a.jsonl'), path.join(sub, '.acqmeta', 'journal', 'lab-pc-a.jsonl'));
    const mine = { ...seen(v1, 'Thy1'), path: `m1/${IMAGE}` };
    expect(await check(index, [mine])).toBe(0);
    // then another program changes it
    const file = path.join(sub, `${IMAGE}.json`);
    writeFileSync(file, withGenotype('Het'));
    expect(await check(index, [{ ...seen(versionOf(file), 'Het'), path: `m1/${IMAGE}` }])).toBe(1);
    const outside = [...records(), ...records(path.join(sub, '.acqmeta', 'journal'))].filter(
      (r) => r.action === OUTSIDE_ACTION,
    );
    expect(outside.map((r) => [r.path, r.changes])).toEqual([
      [IMAGE, [{ field: 'genotype', old: 'Thy1', new: 'Het' }]],
    ]);
  });

  it('records a sidecar another program emptied as damaged, with the reason, and one it deleted as deleted', async () => {
    const v0 = putSidecar(withGenotype('WT'));
    const v1 = putSidecar(withGenotype('Thy1'));
    written('a', 1, 'WT', 'Thy1', v0, v1);
    const index = new JournalIndex(root, path.join(root, 'config'));
    const emptied = putSidecar('');
    expect(await check(index, [{ path: IMAGE, version: emptied, values: null }])).toBe(1);
    rmSync(path.join(root, `${IMAGE}.json`));
    expect(await check(index, [{ path: IMAGE, version: null, values: null }])).toBe(1);
    const outside = records().filter((r) => r.action === OUTSIDE_ACTION);
    expect(outside.map((r) => [r.damaged, r.deleted, r.changes])).toEqual([
      ['not valid JSON: the file is empty (line 1, column 1)', undefined, []],
      [undefined, true, []],
    ]);
  });
});
