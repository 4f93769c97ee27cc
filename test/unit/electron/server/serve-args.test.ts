import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseServeArgs } from '../../../../electron/server/serve-args';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'acqmeta-args-'));
  writeFileSync(path.join(dir, 'file.tif'), '');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseServeArgs', () => {
  it('reads --root (relative to the working folder), --port and --config-dir', () => {
    expect(parseServeArgs(['--root', '.', '--port', '8080'], dir)).toEqual({ root: dir, port: 8080, configDir: null });
    expect(parseServeArgs([`--root=${dir}`, '--config-dir', 'settings'], '/')).toEqual({
      root: dir,
      port: 0,
      configDir: '/settings',
    });
  });

  it.each([
    [[], '--root <folder> is required.'],
    [['--root'], '--root needs a value.'],
    [['--root', 'missing'], 'does not exist'],
    [['--root', 'file.tif'], 'is not a folder'],
    [['--root', '.', '--port', 'http'], '--port must be a number from 0 to 65535, not http.'],
    [['--root', '.', '--port', '70000'], '--port must be a number'],
    [['--root', '.', '--host', '0.0.0.0'], 'Unknown option --host.'],
  ])('explains what is wrong with %j', (argv, message) => {
    const result = parseServeArgs(argv, dir);
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toContain(message);
  });
});
