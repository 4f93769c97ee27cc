/**
 * Browser mode's launcher (`npm run serve`): where the kernel shares the CPU by session (Linux,
 * autogroup), the server runs in a session of its own at normal priority, a scan included, so
 * the browser showing the app and the scan share the CPU evenly; it stops with its launcher,
 * however that ends.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { bundleServe } from './served-bundle';
import { openEventStream } from './raw-http';

const sharesCpuBySession = (() => {
  try {
    return readFileSync('/proc/sys/kernel/sched_autogroup_enabled', 'utf8').trim() === '1';
  } catch {
    return false;
  }
})();

const childrenOf = (pid: number) =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
const sessionOf = (pid: number) => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[3]);
const autogroupOf = (pid: number) => readFileSync(`/proc/${pid}/autogroup`, 'utf8').trim();
const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

/** Polls `check` until it passes (10 s at most). */
const until = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 50 });

describe.runIf(process.platform === 'linux')('npm run serve', () => {
  let launcherScript = '';
  let removeBundle = async () => {};
  const work = mkdtempSync(path.join(tmpdir(), 'acqmeta-serve-session-'));
  /** Processes a failed test may leave running. */
  const running: number[] = [];

  beforeAll(async () => {
    ({ launcherScript, remove: removeBundle } = await bundleServe());
    mkdirSync(path.join(work, 'folder'));
    const tiff = path.resolve(__dirname, '../../../fixtures/tiff/skimage/chessboard_GRAY_U16.tif');
    for (let i = 0; i < 100; i++) copyFileSync(tiff, path.join(work, 'folder', `image-${i}.tif`));
  }, 60_000);

  afterEach(() => {
    for (const pid of running.splice(0)) if (existsSync(`/proc/${pid}`)) process.kill(pid, 'SIGKILL');
  });

  afterAll(async () => {
    await removeBundle();
    rmSync(work, { recursive: true, force: true });
  });

  /** Starts the launcher; resolves with it, the server's process and the URL it printed. */
  async function serve(): Promise<{ launcher: ChildProcess; server: number; url: string }> {
    const launcher = spawn(
      process.execPath,
      [launcherScript, '--root', path.join(work, 'folder'), '--config-dir', path.join(work, 'config')],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        // a slow disk (every read 20 ms later), so that a scan of the folder lasts
        env: { ...process.env, ACQMETA_CACHE_DIR: path.join(work, 'cache'), ACQMETA_READ_DELAY_MS: '20' },
      },
    );
    running.push(launcher.pid!);
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: launcher.stdout! }).on('line', (line) => {
        const match = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(line);
        if (match) resolve(match[1]!);
      });
      launcher.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    });
    const children = childrenOf(launcher.pid!);
    if (sharesCpuBySession) {
      expect(children).toHaveLength(1);
      running.push(...children);
    } else {
      expect(children).toEqual([]);
    }
    return { launcher, server: children[0] ?? launcher.pid!, url };
  }

  it('serves the app from a session of its own, at normal priority while a scan streams, and stops on Ctrl+C', async () => {
    const { launcher, server, url } = await serve();
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('AcqMeta test page');
    if (sharesCpuBySession) {
      expect(sessionOf(server)).toBe(server);
      expect(sessionOf(launcher.pid!)).toBe(sessionOf(process.pid));
      expect(autogroupOf(server)).toMatch(/ nice 0$/);
      const token = new URL(url).searchParams.get('token')!;
      const stream = await openEventStream(Number(new URL(url).port), `/api/events?token=${token}`);
      const scan = await fetch(new URL('/api/scanFolder', url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-AcqMeta-Token': token },
        body: '{}',
      });
      expect(scan.status).toBe(200);
      // the rows stream at the priority of any other program: a scan lowered below it would wait behind their work
      const streamed: string[] = [];
      const next = async () => ((await stream.next()) as { type: string }).type;
      for (let type = await next(); type !== 'scan-done'; type = await next())
        streamed.push(`${type}: nice ${autogroupOf(server).split(' ').at(-1)}`);
      stream.close();
      expect(streamed.length).toBeGreaterThan(1);
      expect(new Set(streamed)).toEqual(new Set(['scan-rows: nice 0']));
      // the terminal's session keeps its priority
      expect(autogroupOf(launcher.pid!)).toBe(autogroupOf(process.pid));
    }
    const exit = exited(launcher);
    launcher.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(existsSync(`/proc/${server}`)).toBe(false);
  }, 30_000);

  it('stops when its launcher is killed', async () => {
    const { launcher, server } = await serve();
    const exit = exited(launcher);
    launcher.kill('SIGKILL');
    await exit;
    await until(() => expect(existsSync(`/proc/${server}`)).toBe(false)); // the server stopped
  }, 30_000);
});
