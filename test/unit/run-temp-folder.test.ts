/**
 * A test run's temporary folder: what tests and the processes they start leave in it is gone
 * when the run ends, and so is the folder of a run that was killed before its end.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { useRunTempFolder } from '../run-temp-folder';

const outer = process.env.TMPDIR;
let system = '';
afterEach(() => {
  process.env.TMPDIR = outer;
  rmSync(system, { recursive: true, force: true });
});

it('holds what a test and a process it starts leave behind, and removes it at the end of the run', () => {
  system = mkdtempSync(path.join(tmpdir(), 'acqmeta-system-tmp-'));
  process.env.TMPDIR = system;
  const endRun = useRunTempFolder();
  mkdtempSync(path.join(tmpdir(), 'acqmeta-lab-'));
  const child = spawnSync(
    process.execPath,
    ['-e', "require('fs').mkdtempSync(require('path').join(require('os').tmpdir(), 'acqmeta-bundle-'))"],
    { env: process.env },
  );
  expect(child.status).toBe(0);
  expect(readdirSync(system)).toHaveLength(1);
  endRun();
  expect(readdirSync(system)).toEqual([]);
  expect(process.env.TMPDIR).toBe(system);
});

it("removes the folder of a run whose process is gone, and keeps a running one's", () => {
  system = mkdtempSync(path.join(tmpdir(), 'acqmeta-system-tmp-'));
  process.env.TMPDIR = system;
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const killed = path.join(system, `acqmeta-test-run-${gone.stdout}-abc123`);
  const running = path.join(system, `acqmeta-test-run-${process.pid}-def456`);
  for (const folder of [killed, running]) {
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'left.txt'), 'left by a test');
  }
  const endRun = useRunTempFolder();
  expect(readdirSync(system).sort()).toContain(path.basename(running));
  expect(readdirSync(system)).not.toContain(path.basename(killed));
  endRun();
  expect(readdirSync(system)).toEqual([path.basename(running)]);
});
