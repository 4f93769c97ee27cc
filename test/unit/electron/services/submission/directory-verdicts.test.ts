import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDatasetPaths } from '../../../../../electron/services/folder';
import { HUBMAP_DIRECTORY_SCHEMAS, checkDirectory, findTarget } from '../../../../../shared/submission';
import { buildCaseFolder, CASES_VALIDATOR, DIRECTORY_CASES } from './directory-cases';

const all = DIRECTORY_CASES;
const schemas = HUBMAP_DIRECTORY_SCHEMAS.schemas.map((s) => `${s.assay}-v${s.version}`);

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'acqmeta-hubmap-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('the folder-layout check against directory_validator.py', () => {
  it('has at least 20 folders for each bundled schema, from the bundled schemas', () => {
    expect(CASES_VALIDATOR.path).toBe('src/ingest_validation_tools/directory_validator.py');
    for (const schema of schemas) expect(all.filter((c) => c.schema === schema).length).toBeGreaterThanOrEqual(20);
    expect(new Set(all.map((c) => c.schema))).toEqual(new Set(schemas));
  });

  it.each(schemas)('gives the validator’s verdict on every folder for %s', async (name) => {
    const schema = findTarget(`hubmap:${name}`);
    expect(schema).not.toBeNull();
    const verdicts = [];
    const expected = [];
    for (const [i, folder] of all.filter((c) => c.schema === name).entries()) {
      const root = path.join(tmp, `${name}-${i}`);
      await buildCaseFolder(root, folder.entries);
      const verdict = checkDirectory(await listDatasetPaths(root), schema!, folder.ignore);
      verdicts.push({ case: folder.case, not_allowed: verdict.notAllowed, missing: verdict.missing });
      expected.push({ case: folder.case, not_allowed: folder.not_allowed, missing: folder.missing });
    }
    expect(verdicts).toEqual(expected);
  });
});
