import { describe, expect, it } from 'vitest';
import type { SubmissionExport } from '../../../../shared/api';
import { savedName, todoText } from '../../../../renderer/src/lib/submission-download';

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
  it('writes one file’s to-do as the command line’s <file>.todo.txt', () => {
    expect(todoText(draft([metadata]))).toBe(
      'dataset: parent_sample_id (required): no file or sidecar supplies it\n' +
        'dataset: slide_id (optional): the images differ\n',
    );
  });

  it('writes several files’ to-do each under its name, leaving out files with none', () => {
    const channels = {
      name: 'raw/channel_layout.tsv',
      text: '',
      rows: 2,
      columns: 3,
      todo: [{ row: '1', column: 'marker', required: true, reason: 'no file or sidecar supplies it' }],
    };
    const done = { name: 'contributors.tsv', text: '', rows: 1, columns: 1, todo: [] };
    expect(todoText(draft([metadata, done, channels]))).toBe(
      'confocal-metadata.tsv:\n' +
        '  dataset: parent_sample_id (required): no file or sidecar supplies it\n' +
        '  dataset: slide_id (optional): the images differ\n' +
        '\n' +
        'raw/channel_layout.tsv:\n' +
        '  1: marker (required): no file or sidecar supplies it\n',
    );
  });

  it('saves a file in a folder of the dataset under its own name', () => {
    expect(savedName({ name: 'raw/channel_layout.tsv' })).toBe('channel_layout.tsv');
    expect(savedName({ name: 'confocal-metadata.tsv' })).toBe('confocal-metadata.tsv');
  });
});
