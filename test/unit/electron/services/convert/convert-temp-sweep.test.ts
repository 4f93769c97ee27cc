/**
 * A conversion sweeps the output folder's tree of the temp files killed writers left when it
 * starts, whether or not it writes anything: a dead writer's, and one whose writer has ended but
 * is not yet reaped (a zombie, as a killed `acqmeta convert` is until its parent waits for it);
 * never one a live writer is still writing.
 */
import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { convertImages } from '../../../../../electron/services/convert';
import { createProfileCache, createProfileFinder } from '../../../../../electron/services/profile';

/** This machine's tag in temp names, as the temp files' module makes it. */
const HOST_TAG = createHash('sha256').update(hostname()).digest('hex').slice(0, 6);

/** Forks a child that exits at once and is not reaped (waitid with WNOWAIT), prints its pid, then waits for stdin to end. */
const ZOMBIE_PARENT = `
import os, sys
pid = os.fork()
if pid == 0:
    os._exit(0)
os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)
print(pid, flush=True)
sys.stdin.read()
`;

describe('convertImages: stale temp files', () => {
  let dir: string;
  let parent: ChildProcessByStdio<Writable, Readable, null>;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'acqmeta-convert-sweep-'));
    parent = spawn('/usr/bin/python3', ['-c', ZOMBIE_PARENT], { stdio: ['pipe', 'pipe', 'inherit'] });
  });
  afterEach(async () => {
    const exited = once(parent, 'exit');
    parent.stdin.end();
    await exited;
    await rm(dir, { recursive: true, force: true });
  });

  it('removes dead and unreaped writers’ temp files of the whole tree at the start of a run that writes nothing', async () => {
    const [line] = (await once(parent.stdout, 'data')) as [Buffer];
    const zombie = Number(line.toString().trim());
    const dead = spawnSync('/bin/true').pid as number;
    const out = path.join(dir, 'out');
    await mkdir(path.join(out, 'a', 'b'), { recursive: true });
    const temps = {
      dead: path.join(out, 'a', 'b', `.acqmeta-${HOST_TAG}-${dead}-x1.tmp`),
      zombie: path.join(out, `.acqmeta-${HOST_TAG}-${zombie}-x2.tmp`),
      live: path.join(out, 'a', `.acqmeta-${HOST_TAG}-${parent.pid}-x3.tmp`),
    };
    for (const file of Object.values(temps)) await writeFile(file, 'part of a copy');

    const summary = await convertImages({
      sources: [],
      outputFolder: out,
      options: { compression: 'zlib', flat: true, extension: '.ome.tiff', force: false },
      converter: 'AcqMeta test',
      profiles: createProfileFinder(createProfileCache(), { root: dir }),
      journal: null,
    });
    expect(summary).toMatchObject({ written: [], refused: [] });
    expect(await readdir(out)).toEqual(['a']);
    expect((await readdir(path.join(out, 'a'))).sort()).toEqual([path.basename(temps.live), 'b'].sort());
    expect(await readdir(path.join(out, 'a', 'b'))).toEqual([]);
  });
});
