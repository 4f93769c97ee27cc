/**
 * The system runs out of inotify watches while a folder is watched natively: the window is
 * told that the folder is polled from now on, and images that come still show.
 */
import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiEvent } from '../../../../../shared/api';
import type { LabCopy } from '../folder/lab-folder';
import { removeTestBundles, startOnLab, stopOnLab, type Harness } from './backend-harness';

const room = vi.hoisted(() => ({ left: true }));
vi.mock('../../../../../electron/services/watch/watch-room', () => ({
  ROOM_CHECK_MS: 20,
  canAddWatch: () => room.left,
}));

describe.runIf(process.platform === 'linux')('backend watching a folder natively, out of watches', () => {
  let copy: LabCopy;
  let h: Harness;
  afterEach(() => stopOnLab(copy, h));
  afterAll(removeTestBundles);

  it('says the folder is polled from now on, and shows an image that came in a new folder', async () => {
    ({ copy, h } = await startOnLab(() => ({
      watch: { mode: 'native', pollIntervalMs: 50, timing: { quietMs: 30, maxWaitMs: 200 } },
    })));
    const watching = (mode: string) => (e: ApiEvent) => e.type === 'folder-watching' && e.mode === mode;
    await h.ok('scanFolder', {});
    await h.waitFor(watching('native'));
    room.left = false;
    await h.waitFor(watching('poll'));
    expect((await h.ok('getSession', {})).watching).toEqual({ root: copy.lab, mode: 'poll' });
    mkdirSync(path.join(copy.lab, 'session-5'));
    cpSync(path.join(copy.lab, 'cells/multi-channel.ome.tif'), path.join(copy.lab, 'session-5/a.tif'));
    await h.waitFor((e) => e.type === 'folder-changed' && e.rows.some((row) => row.path === 'session-5/a.tif'));
  });
});
