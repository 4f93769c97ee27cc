import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint, RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { oneWay, RENDERER_ROOM_ORDER, ROOM_ORDER } from '../../../../build/eslint/rooms.mjs';

const ROOT = path.resolve(__dirname, '../../../..');

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** A small services folder: rooms `disk` and `rows` (listed), `attic` (not listed), a file beside them. */
const tree = mkdtempSync(path.join(tmpdir(), 'acqmeta-rooms-'));
for (const file of [
  'electron/services/disk/index.ts',
  'electron/services/rows/index.ts',
  'electron/services/rows/row.ts',
  'electron/services/attic/index.ts',
  'electron/services/process-tuning.ts',
]) {
  mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
  writeFileSync(path.join(tree, file), 'export const x = 1;\n');
}
afterAll(() => rmSync(tree, { recursive: true, force: true }));

const at = (file: string) => path.join(tree, 'electron/services', file);

new RuleTester({ languageOptions: { parser: tseslint.parser } }).run('rooms/one-way', oneWay, {
  valid: [
    { filename: at('rows/row.ts'), code: "import { x } from '../disk';" },
    { filename: at('rows/row.ts'), code: "import { x } from './index';" },
    { filename: at('disk/index.ts'), code: "import { x } from '../process-tuning';" },
    { filename: at('disk/index.ts'), code: "import { x } from '../../../shared/api';" },
    { filename: path.join(tree, 'electron/cli/cmd.ts'), code: "import { x } from '../services/rows';" },
  ],
  invalid: [
    {
      filename: at('disk/index.ts'),
      code: "import { x } from '../rows';",
      errors: [{ messageId: 'backwards', data: { house: 'services', room: 'disk', other: 'rows' } }],
    },
    {
      filename: at('disk/index.ts'),
      code: "import type { X } from '../rows/row';",
      errors: [{ messageId: 'backwards' }],
    },
    { filename: at('disk/index.ts'), code: "export * from '../rows';", errors: [{ messageId: 'backwards' }] },
    { filename: at('disk/index.ts'), code: "const rows = import('../rows');", errors: [{ messageId: 'backwards' }] },
    {
      filename: at('rows/row.ts'),
      code: "import { x } from '../attic';",
      errors: [{ messageId: 'unlisted', data: { house: 'services', name: 'attic' } }],
    },
  ],
});

describe('the room order of the repository', () => {
  const services = path.join(ROOT, 'electron/services');

  it('lists every room of electron/services/, once', () => {
    const rooms = readdirSync(services).filter((name) => statSync(path.join(services, name)).isDirectory());
    expect([...ROOM_ORDER].sort()).toEqual(rooms.sort());
    expect(new Set(ROOM_ORDER).size).toBe(ROOM_ORDER.length);
  });

  it('fails the lint on a room importing one that imports it back', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const [result] = await eslint.lintText("export { scanImage } from '../rows';\n", {
      filePath: path.join(services, 'channels/probe.ts'),
    });
    expect((result?.messages ?? []).filter((m) => m.ruleId === 'rooms/one-way').map((m) => m.message)).toEqual([
      'services/channels may not import services/rows: rows comes after channels in the room order (build/eslint/rooms.mjs), and rooms import one way only. Move what channels needs down into it or a room before it.',
    ]);
  });

  const renderer = path.join(ROOT, 'renderer/src');

  it('lists every room of renderer/src/ that holds code, once', () => {
    const rooms = readdirSync(renderer).filter(
      (name) => statSync(path.join(renderer, name)).isDirectory() && name !== 'styles',
    );
    expect([...RENDERER_ROOM_ORDER].sort()).toEqual(rooms.sort());
    expect(new Set(RENDERER_ROOM_ORDER).size).toBe(RENDERER_ROOM_ORDER.length);
  });

  it('fails the lint on a renderer capability importing the shell, or the store a capability', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const messages = async (file: string, code: string) => {
      const [result] = await eslint.lintText(code, { filePath: path.join(renderer, file) });
      return (result?.messages ?? []).filter((m) => m.ruleId === 'rooms/one-way').map((m) => m.message);
    };
    expect(await messages('convert/probe.ts', "export { App } from '../app';\n")).toEqual([
      'renderer/src/convert may not import renderer/src/app: app comes after convert in the room order (build/eslint/rooms.mjs), and rooms import one way only. Move what convert needs down into it or a room before it.',
    ]);
    expect(await messages('store/probe.ts', "import type { ConvertEvent } from '../convert';\n")).toHaveLength(1);
    expect(await messages('convert/probe.ts', "import { useApp } from '../store';\n")).toEqual([]);
  });
});
