/**
 * Opening a folder reads its change journal once: the scan's first rows wait on no journal file
 * when no header write was ever journaled there (the recovery of header writes cut short looks
 * at each journal folder's mark), and the journal is read after the scan, by the check for
 * changes made outside AcqMeta. Before, a folder whose journal had grown to 80 MB had it parsed
 * whole before its first rows and again after them.
 */
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { LabCopy } from '../folder/lab-folder';
import { removeTestBundles, scanRows, startBackend, startOnLab, stopOnLab, type Harness } from './backend-harness';

/** The journal files read, in order, by any reader of the journal room. */
const reads = vi.hoisted(() => [] as string[]);

vi.mock('../../../../../electron/services/journal/journal-file', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../../electron/services/journal/journal-file')>();
  return {
    ...actual,
    readJournalFile: (file: string, ...rest: [string, number?, number?]) => {
      reads.push(file);
      return actual.readJournalFile(file, ...rest);
    },
  };
});

const IMAGES = ['stacks/float.tif', 'cells/multi-channel.ome.tif'];

describe('opening a folder with a change journal', () => {
  let copy: LabCopy;
  let h: Harness;

  afterEach(async () => {
    await stopOnLab(copy, h);
  });
  afterAll(removeTestBundles);

  it('shows its rows without reading the journal when no header write was journaled', async () => {
    ({ copy, h } = await startOnLab());
    await scanRows(h);
    const saves = [];
    for (const p of IMAGES) {
      const { version } = await h.ok('reloadRow', { path: p });
      saves.push({ path: p, changes: { genotype: 'Thy1' }, expected: version, action: 'Genotype' });
    }
    expect((await h.ok('saveSidecars', { saves, journal: { batch: 'b' } })).every((o) => o.ok)).toBe(true);
    await h.backend.close();

    // the folder opened again, as a person does the next day
    reads.length = 0;
    h = await startBackend();
    await h.ok('openFolder', { path: copy.lab });
    const rows = await scanRows(h);
    expect(IMAGES.map((p) => rows.get(p)?.values.genotype)).toEqual(['Thy1', 'Thy1']);
    expect(reads.map((file) => path.relative(copy.lab, file))).toEqual([]);

    // the History still reads it all
    expect((await h.ok('getJournal', {})).records.map((r) => r.path).sort()).toEqual([...IMAGES].sort());
    expect(reads.length).toBeGreaterThan(0);
  }, 60_000);
});
