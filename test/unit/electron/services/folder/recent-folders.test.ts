import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecentFolders, RECENT_FOLDERS_FILE } from '../../../../../electron/services/folder';

describe('createRecentFolders', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'acqmeta-recent-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the newest first, each folder once, at most ten, across restarts', async () => {
    const config = path.join(dir, 'config');
    const recent = createRecentFolders(config);
    expect(recent.list()).toEqual([]);
    for (let i = 0; i < 12; i++) recent.add(`/data/run-${i}`);
    recent.add('/data/run-5');
    const expected = [
      '/data/run-5',
      '/data/run-11',
      '/data/run-10',
      '/data/run-9',
      '/data/run-8',
      '/data/run-7',
      '/data/run-6',
      '/data/run-4',
      '/data/run-3',
      '/data/run-2',
    ];
    expect(recent.list()).toEqual(expected);
    expect(JSON.parse(await readFile(path.join(config, RECENT_FOLDERS_FILE), 'utf8'))).toEqual(expected);
    expect(createRecentFolders(config).list()).toEqual(expected);
  });

  it('reads a damaged file as an empty list', async () => {
    await writeFile(path.join(dir, RECENT_FOLDERS_FILE), '{ not json');
    expect(createRecentFolders(dir).list()).toEqual([]);
    await writeFile(path.join(dir, RECENT_FOLDERS_FILE), '["/a", 3, null, "/b"]');
    expect(createRecentFolders(dir).list()).toEqual(['/a', '/b']);
  });
});
