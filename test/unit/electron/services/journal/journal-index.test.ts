/**
 * The open folder's index of what its journals last recorded of each image: read as the
 * journals grow, records taken back by a cancel line forgotten, a write cut short undone.
 */
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journalLine, type JournalRecord } from '../../../../../shared/journal';
import { JournalIndex } from '../../../../../electron/services/journal/journal-index';

let base: string;
let journal: string;

beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'acqmeta-journal-index-'));
  journal = path.join(base, '.acqmeta', 'journal');
  mkdirSync(journal, { recursive: true });
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const version = (sha256: string) => ({ size: 1, mtime: 1, sha256 });

function record(id: string, time: string, old: string, now: string, before: string, after: string): JournalRecord {
  return {
    id,
    batch: `b-${id}`,
    time,
    user: 'ana',
    host: 'lab-pc',
    tool: 'acqmeta',
    action: 'set',
    path: 'm1/a.tif',
    changes: [{ field: 'genotype', old, new: now }],
    before: version(before),
    after: version(after),
  };
}

const write = (file: string, ...lines: string[]) => appendFileSync(path.join(journal, file), lines.join(''));

describe('JournalIndex', () => {
  it('reads what the journals add since its last look, across writers, latest by time', async () => {
    const index = new JournalIndex(base, path.join(base, 'config'));
    write('pc-1-a-0001.jsonl', journalLine(record('r1', '2026-11-24T09:00:00.000Z', 'WT', 'Thy1', 's0', 's1')));
    await index.refresh();
    expect(index.get('m1/a.tif')?.latest.id).toBe('r1');
    write('pc-2-b-0001.jsonl', journalLine(record('r2', '2026-11-24T10:00:00.000Z', 'Thy1', 'KO', 's1', 's2')));
    await index.refresh();
    expect(index.get('m1/a.tif')?.latest.id).toBe('r2');
    expect(index.get('m1/a.tif')?.values.get('genotype')).toBe('KO');
    expect(index.paths()).toEqual(['m1/a.tif']);
  });

  it('forgets an image whose latest record a later cancel line takes back', async () => {
    const index = new JournalIndex(base, path.join(base, 'config'));
    write('pc-1-a-0001.jsonl', journalLine(record('r1', '2026-11-24T09:00:00.000Z', 'WT', 'Thy1', 's0', 's1')));
    await index.refresh();
    write('pc-1-a-0001.jsonl', journalLine({ cancel: 'r1' }));
    await index.refresh();
    expect(index.get('m1/a.tif')).toBeUndefined();
  });

  it('takes a write cut short back: the image is again what that record found', async () => {
    const index = new JournalIndex(base, path.join(base, 'config'));
    write(
      'pc-1-a-0001.jsonl',
      journalLine(record('r1', '2026-11-24T09:00:00.000Z', 'WT', 'Thy1', 's0', 's1')),
      journalLine(record('r2', '2026-11-24T10:00:00.000Z', 'Thy1', 'KO', 's1', 'never')),
    );
    await index.refresh();
    index.notLanded('m1/a.tif');
    const image = index.get('m1/a.tif');
    expect(image?.latest.after?.sha256).toBe('s1');
    expect(image?.values.get('genotype')).toBe('Thy1');
  });
});
