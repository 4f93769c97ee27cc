import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, it } from 'vitest';
import { noCycle } from '../../../../build/eslint/cycles.mjs';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/**
 * A small tree: `a` and `b` import each other for a type, `c` → `d` → `e` → `c` by values,
 * `door/index.ts` re-exports `door/inner.ts`, which imports the door, and `up/x.ts` and
 * `down/y.ts` import each other across folders.
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
    // between folders the doors and the rooms' order rule
    at('up/x.ts'),
  ],
  invalid: [
    { ...at('room/a.ts'), errors: [{ messageId: 'cycle' }] },
    { ...at('room/c.ts'), errors: [{ messageId: 'cycle' }] },
    { ...at('room/e.ts'), errors: [{ messageId: 'cycle' }] },
  ],
});
