/**
 * Test helper: the folders of test/fixtures/submission/directory-cases.json, each with the
 * verdict HuBMAP's `directory_validator.py` gave on it, and how to make one on disk.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import cases from '../../../../fixtures/submission/directory-cases.json';

/** One folder, the schema version it was checked against, and the validator's verdict. */
export interface DirectoryCase {
  schema: string;
  case: string;
  entries: string[];
  ignore: string[];
  not_allowed: string[];
  missing: string[];
}

/** Every case of the fixture. */
export const DIRECTORY_CASES = cases.cases as DirectoryCase[];

/** The validator the verdicts come from: its repository path and commit. */
export const CASES_VALIDATOR = cases.validator;

/** Makes the folder a case describes at `root` (which must not exist): files empty, `x/` an empty folder. */
export async function buildCaseFolder(root: string, entries: readonly string[]): Promise<void> {
  await mkdir(root);
  for (const entry of entries) {
    const target = path.join(root, entry);
    if (entry.endsWith('/')) await mkdir(target, { recursive: true });
    else {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, '');
    }
  }
}
