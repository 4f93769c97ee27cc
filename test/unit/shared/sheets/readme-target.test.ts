import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Acquisition } from '../../../../shared/acquisition/acquisition-types';
import type { ImageRow } from '../../../../shared/api';
import { EDITABLE_FIELDS, type FieldValues } from '../../../../shared/fields/field-table';
import { datasetReadme } from '../../../../shared/sheets/dataset-readme';
import { methodsDraft } from '../../../../shared/sheets/methods-draft';
import { targetReport } from '../../../../shared/sheets/readme-target';
import { resolveTarget, type SubmissionTarget } from '../../../../shared/submission';

const NIKON = (
  JSON.parse(readFileSync(new URL('../../../fixtures/formats/expected.json', import.meta.url), 'utf8')) as Record<
    string,
    { acquisition: Acquisition }
  >
)['nd2/pims_nd2_cluster.nd2']!.acquisition;
const DEFAULTS: FieldValues = Object.fromEntries(EDITABLE_FIELDS.map((f) => [f.name, f.default]));

function row(path: string, acquisition?: Acquisition): ImageRow {
  return {
    path,
    format: 'nd2',
    header: null,
    fileCalibration: null,
    ...(acquisition === undefined ? {} : { acquisition }),
    sidecar: 'ok',
    version: null,
    values: { ...DEFAULTS, species: 'mouse' },
    errors: [],
    profile: 'acqmeta.profile.json',
    profileProblems: [],
  };
}

const ROWS = [row('raw/images/a.nd2', NIKON), row('raw/images/b.nd2', NIKON), row('raw/images/c.nd2')];
const PATHS = ['raw/images/a.nd2', 'raw/images/b.nd2', 'raw/images/c.nd2', 'raw/channel_layout.tsv', 'notes.txt'];
const INPUT = { folderName: 'cohort3', rows: ROWS, profiles: [], today: '2026-11-25' };
const target = (name: string) => resolveTarget(name) as SubmissionTarget;
const withTarget = (name: string) => ({
  ...INPUT,
  target: targetReport(target(name), 'acqmeta.profile.json', PATHS, 'cohort3', ROWS),
});

/** The readme's lines from `## Submission target` to the next section. */
const section = (text: string) => /## Submission target\n[\s\S]*?\n\n(?=## )/.exec(text)?.[0] ?? '';

describe('the drafts with a submission target in force', () => {
  it('the readme names the target, the layout verdict and the required metadata cells by column', () => {
    const lines = section(datasetReadme(withTarget('hubmap:confocal'))).split('\n');
    expect(lines[2]).toBe(
      'Submission target: HuBMAP confocal (directory schema v2.3, metadata schema id 3829a2c4-e29b-4dca-91f2-af3d427ed57b), named by the lab profile `acqmeta.profile.json`. Still missing for it:',
    );
    expect(lines[4]).toMatch(
      /^- \*\*Folder layout\*\* \(checked against `hubmap:confocal-v2\.3`, 5 paths\): \d+ required patterns missing: `.*extras\\\/microscope_hardware\\\.json\$`.*; 1 path not allowed\.$/,
    );
    // the vendor: one image records none, so the dataset's is left to the person
    expect(lines[5]).toMatch(
      /^- \*\*Metadata file\*\* \(`acqmeta export --format hubmap:confocal`\): \d+ required cells to fill: .*`parent_sample_id`.*`acquisition_instrument_vendor`.*`data_path`, `raw\/channel_layout\.tsv`, `extras\/microscope_hardware\.json`\.$/,
    );
  });

  it('for HTAN, one row per image: each required attribute with the images that lack it; no layout', () => {
    const text = section(datasetReadme(withTarget('htan:imaging-level-2')));
    expect(text).toContain('Submission target: HTAN Imaging Level 2 (CSV manifest)');
    expect(text).toContain('- **Folder layout:** the target has no directory schema.');
    expect(text).toMatch(/required cells to fill: .*`Microscope` \(1 image\)/);
    expect(text).toMatch(/`HTAN Parent Biospecimen ID` \(3 images\)|`HTAN Data File ID` \(3 images\)/);
  });

  it('the Methods draft gets one sentence naming the target, and nothing more', () => {
    const plain = methodsDraft(INPUT);
    expect(methodsDraft(withTarget('hubmap:confocal-v2.0'))).toBe(
      `${plain}\n**Data deposition.** Data were prepared for deposition to HuBMAP (confocal, directory schema v2.0).\n`,
    );
    expect(methodsDraft(withTarget('htan:imaging-level-2'))).toContain(
      'Data were prepared for deposition to HTAN (Imaging Level 2).',
    );
  });

  it('without a target the readme has no such section, and with one nothing else changes', () => {
    const plain = datasetReadme(INPUT);
    expect(plain).not.toContain('Submission target');
    const targeted = datasetReadme(withTarget('hubmap:segmentation-mask'));
    expect(targeted.replace(section(targeted), '')).toBe(plain);
    expect(section(targeted)).toContain(
      '- **Metadata file** (`acqmeta export --format hubmap:segmentation-mask`): 4 required cells to fill: `parent_dataset_id`, `derived_dataset_protocol_doi`, `data_path`, `is_cell_type_annotation_included`.',
    );
  });
});
