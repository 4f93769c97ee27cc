import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * A project copy whose `electron` package behaves like the real one on a machine without the
 * binary: requiring it runs its installer, whose download fails with a stack trace on stderr.
 */
function projectWithoutElectronBinary(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'acqmeta-start-'));
  mkdirSync(path.join(dir, 'build/scripts'), { recursive: true });
  copyFileSync(path.join(ROOT, 'build/scripts/start.mjs'), path.join(dir, 'build/scripts/start.mjs'));
  const electron = path.join(dir, 'node_modules/electron');
  mkdirSync(electron, { recursive: true });
  writeFileSync(
    path.join(electron, 'package.json'),
    JSON.stringify({ name: 'electron', version: '45.4.1', main: 'index.js' }),
  );
  writeFileSync(
    path.join(electron, 'index.js'),
    [
      "const { spawnSync } = require('child_process');",
      "console.log('Downloading Electron binary...');",
      "const run = spawnSync(process.execPath, [require('path').join(__dirname, 'install.js')], { stdio: 'inherit' });",
      "if (run.status !== 0) throw new Error('Electron failed to install correctly.');",
    ].join('\n'),
  );
  writeFileSync(
    path.join(electron, 'install.js'),
    "console.error('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:14976:13\\n    at async FetchDownloader.download (file:///x/FetchDownloader.js:46:30)');\nprocess.exit(1);\n",
  );
  return dir;
}

describe('npm start without an Electron binary', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the one clear message and no stack trace, and fails', () => {
    dir = projectWithoutElectronBinary();
    const run = spawnSync(process.execPath, ['build/scripts/start.mjs'], { cwd: dir, encoding: 'utf8' });
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status).toBe(1);
    expect(output).toContain("Electron's binary is not installed and could not be downloaded");
    expect(output).toContain('npm run -s serve -- --root');
    expect(output).not.toMatch(/^\s+at /m);
  });
});
