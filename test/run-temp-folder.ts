/**
 * One temporary folder per test run (vitest's or Playwright's) that every test, helper and
 * process it starts makes its temporary files in (TMPDIR), removed when the run ends: a test
 * that fails or times out before its own clean-up, a worker killed at the end of the run or a
 * process left behind leaves nothing in the system's temp folder.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PREFIX = 'acqmeta-test-run-';

/** Whether process `pid` still runs (a run folder of a dead process is left over from a killed run). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Makes this run's folder, points TMPDIR at it (the test workers and the processes they start
 * inherit it) and removes the folders of runs that were killed; returns the clean-up that removes
 * this run's folder and restores TMPDIR.
 */
export function useRunTempFolder(): () => void {
  const system = tmpdir();
  for (const name of readdirSync(system)) {
    const pid = Number(/^acqmeta-test-run-(\d+)-/.exec(name)?.[1]);
    if (pid > 0 && !running(pid)) rmSync(path.join(system, name), { recursive: true, force: true });
  }
  const folder = mkdtempSync(path.join(system, `${PREFIX}${process.pid}-`));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = folder;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(folder, { recursive: true, force: true });
  };
}
