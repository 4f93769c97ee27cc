import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledSampleFolder, prepareSampleFolder } from '../../../../electron/main/sample-folder';

describe('bundledSampleFolder', () => {
  it('is in the resources when packaged and in build/ during development', () => {
    expect(bundledSampleFolder(true, '/opt/AcqMeta/resources', '/src')).toBe(
      path.join('/opt/AcqMeta/resources', 'sample-folder'),
    );
    expect(bundledSampleFolder(false, '/unused', '/src')).toBe(path.join('/src', 'build', 'sample-folder'));
  });
});

describe('prepareSampleFolder', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'acqmeta-sample-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copies the sample once and keeps the user edits of the copy', () => {
    const bundled = path.join(dir, 'bundled');
    mkdirSync(path.join(bundled, 'cells'), { recursive: true });
    writeFileSync(path.join(bundled, 'cells', 'a.tif.json'), 'original');
    const copy = prepareSampleFolder(bundled, path.join(dir, 'user'));
    expect(copy).toBe(path.join(dir, 'user', 'Sample Folder'));
    writeFileSync(path.join(copy as string, 'cells', 'a.tif.json'), 'edited');
    expect(prepareSampleFolder(bundled, path.join(dir, 'user'))).toBe(copy);
    expect(readFileSync(path.join(copy as string, 'cells', 'a.tif.json'), 'utf8')).toBe('edited');
    expect(readFileSync(path.join(bundled, 'cells', 'a.tif.json'), 'utf8')).toBe('original');
  });

  it('is null when no sample is bundled', () => {
    expect(prepareSampleFolder(path.join(dir, 'missing'), path.join(dir, 'user'))).toBeNull();
    expect(existsSync(path.join(dir, 'user', 'Sample Folder'))).toBe(false);
  });
});
