import { describe, expect, it } from 'vitest';
import type { ImageRow } from '../../../../shared/api';
import { DEFAULT_FIELD_VALUES } from '../../../../shared/fields/field-table';
import type { JournalRecord } from '../../../../shared/journal';
import { datasetReadme } from '../../../../shared/sheets/dataset-readme';
import { provenanceSection } from '../../../../shared/sheets/readme-provenance';

const version = { size: 100, mtime: 0, sha256: 'x' };

/** A write of `path` in batch `batch` at `time`, by ana with the command line unless told. */
function write(batch: string, time: string, path: string, fields: Partial<JournalRecord> = {}): JournalRecord {
  return {
    id: `${batch}-${path}`,
    batch,
    time,
    user: 'ana',
    host: 'lab-pc',
    tool: 'acqmeta',
    action: 'set --set genotype=Thy1',
    path,
    changes: [{ field: 'genotype', old: '', new: 'Thy1' }],
    before: version,
    after: version,
    ...fields,
  };
}

const JOURNAL: JournalRecord[] = [
  write('b1', '2026-11-24T09:15:02Z', 'm1.tif'),
  write('b1', '2026-11-24T09:15:03Z', 'm2.tif'),
  write('b1', '2026-11-24T09:15:03Z', 'day2/m3.tif'),
  write('b2', '2026-11-25T10:00:00Z', 'm1.tif', { user: 'ben', tool: 'AcqMeta', action: 'Preset “Thy1 | cohort 3”' }),
  write('b3', '2026-11-26T08:00:00Z', 'm1.tif', { action: 'restore --before b2' }),
];

function row(path: string): ImageRow {
  return {
    path,
    format: 'tiff',
    header: null,
    fileCalibration: null,
    sidecar: 'ok',
    version: null,
    values: { ...DEFAULT_FIELD_VALUES },
    errors: [],
    profile: null,
    profileProblems: [],
  };
}

describe('provenanceSection', () => {
  it('says who edited, when, with which tools, and the latest actions, newest first', () => {
    expect(provenanceSection(JOURNAL)).toEqual([
      '## Provenance',
      '',
      "AcqMeta's change journal records 5 sidecar writes to 3 images in 3 actions.",
      '',
      '- **Edited by:** ana: 4 writes; ben: 1 write.',
      '- **When:** 2026-11-24 to 2026-11-26 (UTC).',
      '- **Tools:** acqmeta: 4 writes; AcqMeta: 1 write.',
      '',
      'The actions, latest first:',
      '',
      '| Date | By | Tool | Action | Images |',
      '|---|---|---|---|--:|',
      '| 2026-11-26 | ana | acqmeta | restore --before b2 | 1 |',
      '| 2026-11-25 | ben | AcqMeta | Preset “Thy1 \\| cohort 3” | 1 |',
      '| 2026-11-24 | ana | acqmeta | set --set genotype=Thy1 | 3 |',
      '',
      "AcqMeta keeps the full journal (every write: who, when, each field's old and new value, the sidecar's checksum) in `.acqmeta/journal/` of the folder it wrote to: `acqmeta log <folder>` lists it, and `acqmeta export <folder> --format prov` writes it as W3C PROV-JSON.",
    ]);
  });

  it('lists the latest five actions and counts the earlier ones; one day is one date', () => {
    const many = Array.from({ length: 7 }, (_, i) => write(`b${i}`, `2026-11-24T09:0${i}:00Z`, 'm1.tif'));
    const lines = provenanceSection(many);
    expect(lines).toContain('- **When:** 2026-11-24 (UTC).');
    expect(lines).toContain('The latest 5 actions (and 2 earlier):');
    expect(lines.filter((line) => line.startsWith('| 2026-'))).toHaveLength(5);
  });

  it('is empty without records', () => {
    expect(provenanceSection([])).toEqual([]);
  });
});

describe('datasetReadme provenance', () => {
  const input = { folderName: 'vessels', rows: [row('m1.tif'), row('m2.tif')], profiles: [], today: '2026-11-27' };

  it('has the section, before the places to fill in by hand, from the records of the images described', () => {
    const text = datasetReadme({ ...input, journal: JOURNAL });
    expect(text).toContain('## Provenance');
    expect(text.indexOf('## File layout')).toBeLessThan(text.indexOf('## Provenance'));
    expect(text.indexOf('## Provenance')).toBeLessThan(text.indexOf('## To be completed by hand'));
    // day2/m3.tif is not among the rows: its write is left out
    expect(text).toContain('records 4 sidecar writes to 2 images in 3 actions.');
    expect(text).toContain('| 2026-11-24 | ana | acqmeta | set --set genotype=Thy1 | 2 |');
  });

  it('has none, and is otherwise the same readme, without records', () => {
    const without = datasetReadme(input);
    expect(without).not.toContain('Provenance');
    expect(datasetReadme({ ...input, journal: [] })).toBe(without);
    const withSection = datasetReadme({ ...input, journal: JOURNAL });
    const section = withSection.slice(withSection.indexOf('## Provenance'), withSection.indexOf('## To be completed'));
    expect(withSection.replace(section, '')).toBe(without);
  });
});
