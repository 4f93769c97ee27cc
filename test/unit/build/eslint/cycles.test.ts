import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { noCycle } from '../../../../build/eslint/cycles.mjs';
import { circlesAmong, sourceFiles } from '../../../../build/eslint/import-graph.mjs';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/**
 * A small tree: `a` and `b` import each other for a type, `c` → `d` → `e` → `c` by values,
 * `door/index.ts` re-exports `door/inner.ts`, which imports the door, `up/x.ts` and
 * `down/y.ts` import each other across folders, and `leaf/types.ts` → `api/api.ts` →
 * `api/api-types.ts` → `leaf/types.ts` for types only, across folders.
 */
const tree = mkdtempSync(path.join(tmpdir(), 'acqmeta-cycles-'));
const files: Record<string, string> = {
  'room/a.ts': "import type { B } from './b';\nexport type A = B;\n",
  'room/b.ts': "import type { A } from './a';\nexport type B = A | 1;\n",
  'room/c.ts': "import { d } from './d';\nexport const c = d;\n",
  'room/d.ts': "import { e } from './e';\nexport const d = e;\n",
  'room/e.ts': "export const e = () => import('./c');\n",
  'room/plain.ts': "import { d } from './d';\nexport const plain = d;\n",
  'door/index.ts': "export { inner } from './inner';\n",
  'door/inner.ts': "import type { Door } from './index';\nexport const inner = 1 as unknown as Door;\n",
  'up/x.ts': "import { y } from '../down/y';\nexport const x = y;\n",
  'down/y.ts': "import { x } from '../up/x';\nexport const y = x;\n",
  'leaf/types.ts': "import type { Header } from '../api/api';\nexport type Format = { header: Header };\n",
  'api/api.ts': "import type { Row } from './api-types';\nexport type Header = { row?: Row };\n",
  'api/api-types.ts': "import type { Format } from '../leaf/types';\nexport type Row = { format: Format };\n",
  'api/user.ts': "import type { Row } from './api-types';\nexport type Rows = Row[];\n",
};
for (const [file, code] of Object.entries(files)) {
  mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
  writeFileSync(path.join(tree, file), code);
}
afterAll(() => rmSync(tree, { recursive: true, force: true }));

const at = (file: string) => ({ filename: path.join(tree, file), code: files[file] as string });

new RuleTester({ languageOptions: { parser: tseslint.parser } }).run('cycles/no-cycle', noCycle, {
  valid: [
    // imports into a circle, not part of it
    at('room/plain.ts'),
    // a door's re-export is not an import of its own
    at('door/index.ts'),
    at('door/inner.ts'),
    // imports into a circle across folders, not part of it
    at('api/user.ts'),
  ],
  invalid: [
    { ...at('room/a.ts'), errors: [{ messageId: 'cycle' }] },
    { ...at('room/c.ts'), errors: [{ messageId: 'cycle' }] },
    { ...at('room/e.ts'), errors: [{ messageId: 'cycle' }] },
    { ...at('up/x.ts'), errors: [{ messageId: 'cycle' }] },
    {
      ...at('leaf/types.ts'),
      errors: [{ message: /leaf\/types\.ts → \S*api\/api\.ts → \S*api\/api-types\.ts → \S*leaf\/types\.ts\./ }],
    },
  ],
});

describe('the whole-tree check', () => {
  it('finds every circle, across folders and for types', () => {
    const circles = circlesAmong(sourceFiles(tree)).map((circle) =>
      circle.map((file) => path.relative(tree, file).split(path.sep).join('/')),
    );
    expect(circles).toEqual(
      expect.arrayContaining([
        ['api/api-types.ts', 'api/api.ts', 'leaf/types.ts'],
        ['down/y.ts', 'up/x.ts'],
        ['room/a.ts', 'room/b.ts'],
        ['room/c.ts', 'room/d.ts', 'room/e.ts'],
      ]),
    );
    expect(circles).toHaveLength(4);
  });

  it('finds none in shared/, electron/ and renderer/', () => {
    const root = path.resolve(__dirname, '../../../..');
    const files = ['shared', 'electron', 'renderer'].flatMap((folder) => sourceFiles(path.join(root, folder)));
    expect(circlesAmong(files).map((circle) => circle.map((file) => path.relative(root, file)))).toEqual([]);
  }, 60_000);
});
