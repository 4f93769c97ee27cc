/** Test helpers: temp-file names as other processes of this machine would make them. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { claimTemp, releaseTemp } from '../../../../../electron/services/sidecar/temp-files';

/** The pid of a process that has exited. */
export function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

/** The path of a temp file in `dir` as process `pid` of this machine would name it. */
export function tempOf(dir: string, pid: number): string {
  const ours = claimTemp(dir);
  releaseTemp(ours);
  return path.join(
    dir,
    path.basename(ours).replace(/^(\.acqmeta-[0-9a-f]{6})-\d+-[0-9a-z]+\.tmp$/, `$1-${pid}-a1b2c3.tmp`),
  );
}
