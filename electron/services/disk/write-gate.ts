/**
 * The write-gate test adapter: `ACQMETA_WRITE_GATE=<file>` in the environment holds a writer
 * at the named points of the save path while the gate file names them (one point a line), so
 * that a test can put another writer in between at a known moment instead of racing the
 * machine's speed. On arriving at a held point, the writer appends `<point> <file>` to
 * `<gate>.reached`; it goes on once the point's line (or the whole gate file) is removed.
 * Worker threads inherit the variable. Unset, each point costs one comparison.
 */
import { appendFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { GATE_POLL_MS, heldNames } from './read-delay';

/**
 * The points a writer can be held at: `lock-busy` when its first try at a sidecar's lock finds
 * it held by another writer; `before-check` after its temp file is synced, before the file is
 * checked once more and renamed; `after-rename` after the rename, before it checks that its
 * version is the one on disk; for a write into an image's header, `header-journaled` once its
 * journal record is synced, `header-appended` once the new header is appended and synced (the
 * old one still in force) and `header-linked` once the file points at the new one; for the
 * facility index, `index-batch` once a batch of images is committed.
 */
export type WritePoint =
  | 'lock-busy'
  | 'before-check'
  | 'after-rename'
  | 'header-journaled'
  | 'header-appended'
  | 'header-linked'
  | 'index-batch';

/** The gate file of this thread, read once (a worker thread inherits the environment when it starts). */
const GATE = process.env.ACQMETA_WRITE_GATE ?? '';

/** Holds the write of `file` at `point` while the gate names it; undefined (nothing to wait for) without a gate. */
export function atWritePoint(point: WritePoint, file: string): Promise<void> | undefined {
  return GATE === '' ? undefined : holdAt(GATE, point, file);
}

async function holdAt(gate: string, point: WritePoint, file: string): Promise<void> {
  if ((await heldNames(gate))?.has(point) !== true) return;
  await appendFile(`${gate}.reached`, `${point} ${file}\n`);
  while ((await heldNames(gate))?.has(point) === true) await sleep(GATE_POLL_MS);
}
