import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint, RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { noDeepImport } from '../../../../build/eslint/doors.mjs';

const ROOT = path.resolve(__dirname, '../../../..');

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/**
 * A small tree of rooms: `services/folder` has a door (and a room with a door of its own inside),
 * `services/loose` has none.
 */
const tree = mkdtempSync(path.join(tmpdir(), 'acqmeta-doors-'));
for (const file of [
  'services/folder/index.ts',
  'services/folder/list.ts',
  'services/folder/inner/index.ts',
  'services/folder/inner/deep.ts',
  'services/loose/plain.ts',
  'services/view/index.tsx',
  'services/view/panel.tsx',
]) {
  mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
  writeFileSync(path.join(tree, file), 'export const x = 1;\n');
}
afterAll(() => rmSync(tree, { recursive: true, force: true }));

const at = (file: string) => path.join(tree, file);

new RuleTester({ languageOptions: { parser: tseslint.parser } }).run('doors/no-deep-import', noDeepImport, {
  valid: [
    { filename: at('cli/cmd.ts'), code: "import { x } from '../services/folder';" },
    { filename: at('cli/cmd.ts'), code: "import { x } from '../services/folder/index';" },
    { filename: at('cli/cmd.ts'), code: "import { x } from '../services/loose/plain';" },
    { filename: at('cli/cmd.ts'), code: "import { x } from '../services/view';" },
    { filename: at('cli/cmd.ts'), code: "import path from 'node:path';" },
    { filename: at('cli/cmd.ts'), code: "import { x } from '../services/folder/missing';" },
    // inside its own room a file opens every door but the inner rooms'
    { filename: at('services/folder/list.ts'), code: "import { x } from './inner';" },
    { filename: at('services/folder/inner/deep.ts'), code: "import { x } from '../list';" },
    // a test under a mirrored folder opens the room at the same place in the source
    {
      filename: at('tests/folder/list.test.ts'),
      code: "import { x } from '../../services/folder/list';",
      options: [{ mirrors: { [at('tests')]: at('services') } }],
    },
  ],
  invalid: [
    // and every other room only through its door
    {
      filename: at('tests/folder/list.test.ts'),
      code: "import { x } from '../../services/view/panel';",
      options: [{ mirrors: { [at('tests')]: at('services') } }],
      errors: [{ messageId: 'deep' }],
    },
    {
      filename: at('cli/cmd.ts'),
      code: "import { x } from '../services/folder/list';",
      errors: [
        {
          messageId: 'deep',
          data: {
            specifier: '../services/folder/list',
            folder: path.relative(process.cwd(), at('services/folder')),
            door: '../services/folder',
          },
        },
      ],
    },
    {
      filename: at('cli/cmd.ts'),
      code: "import type { X } from '../services/folder/list';",
      errors: [{ messageId: 'deep' }],
    },
    { filename: at('cli/cmd.ts'), code: "export * from '../services/folder/list';", errors: [{ messageId: 'deep' }] },
    {
      filename: at('cli/cmd.ts'),
      code: "export { x } from '../services/view/panel';",
      errors: [{ messageId: 'deep' }],
    },
    {
      filename: at('cli/cmd.ts'),
      code: "const list = import('../services/folder/list');",
      errors: [{ messageId: 'deep' }],
    },
    // a room's inner room is entered through the outer door from outside
    {
      filename: at('cli/cmd.ts'),
      code: "import { x } from '../services/folder/inner';",
      errors: [{ messageId: 'deep' }],
    },
    // and through its own door from the outer room
    {
      filename: at('services/folder/list.ts'),
      code: "import { x } from './inner/deep';",
      errors: [{ messageId: 'deep' }],
    },
    // services count too
    {
      filename: at('services/rows/row.ts'),
      code: "import { x } from '../folder/list';",
      errors: [
        {
          messageId: 'deep',
          data: {
            specifier: '../folder/list',
            folder: path.relative(process.cwd(), at('services/folder')),
            door: '../folder',
          },
        },
      ],
    },
  ],
});

describe('the repository lint configuration', () => {
  const eslint = new ESLint({ cwd: ROOT });
  /** The messages of the door rule for `code` written in the repository's file `file`. */
  async function doorMessages(file: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'doors/no-deep-import').map((m) => m.message);
  }

  it('fails on the command line importing a service past its door, and passes through the door', async () => {
    expect(
      await doorMessages('electron/cli/probe.ts', "export { listImages } from '../services/folder/list-images';"),
    ).toEqual([
      "'../services/folder/list-images' reaches past the door of electron/services/folder/: import from '../services/folder' (its index.ts), exporting there what is needed.",
    ]);
    expect(await doorMessages('electron/cli/probe.ts', "export { listImages } from '../services/folder';")).toEqual([]);
  });

  it('holds for the server, main, services and the renderer store', async () => {
    expect(
      await doorMessages(
        'electron/server/probe.ts',
        "export { createBackend } from '../services/backend/create-backend';",
      ),
    ).toHaveLength(1);
    expect(
      await doorMessages('electron/main/probe.ts', "export type { FileStamp } from '../services/disk/file-stamp';"),
    ).toHaveLength(1);
    expect(
      await doorMessages('electron/services/rows/probe.ts', "export { listAhead } from '../folder/list-ahead';"),
    ).toHaveLength(1);
    expect(
      await doorMessages('renderer/src/app/probe.ts', "export { filterRows } from '../store/filter/row-filter';"),
    ).toHaveLength(1);
    expect(
      await doorMessages(
        'renderer/src/app/probe.ts',
        "export { completeness } from '../../../shared/profile/completeness';",
      ),
    ).toHaveLength(1);
  });

  it('lets a renderer unit test open only the room its path mirrors', async () => {
    expect(
      await doorMessages(
        'test/unit/renderer/convert/probe.test.ts',
        "export { matchingFolders } from '../../../../renderer/src/convert/folder-suggestions';",
      ),
    ).toEqual([]);
    expect(
      await doorMessages(
        'test/unit/renderer/store/probe.test.ts',
        "export { imageJournalKey } from '../../../../renderer/src/journal/journal-slice';",
      ),
    ).toEqual([
      "'../../../../renderer/src/journal/journal-slice' reaches past the door of renderer/src/journal/: import from '../../../../renderer/src/journal' (its index.ts), exporting there what is needed.",
    ]);
  });

  it('lets a unit test open the room it tests', async () => {
    expect(
      await doorMessages(
        'test/unit/electron/services/folder/probe.test.ts',
        "export { listImages } from '../../../../../electron/services/folder/list-images';",
      ),
    ).toEqual([]);
  });
});
