import { mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchFolder, type FolderWatch } from '../../../../../electron/services/watch';

const relevant = (name: string) => name.endsWith('.tif') || name.endsWith('.json');
const timing = { quietMs: 30, maxWaitMs: 200 };

describe.each(['native', 'poll'] as const)('watchFolder (%s)', (mode) => {
  let dir: string;
  let watch: FolderWatch | null = null;
  let batches: string[][];
  let waiting: { want: string; resolve: () => void } | null;

  afterEach(async () => {
    await watch?.stop();
    watch = null;
    rmSync(dir, { recursive: true, force: true });
  });

  /** Starts watching a fresh folder holding `a/one.tif`. */
  async function start(): Promise<void> {
    dir = mkdtempSync(path.join(tmpdir(), 'acqmeta-watch-'));
    mkdirSync(path.join(dir, 'a'));
    writeFileSync(path.join(dir, 'a/one.tif'), 'x');
    batches = [];
    waiting = null;
    watch = await watchFolder(
      dir,
      async (paths) => {
        batches.push(paths);
        if (waiting !== null && paths.some((p) => names(p, waiting?.want ?? ''))) waiting.resolve();
      },
      relevant,
      { mode, timing, pollIntervalMs: 50 },
    );
    expect(watch.mode).toBe(mode);
  }

  /**
   * Whether a reported path names `rel`: the file itself, or a new folder holding it (native
   * events may report only the folder when files land in it before its watch is added; the
   * consumer then reads the folder).
   */
  function names(reported: string, rel: string): boolean {
    const file = path.join(dir, rel);
    return reported === file || file.startsWith(`${reported}${path.sep}`);
  }

  /** Runs `change` and resolves once a batch names `rel`. */
  function after(rel: string, change: () => void): Promise<void> {
    return new Promise((resolve) => {
      waiting = { want: rel, resolve };
      change();
    });
  }

  it('reports files that appear, change and disappear, subfolders included', async () => {
    await start();
    await after('a/two.tif', () => writeFileSync(path.join(dir, 'a/two.tif'), 'new'));
    await after('a/one.tif.json', () => writeFileSync(path.join(dir, 'a/one.tif.json'), '{}'));
    await after('a/one.tif', () => rmSync(path.join(dir, 'a/one.tif')));
    mkdirSync(path.join(dir, 'b/c'), { recursive: true });
    await after('b/c/deep.tif', () => writeFileSync(path.join(dir, 'b/c/deep.tif'), 'deep'));
  });

  it('reports a Zarr store’s root metadata, .zattrs included, rewritten in place', async () => {
    await start();
    await after('a/s.ome.zarr/.zattrs', () => {
      mkdirSync(path.join(dir, 'a/s.ome.zarr/0'), { recursive: true });
      writeFileSync(path.join(dir, 'a/s.ome.zarr/.zattrs'), '{}');
    });
    // reported as the file itself, not only as the store folder that came
    const file = path.join(dir, 'a/s.ome.zarr/.zattrs');
    await new Promise<void>((resolve) => {
      waiting = { want: 'a/s.ome.zarr/.zattrs', resolve };
      const poke = (): void => writeFileSync(file, '{"multiscales": []}');
      poke();
    });
    expect(batches.flat()).toContain(file);
  });

  it('does not report hidden files such as our temp files', async () => {
    await start();
    await after('a/last.tif', () => {
      writeFileSync(path.join(dir, 'a/.acqmeta-0-1-x.tmp'), 'temp');
      writeFileSync(path.join(dir, 'a/last.tif'), 'x');
    });
    expect(batches.flat().filter((p) => path.basename(p).startsWith('.'))).toEqual([]);
  });
});

describe('watchFolder on a large tree (Linux)', () => {
  it.runIf(process.platform === 'linux')('uses one inotify watch per folder, not one per file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'acqmeta-watch-'));
    for (let d = 0; d < 20; d++) {
      mkdirSync(path.join(dir, `d${d}`));
      for (let f = 0; f < 100; f++) writeFileSync(path.join(dir, `d${d}`, `f${f}.tif`), '');
    }
    const before = inotifyWatches();
    const watch = await watchFolder(dir, async () => undefined, relevant, { mode: 'native' });
    try {
      expect(inotifyWatches() - before).toBe(21);
    } finally {
      await watch.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(process.platform === 'linux')(
    'watches a Zarr store’s folder and its levels, not its chunk folders',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'acqmeta-watch-'));
      const store = path.join(dir, 'cells.ome.zarr');
      // two levels of 1,000 chunk folders each, as Zarr v3's `c/<z>/<y>/<x>` keys make them
      for (const level of ['0', '1'])
        for (let z = 0; z < 10; z++)
          for (let y = 0; y < 100; y++) mkdirSync(path.join(store, level, 'c', `${z}`, `${y}`), { recursive: true });
      const before = inotifyWatches();
      const watch = await watchFolder(dir, async () => undefined, relevant, { mode: 'native' });
      try {
        // the open folder, the store, and its two levels
        expect(inotifyWatches() - before).toBe(4);
      } finally {
        await watch.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

/** The inotify watches this process holds, from /proc/self/fdinfo. */
function inotifyWatches(): number {
  let count = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    const target = (() => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return ''; // closed meanwhile
      }
    })();
    if (target !== 'anon_inode:inotify') continue;
    count += readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('inotify wd:')).length;
  }
  return count;
}
