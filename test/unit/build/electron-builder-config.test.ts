import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

interface Config {
  appId: string;
  productName: string;
  directories: { buildResources: string; output: string };
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  buildDependenciesFromSource: boolean;
  extraResources: Array<{ from: string; to: string }>;
  linux: { target: string[]; category: string; icon: string; maintainer: string };
  mac: { target: string; icon: string };
  win: { target: string; icon: string };
}

const config = yaml.load(readFileSync(path.join(ROOT, 'build/electron-builder.yml'), 'utf8')) as Config;

describe('build/electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and packs dist/ and package.json', () => {
    expect(config.appId).toBe('org.acqmeta.app');
    expect(config.productName).toBe('AcqMeta');
    expect(config.directories.buildResources).toBe('build');
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'package.json']));
  });

  it("keeps the scan, write and convert workers and the watcher's and the index's native modules out of app.asar, where they can be loaded", () => {
    expect(config.asarUnpack).toEqual([
      'dist/electron/scan-worker.cjs',
      'dist/electron/preview-decoder.cjs',
      'dist/electron/write-worker.cjs',
      'dist/electron/convert-worker.cjs',
      'node_modules/@parcel/watcher*/**',
      'node_modules/better-sqlite3/**',
    ]);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies)).toEqual(['@parcel/watcher', 'better-sqlite3']);
  });

  it('rebuilds better-sqlite3 from source for the Electron it packs (no prebuilt binary can be downloaded)', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(true);
  });

  it('builds AppImage and deb (Science), dmg and nsis', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Science');
    expect(config.linux.maintainer).toMatch(/^.+ <.+@.+>$/);
    expect(config.mac.target).toBe('dmg');
    expect(config.win.target).toBe('nsis');
  });

  it('ships the sample folder where the app looks for it', () => {
    expect(config.extraResources).toEqual([{ from: 'build/sample-folder', to: 'sample-folder' }]);
    expect(statSync(path.join(ROOT, 'build/sample-folder')).isDirectory()).toBe(true);
  });

  it('points at icons that exist, with every Linux size from 16 to 1024', () => {
    expect(readFileSync(path.join(ROOT, config.mac.icon)).subarray(0, 4).toString('latin1')).toBe('icns');
    expect([...readFileSync(path.join(ROOT, config.win.icon)).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    const linuxIcons = readdirSync(path.join(ROOT, config.linux.icon));
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) expect(linuxIcons).toContain(`${size}x${size}.png`);
    expect(existsSync(path.join(ROOT, 'build/icons/icon.png'))).toBe(true);
  });

  it('has PNGs of the size their names say', () => {
    for (const name of readdirSync(path.join(ROOT, 'build/icons')).filter((n) => /^\d+x\d+\.png$/.test(n))) {
      const png = readFileSync(path.join(ROOT, 'build/icons', name));
      const size = Number(name.split('x')[0]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});
