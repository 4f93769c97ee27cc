/**
 * The app's side of the change journal: each save's writes are journaled with the user's
 * action under one batch id, `getJournal` reads them back, and a sidecar another program
 * changes is journaled as changed outside AcqMeta, while the folder is open and at the next
 * open, with the fields the journal knows; hostile journal files (issue 46) are left out and
 * named, and hang or crash nothing.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { journalLine, type JournalRecord } from '../../../../../shared/journal';
import type { LabCopy } from '../folder/lab-folder';
import { removeTestBundles, startBackend, startOnLab, stopOnLab, type Harness } from './backend-harness';

const OME = 'cells/multi-channel.ome.tif';
const FLOAT = 'stacks/float.tif';
const watch = { mode: 'poll' as const, pollIntervalMs: 50, timing: { quietMs: 30, maxWaitMs: 200 } };

describe('backend change journal', () => {
  let copy: LabCopy;
  let h: Harness;
  const lab = (rel: string) => path.join(copy.lab, rel);

  afterEach(async () => {
    await stopOnLab(copy, h);
  });
  afterAll(removeTestBundles);

  /** Opens, scans and waits until the folder is watched (as the app does). */
  async function openWatched(harness: Harness): Promise<void> {
    await harness.ok('scanFolder', {});
    await harness.waitFor((e) => e.type === 'folder-watching' && e.root === copy.lab);
  }

  async function saveGenotype(paths: string[], value: string, batch: string): Promise<void> {
    expect((await h.ok('getJournal', {})).records).toEqual([]);
    await save(paths, value, batch);
  }

  async function save(paths: string[], value: string, batch: string): Promise<void> {
    const saves = [];
    for (const p of paths) {
      const { version } = await h.ok('reloadRow', { path: p });
      saves.push({ path: p, changes: { genotype: value }, expected: version, action: 'Genotype' });
    }
    const outcomes = await h.ok('saveSidecars', { saves, journal: { batch } });
    expect(outcomes.every((o) => o.ok)).toBe(true);
  }

  /** The records of `getJournal` once one matches `match` (the check runs after the watcher's event). */
  async function journalOnceItHas(match: (record: JournalRecord) => boolean): Promise<JournalRecord[]> {
    let records: JournalRecord[] = [];
    await vi.waitFor(
      async () => {
        records = (await h.ok('getJournal', {})).records;
        expect(records.some(match)).toBe(true);
      },
      { timeout: 30_000, interval: 50 },
    );
    return records;
  }

  it('journals a save with its action under the batch id the renderer gave, and reads it back', async () => {
    ({ copy, h } = await startOnLab(() => ({ watch })));
    await openWatched(h);
    const before = readFileSync(lab(`${FLOAT}.json`));
    await saveGenotype([FLOAT, OME], 'Thy1', 'save-1');
    const { records, problems } = await h.ok('getJournal', { paths: [FLOAT] });
    expect(problems).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      batch: 'save-1',
      tool: 'AcqMeta',
      action: 'Genotype',
      path: FLOAT,
      changes: [{ field: 'genotype', old: '', new: 'Thy1' }],
      before: { size: before.length },
    });
    expect((await h.ok('getJournal', { batch: 'save-1' })).records.map((r) => r.path).sort()).toEqual([OME, FLOAT]);
  });

  it('keeps the journal read while the folder is open: unchanged files are not read again, appended lines are', async () => {
    ({ copy, h } = await startOnLab(() => ({ watch })));
    await openWatched(h);
    await saveGenotype([FLOAT], 'Thy1', 'save-1');
    const [saved] = (await h.ok('getJournal', {})).records as [JournalRecord];
    // another writer's file, with a line still being written
    const theirs = lab('.acqmeta/journal/pc-9-a-0001.jsonl');
    const record = (id: string, time: string) => ({ ...saved, id, batch: id, host: 'pc', time, action: 'Species' });
    writeFileSync(theirs, journalLine(record('t1', '2030-01-01T00:00:00.000Z')) + '{"id":"t2",');
    const first = await h.ok('getJournal', {});
    expect(first.records.map((r) => r.id)).toEqual([saved.id, 't1']);
    expect(first.problems).toEqual([`${theirs}: line 2 was cut short (a write interrupted)`]);
    // the same bytes, changed in place (never a journal's way): a file whose size is unchanged is not read again
    const own = lab(`.acqmeta/journal/${readdirSync(lab('.acqmeta/journal')).find((n) => !n.startsWith('pc-'))}`);
    writeFileSync(own, readFileSync(own, 'utf8').replace('"Genotype"', '"Genotypf"'));
    writeFileSync(theirs, readFileSync(theirs, 'utf8').replace('"Species"', '"Speciez"'));
    expect(await h.ok('getJournal', {})).toEqual(first);
    // the cut line completed, another appended, and a save of this app: each read from where the last read stopped
    appendFileSync(theirs, `${journalLine(record('t2', '2030-01-02T00:00:00.000Z')).slice('{"id":"t2",'.length)}`);
    appendFileSync(theirs, journalLine(record('t3', '2030-01-03T00:00:00.000Z')));
    await save([OME], 'KO', 'save-2');
    const second = await h.ok('getJournal', {});
    expect(second.problems).toEqual([]);
    expect(second.records.map((r) => [r.batch, r.action])).toEqual([
      ['save-1', 'Genotype'],
      ['save-2', 'Genotype'],
      ['t1', 'Species'],
      ['t2', 'Species'],
      ['t3', 'Species'],
    ]);
  });

  it('journals a sidecar another program changes while the folder is open', async () => {
    ({ copy, h } = await startOnLab(() => ({ watch })));
    await openWatched(h);
    await saveGenotype([FLOAT], 'Thy1', 'save-1');
    const file = lab(`${FLOAT}.json`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"genotype": "Thy1"', '"genotype": "Het"'));
    const records = await journalOnceItHas((r) => r.action === 'changed outside AcqMeta');
    const outside = records.at(-1) as JournalRecord;
    expect(outside).toMatchObject({
      tool: 'another program',
      path: FLOAT,
      changes: [{ field: 'genotype', old: 'Thy1', new: 'Het' }],
      before: records[0]?.after,
      after: { size: readFileSync(file).length },
    });
  });

  /**
   * Saves genotype Thy1, closes, runs `meanwhile` with the save's record, sets KO as another
   * program would and opens the folder again; resolves to the save's record.
   */
  async function changedWhileClosed(meanwhile: (saved: JournalRecord) => void = () => {}): Promise<JournalRecord> {
    ({ copy, h } = await startOnLab(() => ({ watch })));
    await openWatched(h);
    await saveGenotype([FLOAT], 'Thy1', 'save-1');
    const [saved] = (await h.ok('getJournal', {})).records as [JournalRecord];
    await h.backend.close();
    meanwhile(saved);
    const file = lab(`${FLOAT}.json`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"genotype": "Thy1"', '"genotype": "KO"'));
    h = await startBackend({ watch });
    await h.ok('openFolder', { path: copy.lab });
    await openWatched(h);
    return saved;
  }

  it('journals at the next open a change made while the folder was closed, once', async () => {
    await changedWhileClosed();
    const records = await journalOnceItHas((r) => r.action === 'changed outside AcqMeta');
    expect(records.filter((r) => r.action === 'changed outside AcqMeta')).toHaveLength(1);
    expect(records.at(-1)?.changes).toEqual([{ field: 'genotype', old: 'Thy1', new: 'KO' }]);
  });

  it.runIf(process.platform !== 'win32')(
    'opens a folder holding hostile journals: leaves them out, names them, and goes on journaling and answering',
    async () => {
      const journal = () => lab('.acqmeta/journal');
      const fifo = () => path.join(journal(), 'evil-1-a-0001.jsonl');
      const zero = () => path.join(journal(), 'evil-2-a-0001.jsonl.gz');
      const lines = () => path.join(journal(), 'evil-3-a-0001.jsonl.gz');
      // a journal planted in the folder above: neither read nor written
      const above = () => path.join(copy.base, '.acqmeta', 'journal', 'evil-4-a-0001.jsonl');
      let planted = '';
      const saved = await changedWhileClosed((record) => {
        execFileSync('mkfifo', [fifo()]);
        symlinkSync('/dev/zero', zero());
        writeFileSync(lines(), gzipSync(Buffer.alloc(16 * 1024 * 1024, 0x0a)));
        mkdirSync(path.dirname(above()), { recursive: true });
        planted = journalLine({ ...record, id: 'planted', path: `lab/${FLOAT}`, time: '2030-01-01T00:00:00.000Z' });
        writeFileSync(above(), planted);
      });
      const records = await journalOnceItHas((r) => r.action === 'changed outside AcqMeta');
      expect(records.map((r) => r.id)).toEqual([saved.id, expect.any(String)]);
      expect(records.at(-1)?.changes).toEqual([{ field: 'genotype', old: 'Thy1', new: 'KO' }]);
      expect((await h.ok('getJournal', {})).problems).toEqual([
        `the journal ${path.dirname(above())} is above ${copy.lab} and not read; open (or name) that folder to read it`,
        `journal file ${fifo()} is not a regular file; left out`,
        `journal file ${zero()} is a link out of ${copy.lab}; left out`,
        `journal file ${lines()} has over 100000 lines; left out`,
      ]);
      expect(readFileSync(above(), 'utf8')).toBe(planted);
      expect((await h.ok('getSession', {})).folder?.root).toBe(copy.lab);
    },
  );
});
