import { describe, expect, it } from 'vitest';
import { checkUploadLayout, findTarget } from '../../../../shared/submission';

describe('the dataset files in an upload', () => {
  it('are AcqMeta’s own: left out of the layout check, as an upload leaves them out', () => {
    const schema = findTarget('hubmap:confocal')!;
    const verdict = checkUploadLayout(['acqmeta.dataset.json', 'acqmeta.people.tsv', 'raw/images/a.czi'], schema);
    expect(verdict.leftOut).toEqual(['acqmeta.dataset.json', 'acqmeta.people.tsv']);
  });
});
