/**
 * Browser mode's server gives the browser the CPU first. On Linux the kernel shares the CPU
 * between sessions (autogroups) before it shares it between their processes, so the browser,
 * in a session of its own, got as much as the server scanning 100,000 images in the terminal's
 * session, and the page waited while it drew. The launcher therefore starts the server in a
 * session of its own, whose priority the server lowers (a nice value of 10) while a scan streams
 * its rows after the first batch: the first rows, and every answer outside a scan, come at once.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { ApiEvent } from '../../shared/api';

/** Set in the server's environment when the launcher started it in a session of its own. */
const OWN_SESSION_ENV = 'ACQMETA_SERVE_OWN_SESSION';

/** The session's nice value while a scan streams: below normal, as the app's scan workers. */
const SCANNING_NICE = 10;

/** Signals passed on to the server; a closed terminal (SIGHUP) stops it as Ctrl+C does. */
const PASSED_ON: Readonly<Record<string, NodeJS.Signals>> = { SIGINT: 'SIGINT', SIGTERM: 'SIGTERM', SIGHUP: 'SIGTERM' };

/** Whether the kernel shares the CPU by session here (Linux with autogroup on). */
export function sessionsShareTheCpu(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    return readFileSync('/proc/sys/kernel/sched_autogroup_enabled', 'utf8').trim() === '1';
  } catch {
    return false;
  }
}

/**
 * Runs `node <script> <args>` in a new session, with this process's output, and resolves with
 * its exit code. Ctrl+C, SIGTERM and a closed terminal are passed on; if this process is killed,
 * the server sees its channel close and stops.
 */
export function runInOwnSession(script: string, args: readonly string[]): Promise<number> {
  const server = spawn(process.execPath, [...process.execArgv, script, ...args], {
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [OWN_SESSION_ENV]: '1' },
  });
  for (const [signal, passed] of Object.entries(PASSED_ON)) process.on(signal, () => server.kill(passed));
  return new Promise((resolve) => {
    server.once('error', (error) => {
      process.stderr.write(`Could not start the server: ${error.message}\n`);
      resolve(1);
    });
    server.once('exit', (code) => resolve(code ?? 1));
  });
}

/** Sets the nice value of this process's session; false where it may not. */
function setSessionNice(nice: number): boolean {
  try {
    writeFileSync('/proc/self/autogroup', String(nice));
    return true;
  } catch {
    return false;
  }
}

/** Whether this process is a server that {@link runInOwnSession} started. */
function inOwnSession(): boolean {
  return process.env[OWN_SESSION_ENV] === '1' && process.send !== undefined;
}

/**
 * In a server started by {@link runInOwnSession}: the observer of backend events (its `observe`
 * option) that lowers the session's priority while a scan streams its rows after the first
 * batch, and restores it when the scan ends. Elsewhere undefined.
 */
export function scanPriorityObserver(): ((event: ApiEvent) => void) | undefined {
  if (!inOwnSession()) return undefined;
  let nice = 0;
  const setNice = (next: number) => {
    if (next !== nice && setSessionNice(next)) nice = next;
  };
  return (event) => {
    if (event.type === 'scan-rows') setNice(SCANNING_NICE);
    else if (event.type === 'scan-done' || event.type === 'scan-cancelled' || event.type === 'scan-failed') setNice(0);
  };
}

/** In a server started by {@link runInOwnSession}: calls `stop` when the launcher is gone. */
export function stopWithLauncher(stop: () => void): void {
  if (inOwnSession()) process.once('disconnect', stop);
}
