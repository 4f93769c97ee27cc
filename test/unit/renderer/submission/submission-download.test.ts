import { describe, expect, it } from 'vitest';
import type { SubmissionExport } from '../../../../shared/api';
import { savedName, todoText } from '../../../../renderer/src/submission/submission-download';

const draft = (files: SubmissionExport['files']): SubmissionExport => ({
  format: 'hubmap:confocal',
  files,
  imageCount: 2,
  unreadable: [],
  requiredMissing: true,
});

const metadata = {
  name: 'confocal-metadata.tsv',
  text: '',
  rows: 1,
  columns: 2,
  todo: [
    { row: 'dataset', column: 'parent_sample_id', required: true, reason: 'no file or sidecar supplies it' },
    { row: 'dataset', column: 'slide_id', required: false, reason: 'the images differ' },
  ],
};

describe('submission downloads', () => {
  it('writes the to-do of every file as the command line’s <file>.todo.txt, the metadata file’s first', () => {
    const contributors = {
      name: 'contributors.tsv',
      text: '',
      rows: 0,
      columns: 9,
      todo: [{ row: 'contributors.tsv row 1', column: 'orcid', required: true, reason: 'AcqMeta knows no people' }],
    };
    const done = { name: 'antibodies.tsv', text: '', rows: 2, columns: 4, todo: [] };
    expect(todoText(draft([metadata, done, contributors]))).toBe(
      'dataset: parent_sample_id (required): no file or sidecar supplies it\n' +
        'dataset: slide_id (optional): the images differ\n' +
        'contributors.tsv row 1: orcid (required): AcqMeta knows no people\n',
    );
    expect(todoText(draft([done]))).toBe('');
  });

  it('saves a file in a folder of the dataset under its own name', () => {
    expect(savedName({ name: 'raw/channel_layout.tsv' })).toBe('channel_layout.tsv');
    expect(savedName({ name: 'confocal-metadata.tsv' })).toBe('confocal-metadata.tsv');
  });
});
