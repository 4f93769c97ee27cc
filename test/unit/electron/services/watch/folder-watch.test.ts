import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchFolder, type FolderWatch } from '../../../../../electron/services/watch';
import { startNativeWatch } from '../../../../../electron/services/watch/native-watch';

const relevant = (name: string) => name.endsWith('.tif') || name.endsWith('.json');

/** An acqstore collection manifest listing `count` images, `acq_images/m0`… */
function collectionManifest(count: number): string {
  const images = Array.from({ length: count }, (_, i) => ({
    ome_zarr_path: `acq_images/m${i}`,
    sidecar_path: `acq_images/m${i}/acqstore/acq_image.json`,
  }));
  return JSON.stringify({ format: 'acqstore-acq-image-collection', version: 1, acq_images: images });
}
const timing = { quietMs: 30, maxWaitMs: 200 };

describe.each(['native', 'poll'] as const)('watchFolder (%s)', (mode) => {
  let dir: string;
  let watch: FolderWatch | null = null;
  let batches: string[][];
  let waiting: { matches: (paths: string[]) => boolean; resolve: () => void } | null;

  afterEach(async () => {
    await watch?.stop();
    watch = null;
    rmSync(dir, { recursive: true, force: true });
  });

  /** Starts watching a fresh folder holding `a/one.tif`, and the folders `also` (relative) made before. */
  async function start(...also: string[]): Promise<void> {
    dir = mkdtempSync(path.join(tmpdir(), 'acqmeta-watch-'));
    mkdirSync(path.join(dir, 'a'));
    writeFileSync(path.join(dir, 'a/one.tif'), 'x');
    for (const folder of also) mkdirSync(path.join(dir, folder), { recursive: true });
    batches = [];
    waiting = null;
    watch = await watchFolder(
      dir,
      async (paths) => {
        batches.push(paths);
        if (waiting?.matches(paths) === true) waiting.resolve();
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

  /** Runs `change` and resolves once a batch holds the path `file` itself. */
  function reported(file: string, change: () => void): Promise<void> {
    return new Promise((resolve) => {
      waiting = { matches: (paths) => paths.includes(file), resolve };
      change();
    });
  }

  /** Runs `change` and resolves once a batch names `rel`. */
  function after(rel: string, change: () => void): Promise<void> {
    return new Promise((resolve) => {
      waiting = { matches: (paths) => paths.some((p) => names(p, rel)), resolve };
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
    await reported(file, () => writeFileSync(file, '{"multiscales": []}'));
  });

  it('reports the store documents a row is read from one folder down, and no chunk', async () => {
    await start('a/b.ome.zarr/0/0/c/0', 'a/b.ome.zarr/acqstore', 'a/b.ome.zarr/OME');
    const store = path.join(dir, 'a/b.ome.zarr');
    for (const key of ['0/.zattrs', 'OME/METADATA.ome.xml', 'acqstore/acq_image.json']) {
      const file = path.join(store, key);
      await reported(file, () => {
        writeFileSync(path.join(store, '0/0/c/0/0'), key); // a chunk written meanwhile
        writeFileSync(file, key);
      });
    }
    expect(batches.flat().filter((p) => p.includes(`${path.sep}c${path.sep}`))).toEqual([]);
  });

  it('watches a collection’s listed images: their sidecars, and no chunk', async () => {
    const collection = 'a/lab.ome.zarr';
    const inCollection = (rel: string) => path.join(dir, collection, rel);
    await start(`${collection}/acqstore`, ...[0, 1, 2].map((i) => `${collection}/acq_images/m${i}/acqstore`));
    mkdirSync(inCollection('acq_images/m0/0/c/0'), { recursive: true });
    const manifest = inCollection('acqstore/acq_image_collection.json');
    await reported(manifest, () => writeFileSync(manifest, collectionManifest(3)));
    for (const i of [0, 2]) {
      const sidecar = inCollection(`acq_images/m${i}/acqstore/acq_image.json`);
      await reported(sidecar, () => {
        writeFileSync(inCollection('acq_images/m0/0/c/0/0'), String(i)); // a chunk written meanwhile
        writeFileSync(sidecar, '{}');
      });
    }
    expect(batches.flat().filter((p) => p.includes(`${path.sep}c${path.sep}`))).toEqual([]);
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

describe('a Zarr store moved into a watched folder (Linux)', () => {
  it.runIf(process.platform === 'linux')('is followed at its root and levels, not its chunk folders', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'acqmeta-watch-'));
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'acqmeta-store-'));
    const made = path.join(elsewhere, 'cells.ome.zarr');
    for (let z = 0; z < 5; z++)
      for (let y = 0; y < 100; y++) mkdirSync(path.join(made, '0', 'c', `${z}`, `${y}`), { recursive: true });
    writeFileSync(path.join(made, 'zarr.json'), '{}');
    const store = path.join(dir, 'cells.ome.zarr');
    // Reported twice: by the folder's watch when it comes, then once its own subscription is in place.
    let reports = 0;
    let followed: () => void = () => undefined;
    const inPlace = new Promise<void>((resolve) => (followed = resolve));
    const before = inotifyWatches();
    const watch = await startNativeWatch(
      dir,
      (paths) => {
        reports += paths.filter((p) => p === store).length;
        if (reports >= 2) followed();
      },
      () => undefined,
      relevant,
    );
    try {
      renameSync(made, store);
      await inPlace;
      // the open folder, the store, and its level
      expect(inotifyWatches() - before).toBe(3);
    } finally {
      await watch.stop();
      rmSync(dir, { recursive: true, force: true });
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
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

describe('polling a large collection', () => {
  it('starts on a collection listing 20,000 images: more documents than one call takes as arguments', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'acqmeta-watch-'));
    try {
      mkdirSync(path.join(dir, 'lab.ome.zarr/acqstore'), { recursive: true });
      writeFileSync(path.join(dir, 'lab.ome.zarr/acqstore/acq_image_collection.json'), collectionManifest(20_000));
      const watch = await watchFolder(dir, async () => undefined, relevant, { mode: 'poll', pollIntervalMs: 60_000 });
      expect(watch.mode).toBe('poll');
      await watch.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
