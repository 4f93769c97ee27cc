/**
 * The staging folder an export is built in, beside its destination:
 * `.<name>.staging-<host>-<pid>-<random>`. One left by an export that was killed (its process
 * on this machine is gone) is removed when the next export to the same destination starts; one
 * of another machine, of a process still running, or holding a collection kept aside, is left
 * alone.
 */
import { lstat, mkdtemp, readdir, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';

/** Where in its staging folder an export moves the collection it replaces, until the new one is in place. */
export const KEPT_ASIDE = 'replaced';

/** The start of the staging folders' names of exports to `destination`. */
const prefixOf = (destination: string): string => `.${path.basename(destination)}.staging-`;

/** This machine's name as a staging folder holds it (no path separator, no dash to confuse the pid). */
const host = (): string => hostname().replace(/[^A-Za-z0-9.]/g, '_');

/** Whether process `pid` runs on this machine. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the staging folders of killed exports to `destination` (made on this machine); resolves to their names. */
export async function sweepStaging(destination: string): Promise<string[]> {
  const parent = path.dirname(destination);
  const prefix = `${prefixOf(destination)}${host()}-`;
  const swept: string[] = [];
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-[^-]+$/.exec(name.slice(prefix.length))?.[1]);
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || isRunning(pid)) continue;
    // an old collection an export could neither replace nor put back is kept there: never removed
    if (
      await lstat(path.join(parent, name, KEPT_ASIDE)).then(
        () => true,
        () => false,
      )
    )
      continue;
    await rm(path.join(parent, name), { recursive: true, force: true });
    swept.push(name);
  }
  return swept;
}

/** Makes a new staging folder for an export to `destination`; resolves to its path. */
export function makeStaging(destination: string): Promise<string> {
  return mkdtemp(path.join(path.dirname(destination), `${prefixOf(destination)}${host()}-${process.pid}-`));
}
