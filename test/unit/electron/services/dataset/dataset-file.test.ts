import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  peopleListFor,
  readDatasetFile,
  readDatasetValues,
  writeDatasetFile,
} from '../../../../../electron/services/dataset';
import { journalPlaces, readFolderJournal } from '../../../../../electron/services/journal';
import { datasetFileText, type DatasetValues } from '../../../../../shared/dataset';

let share: string;
let dir: string;
let configDir: string;
beforeEach(() => {
  share = mkdtempSync(path.join(tmpdir(), 'acqmeta-dataset-'));
  configDir = mkdtempSync(path.join(tmpdir(), 'acqmeta-dataset-config-'));
  dir = path.join(share, 'lab', 'run1');
  mkdirSync(dir, { recursive: true });
});
afterEach(() => {
  rmSync(share, { recursive: true, force: true });
  rmSync(configDir, { recursive: true, force: true });
});

const FILE = () => path.join(dir, 'acqmeta.dataset.json');
const journal = (action: string) => ({ places: journalPlaces({ roots: [dir], configDir }), tool: 'acqmeta', action });
const DATASET: DatasetValues = { values: { lab_id: 'L7' }, people: [] };

describe('a folder’s dataset file', () => {
  it('reads as no values and no people when the folder has none', async () => {
    expect(await readDatasetValues(dir)).toEqual({ values: {}, people: [] });
  });

  it('is written with its journal record, the text before and after kept', async () => {
    const first = await writeDatasetFile(
      dir,
      'acqmeta.dataset.json',
      DATASET,
      null,
      journal('dataset --set lab_id=L7'),
    );
    const next = { values: { lab_id: 'L8' }, people: [] };
    await writeDatasetFile(dir, 'acqmeta.dataset.json', next, first, journal('dataset --set lab_id=L8'));
    expect(readFileSync(FILE(), 'utf8')).toBe(datasetFileText(next));
    expect(await readDatasetValues(dir)).toEqual(next);
    const { instruments } = await readFolderJournal(dir, configDir);
    expect(instruments).toEqual([
      expect.objectContaining({
        file: 'acqmeta.dataset.json',
        action: 'dataset --set lab_id=L7',
        before: null,
        afterText: datasetFileText(DATASET),
      }),
      expect.objectContaining({
        action: 'dataset --set lab_id=L8',
        beforeText: datasetFileText(DATASET),
        afterText: datasetFileText(next),
      }),
    ]);
  });

  it('is not written over a version another program changed, nor over a file that is not one', async () => {
    const first = await writeDatasetFile(dir, 'acqmeta.dataset.json', DATASET, null, journal('a'));
    writeFileSync(FILE(), datasetFileText({ values: { lab_id: 'theirs' }, people: [] }));
    await expect(writeDatasetFile(dir, 'acqmeta.dataset.json', DATASET, first, journal('b'))).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    writeFileSync(FILE(), '{"lab_id": "typed by hand"}');
    expect(() => readDatasetFile(dir)).toThrow(`${FILE()}: has keys AcqMeta does not know: lab_id`);
    await expect(writeDatasetFile(dir, 'acqmeta.dataset.json', DATASET, null, journal('c'))).rejects.toThrow(
      'has keys AcqMeta does not know',
    );
    expect(readFileSync(FILE(), 'utf8')).toBe('{"lab_id": "typed by hand"}');
  });

  it('finds the lab’s people list at the share’s root, as the catalogue is found', async () => {
    writeFileSync(path.join(share, 'acqmeta.people.tsv'), 'first_name\torcid\nJosiah\t0000-0002-1825-0097\n');
    const list = await peopleListFor(dir);
    expect(list?.file).toBe(path.join(share, 'acqmeta.people.tsv'));
    expect(list?.people.map((p) => p.first_name)).toEqual(['Josiah']);
  });

  it('refuses a people list over 4 MB before reading it, naming the file', async () => {
    const list = path.join(share, 'acqmeta.people.tsv');
    writeFileSync(list, 'first_name\torcid\n');
    truncateSync(list, 3 * 1024 ** 3);
    await expect(peopleListFor(dir)).rejects.toThrow(
      `${list} could not be read: ${list} is 3072 MB; a people list may be at most 4 MB`,
    );
  });

  it('refuses a people list that links outside its own folder', async () => {
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'acqmeta-dataset-elsewhere-'));
    try {
      writeFileSync(path.join(elsewhere, 'people.tsv'), 'first_name\torcid\nJosiah\t0000-0002-1825-0097\n');
      symlinkSync(path.join(elsewhere, 'people.tsv'), path.join(share, 'acqmeta.people.tsv'));
      await expect(peopleListFor(dir)).rejects.toThrow(
        `${path.join(share, 'acqmeta.people.tsv')} links outside its own folder, so it is not read`,
      );
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
