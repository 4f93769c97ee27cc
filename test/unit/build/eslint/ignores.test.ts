/**
 * `eslint .` lints this checkout's code and nothing git ignores: the benchmark keeps whole builds
 * of other revisions (bench-builds/) and its corpora in the checkout, which would otherwise be
 * linted with it, many times over.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../../..');

it('ignores every folder .gitignore names, and lints the sources', async () => {
  const eslint = new ESLint({ cwd: ROOT });
  const folders = readFileSync(path.join(ROOT, '.gitignore'), 'utf8')
    .split('\n')
    .filter((line) => line.endsWith('/'));
  const linted = [];
  for (const folder of folders)
    if (!(await eslint.isPathIgnored(path.join(ROOT, folder, 'electron/cli/acqmeta.ts')))) linted.push(folder);
  expect(linted).toEqual([]);
  expect(await eslint.isPathIgnored(path.join(ROOT, 'electron/cli/acqmeta.ts'))).toBe(false);
});
