/**
 * Temp files left by killed writes are removed when a folder is opened and in the folders a
 * save writes to; temp files of live writers stay.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { deadPid, tempOf } from '../sidecar/temp-names';
import type { BackendOptions } from '../../../../../electron/services/backend';
import type { LabCopy } from '../folder/lab-folder';
import { removeTestBundles, startOnLab, stopOnLab, type Harness } from './backend-harness';

/** How long a wait on a file or the clock's timers may take: only a hang (a scan on a loaded machine takes seconds). */
const HANG = { timeout: 60_000, interval: 20 };

/** The live folder's timers, each with its delay, run when the test says time has passed. */
function testClock() {
  const timers: { ms: number; cancelled: boolean; start: () => void }[] = [];
  const liveTimer: NonNullable<BackendOptions['liveTimer']> = (start, ms) => {
    const timer = { ms, cancelled: false, start };
    timers.push(timer);
    return () => void (timer.cancelled = true);
  };
  const pass = () => timers.filter((timer) => !timer.cancelled).forEach((timer) => timer.start());
  return { timers, liveTimer, pass };
}

describe('temp files of killed writes', () => {
  let copy: LabCopy;
  let h: Harness;
  afterEach(async () => {
    await stopOnLab(copy, h);
  });
  afterAll(removeTestBundles);

  it("are removed when the folder is opened and scanned, subfolders included; a live writer's stay", async () => {
    ({ copy, h } = await startOnLab(() => ({}), false));
    mkdirSync(path.join(copy.lab, 'cells/deep'));
    const dead = [tempOf(copy.lab, deadPid()), tempOf(path.join(copy.lab, 'cells/deep'), deadPid())];
    const live = tempOf(path.join(copy.lab, 'cells'), process.ppid);
    for (const file of [...dead, live]) writeFileSync(file, 'half a sidecar');
    await h.ok('openFolder', { path: copy.lab });
    await h.ok('scanFolder', {});
    await vi.waitFor(() => expect(dead.filter(existsSync)).toEqual([]), HANG);
    expect(existsSync(live)).toBe(true);
  });

  it('are removed from a folder opened and not scanned all the same, two seconds later', async () => {
    const clock = testClock();
    ({ copy, h } = await startOnLab(() => ({ liveTimer: clock.liveTimer }), false));
    const dead = tempOf(path.join(copy.lab, 'cells'), deadPid());
    writeFileSync(dead, 'half a sidecar');
    await h.ok('openFolder', { path: copy.lab });
    expect(clock.timers.map(({ ms, cancelled }) => ({ ms, cancelled }))).toEqual([{ ms: 2_000, cancelled: false }]);
    expect(existsSync(dead)).toBe(true); // not while the window would be asking for the first rows
    clock.pass();
    await vi.waitFor(() => expect(existsSync(dead)).toBe(false), HANG);
  });

  it('wait for the first rows of a scan under way, however long past two seconds they take', async () => {
    // A slow share, made certain: the walk is held before it lists the folder until the gate is removed.
    const gate = path.join(tmpdir(), `acqmeta-sweep-gate-${process.pid}`);
    process.env.ACQMETA_READ_GATE = gate;
    try {
      const clock = testClock();
      ({ copy, h } = await startOnLab(() => ({ liveTimer: clock.liveTimer }), false));
      writeFileSync(gate, `${path.basename(copy.lab)}\n`);
      const dead = tempOf(path.join(copy.lab, 'cells'), deadPid());
      writeFileSync(dead, 'half a sidecar');
      await h.ok('openFolder', { path: copy.lab });
      await h.ok('scanFolder', {});
      // The scan, once under way, calls off the start two seconds after the open; then they pass.
      await vi.waitFor(() => expect(clock.timers.map((timer) => timer.cancelled)).toEqual([true]), HANG);
      clock.pass();
      expect(h.events.some((e) => e.type === 'scan-rows')).toBe(false);
      expect(existsSync(dead)).toBe(true); // no tree walk beside the reads of the first rows
      rmSync(gate);
      await h.waitFor((e) => e.type === 'scan-rows');
      await vi.waitFor(() => expect(existsSync(dead)).toBe(false), HANG);
    } finally {
      delete process.env.ACQMETA_READ_GATE;
      rmSync(gate, { force: true });
    }
  });

  it('are removed from the folders a save writes to', async () => {
    ({ copy, h } = await startOnLab(() => ({}), false));
    // Once these are gone, the sweep of the opening is over.
    const opening = ['.', 'cells', 'other', 'stacks', 'hostile'].map((dir) =>
      tempOf(path.join(copy.lab, dir), deadPid()),
    );
    for (const file of opening) writeFileSync(file, 'half a sidecar');
    await h.ok('openFolder', { path: copy.lab });
    await h.ok('scanFolder', {});
    await vi.waitFor(() => expect(opening.filter(existsSync)).toEqual([]), HANG);
    const dead = tempOf(path.join(copy.lab, 'cells'), deadPid());
    writeFileSync(dead, 'half a sidecar');
    const row = await h.ok('reloadRow', { path: 'cells/multi-channel.ome.tif' });
    await h.ok('saveSidecars', { saves: [{ path: row.path, changes: { species: 'rat' }, expected: row.version }] });
    expect(existsSync(dead)).toBe(false);
  });
});
