/**
 * exportSubmission: the files of a submission format drafted from the open folder, with their
 * to-do, as the app's "Write submission files…" shows them; an unknown format refused; nothing
 * written.
 */
import { describe, expect, it } from 'vitest';
import { hubmapTemplates, NOTHING_SUPPLIES } from '../../../../../shared/submission';
import { folderBytes, LAB_IMAGE_PATHS } from '../folder/lab-folder';
import { codeOf, labBackendPerTest, startOnLab, stopOnLab } from './backend-harness';

describe('backend exportSubmission', () => {
  const lab = labBackendPerTest();

  it('drafts the HuBMAP metadata file of the folder: its text, its size and each cell still to fill', async () => {
    const before = await folderBytes(lab.copy.lab);
    const draft = await lab.h.ok('exportSubmission', { format: 'hubmap:confocal' });
    const confocal = hubmapTemplates().items.find((t) => t.name === 'confocal')!;
    expect(draft).toMatchObject({ format: 'hubmap:confocal', imageCount: 6, requiredMissing: true });
    // the metadata file first, then every companion the draft has, each as it is
    expect(draft.files.map((f) => f.name)).toEqual(['confocal-metadata.tsv', 'contributors.tsv', 'antibodies.tsv']);
    const [file] = draft.files;
    expect(file).toMatchObject({ name: 'confocal-metadata.tsv', rows: 1, columns: confocal.columns.length });
    const [header, row] = file!.text.split('\r\n');
    expect(header).toBe(confocal.columns.join('\t'));
    expect(row?.split('\t')[confocal.columns.indexOf('dataset_type')]).toBe('Confocal');
    expect(file!.todo).toContainEqual({
      row: 'dataset',
      column: 'parent_sample_id',
      required: true,
      reason: NOTHING_SUPPLIES,
    });
    // the lab's images record no microscope: the vendor is to fill, not guessed
    expect(file!.todo.map((item) => item.column)).toContain('acquisition_instrument_vendor');
    expect(draft.unreadable).toContainEqual(expect.stringContaining('test_ifd_loop_to_self.tif: IFD loop'));
    expect(await folderBytes(lab.copy.lab)).toEqual(before);
  });

  it('drafts HTAN’s manifest with one row, and its to-do, per image', async () => {
    const draft = await lab.h.ok('exportSubmission', { format: 'htan:imaging-level-2' });
    const [file] = draft.files;
    expect(file).toMatchObject({ name: 'imaging-level-2.csv', rows: LAB_IMAGE_PATHS.length });
    const participant = file!.todo.filter((item) => item.column === 'HTAN Participant ID');
    expect(participant.map((item) => item.row)).toEqual(LAB_IMAGE_PATHS);
    expect(participant.every((item) => item.required)).toBe(true);
  });

  it('refuses a format it does not write, a request without one, and no open folder', async () => {
    const unknown = await lab.h.call('exportSubmission', { format: 'hubmap:teleportation' });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'INVALID_VALUE', message: expect.stringMatching(/^hubmap:teleportation is not a submission/) },
    });
    // a directory-schema target that has no metadata file is not a format either
    expect(codeOf(await lab.h.call('exportSubmission', { format: 'hubmap:confocal-v2.3' }))).toBe('INVALID_VALUE');
    expect(codeOf(await lab.h.call('exportSubmission', {} as { format: string }))).toBe('BAD_REQUEST');
    const closed = await startOnLab(() => ({}), false);
    try {
      expect(codeOf(await closed.h.call('exportSubmission', { format: 'hubmap:confocal' }))).toBe('NO_FOLDER');
    } finally {
      await stopOnLab(closed.copy, closed.h);
    }
  });
});
