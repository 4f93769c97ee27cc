/**
 * What a watch that starts after a scan must catch up on. The open folder is watched once its
 * first scan is over (see LiveFolder), so a file may change after the scan read it and before
 * the watch is in place. The scan notes the stamps of the files it read; one walk after the
 * watch has started then finds those whose stamps differ or that are gone, and what else came
 * or changed since the scan started. Not seen: a file rewritten with the same size within one
 * tick of a coarse file clock, and a sidecar that is a link (the scan notes none) going away.
 */
import type { Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isStoreFolderPath } from '../../../shared/ngff/store-name';
import { imageFormat } from '../folder';
import { mapInOrder } from '../rows';
import type { ScanCache } from '../scan-cache';
import { sidecarPathFor } from '../sidecar';
import { CLOCK_SLACK_MS, snapshot, stampKey } from '../watch';

/**
 * The stamps (see stampKey) a scan saw of an image's files; null where it stamped none. A store
 * read from a folder has none of its own here (its stamp sums its documents, which the walk
 * stamps one by one).
 */
export interface SeenStamps {
  image: string | null;
  sidecar: string | null;
}

/** What a completed scan listed: see {@link missedSinceScan}. */
export interface ScanListed {
  /** When the scan started (ms since the epoch): a file changed since may have been read before it changed. */
  since: number;
  /** Each image it listed (relative to the folder, `/`-separated) and the stamps it read its files with. */
  images: ReadonlyMap<string, SeenStamps>;
}

/** Files stat'ed at once when looking for files changed or gone. */
const STATS_IN_FLIGHT = 64;

/** How far a file's time may lag the clock where it is fine-grained: the kernel stamps files from a clock that ticks every few ms. */
const FINE_CLOCK_SLACK_MS = 100;

/** Whether a file's times are whole seconds, as a coarse file clock (FAT, some shares) writes them. */
const coarse = (info: Stats): boolean => info.mtimeMs % 1000 === 0 && info.ctimeMs % 1000 === 0;

/**
 * Those of `files` changed (written, made or moved) at or after `since`, less the slack of their
 * file clock. A file gone meanwhile counts as changed.
 */
async function changedSince(files: string[], since: number): Promise<string[]> {
  const kept: string[] = [];
  const statted = mapInOrder(files, STATS_IN_FLIGHT, async (file) => ({
    file,
    info: await stat(file).catch(() => null),
  }));
  for await (const { file, info } of statted) {
    const slack = info != null && coarse(info) ? CLOCK_SLACK_MS : FINE_CLOCK_SLACK_MS;
    if (info == null || Math.max(info.mtimeMs, info.ctimeMs) >= since - slack) kept.push(file);
  }
  return kept;
}

/** Where `file` stands now: its stamp (see stampKey) and its real path, or null for both when it is gone. */
async function standing(file: string): Promise<{ stamp: string | null; real: string | null }> {
  const info = await stat(file).catch(() => null);
  if (info === null) return { stamp: null, real: null };
  return { stamp: stampKey(info), real: await realpath(file).catch(() => null) };
}

/** `cache`, noting in `images` the stamps of the files each row was built from. */
export function notingStamps(cache: ScanCache, images: Map<string, SeenStamps>): ScanCache {
  return {
    take: (relPath) => cache.take(relPath),
    keep: (relPath, image) => {
      const sidecar = image.sidecar?.version ?? null;
      images.set(relPath, {
        image: image.image === null || isStoreFolderPath(relPath) ? null : stampKey(image.image.stamp),
        sidecar: sidecar === null ? null : stampKey(sidecar),
      });
      cache.keep(relPath, image);
    },
    finish: (complete) => cache.finish(complete),
  };
}

/**
 * The absolute paths under `root` to read again after the scan that `listed` its images: the
 * images and sidecars it read whose stamps differ now or that are gone; the other files
 * (`relevant` names: a lab profile, a new sidecar, a store's documents) changed since it
 * started; and the images it did not list that changed, or whose folder changed (moved in),
 * since it started, but for those it listed under another path (through a linked folder).
 */
export async function missedSinceScan(
  root: string,
  listed: ScanListed,
  relevant: (name: string) => boolean,
): Promise<string[]> {
  const { seen, changed } = await snapshot(root, relevant, listed.since - CLOCK_SLACK_MS);
  const readWith = new Map<string, string | null>();
  for (const [relPath, stamps] of listed.images) {
    const image = path.join(root, ...relPath.split('/'));
    readWith.set(image, stamps.image);
    if (stamps.sidecar !== null) readWith.set(sidecarPathFor(image), stamps.sidecar);
  }
  const missed = new Set<string>();
  const unseen: string[] = [];
  for (const [file, stamp] of readWith) {
    if (!seen.has(file)) unseen.push(file);
    else if (stamp !== null && seen.get(file) !== stamp) missed.add(file);
  }
  // the walk's slack is for coarse file clocks: a file written just before the scan, on a fine one, did not change since
  const since = await changedSince(
    changed.filter((file) => !seen.has(file) || (readWith.get(file) ?? null) === null),
    listed.since,
  );
  for (const file of since) if (seen.has(file)) missed.add(file);
  const changedFolders = new Set(since.filter((file) => !seen.has(file)));
  const folderChanged = (file: string): boolean => {
    for (let dir = path.dirname(file); dir.length > root.length; dir = path.dirname(dir))
      if (changedFolders.has(dir)) return true;
    return false;
  };
  const unlisted = [...seen.keys()].filter(
    (file) => !readWith.has(file) && imageFormat(file) !== null && (missed.has(file) || folderChanged(file)),
  );
  for (const file of unlisted) missed.delete(file);
  // not walked there (reached through a linked folder), or gone
  const throughLinks = new Set<string>();
  const stood = mapInOrder(unseen, STATS_IN_FLIGHT, async (file) => ({ file, now: await standing(file) }));
  for await (const { file, now } of stood) {
    const stamp = readWith.get(file) ?? null;
    if (now.stamp === null || (stamp !== null && now.stamp !== stamp)) missed.add(file);
    if (now.real !== null) throughLinks.add(now.real);
  }
  for (const file of unlisted) {
    const real = throughLinks.size === 0 ? file : await realpath(file).catch(() => file);
    if (!throughLinks.has(real)) missed.add(file);
  }
  return [...missed];
}
