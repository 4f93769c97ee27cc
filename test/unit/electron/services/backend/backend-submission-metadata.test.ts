/** checkSubmissionMetadata: the target's metadata file made from the open folder, column by column. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LabCopy } from '../folder/lab-folder';
import { codeOf, removeTestBundles, startOnLab, stopOnLab, type Harness } from './backend-harness';

describe('backend checkSubmissionMetadata', () => {
  let copy: LabCopy;
  let h: Harness;
  beforeEach(async () => {
    ({ copy, h } = await startOnLab());
  });
  afterEach(() => stopOnLab(copy, h));
  afterAll(removeTestBundles);

  it("takes the folder profile's x-target when none is asked for, and says so", async () => {
    expect(await h.ok('checkSubmissionMetadata', {})).toMatchObject({ target: null, columns: [] });
    await writeFile(path.join(copy.lab, 'acqmeta.profile.json'), '{"x-target": "htan:imaging-level-2"}');
    const check = await h.ok('checkSubmissionMetadata', {});
    expect(check).toMatchObject({
      target: 'htan:imaging-level-2',
      title: 'HTAN Imaging Level 2 (CSV manifest)',
      profile: 'acqmeta.profile.json',
      format: 'htan:imaging-level-2',
      rows: 'image',
    });
    expect(check.images).toBeGreaterThan(1);
    const filename = check.columns.find((c) => c.name === 'Filename');
    expect(filename).toMatchObject({ required: true, from: "image's path", missing: 0 });
  });

  it('a target asked for: its columns, none for a layout-only target, INVALID_VALUE for an unknown one', async () => {
    const confocal = await h.ok('checkSubmissionMetadata', { target: 'hubmap:confocal' });
    expect(confocal).toMatchObject({ profile: null, rows: 'dataset', format: 'hubmap:confocal' });
    expect(confocal.columns.find((c) => c.name === 'metadata_schema_id')).toMatchObject({ from: 'template' });
    const histology = await h.ok('checkSubmissionMetadata', { target: 'hubmap:histology' });
    expect(histology).toMatchObject({ target: 'hubmap:histology', format: null, columns: [] });
    expect(codeOf(await h.call('checkSubmissionMetadata', { target: 'hubmap:nope' }))).toBe('INVALID_VALUE');
  });
});
