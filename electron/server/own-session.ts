/**
 * Browser mode's server and the browser share the CPU evenly. On Linux the kernel shares the
 * CPU between sessions (autogroups) before it shares it between their processes, so the browser,
 * in a session of its own, got as much as the server scanning 100,000 images in the terminal's
 * session together with whatever else ran there. The launcher therefore starts the server in a
 * session of its own, at normal priority: the browser gets at least half the CPU, and the scan,
 * which the person is waiting for, no less than any other program's session: lowered below
 * normal while it scanned, it got a fraction of any busy program's share, and on a machine
 * doing other work the rows came many times slower than the command line's scan.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Set in the server's environment when the launcher started it in a session of its own. */
const OWN_SESSION_ENV = 'ACQMETA_SERVE_OWN_SESSION';

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

/** Whether this process is a server that {@link runInOwnSession} started. */
export function inOwnSession(): boolean {
  return process.env[OWN_SESSION_ENV] === '1' && process.send !== undefined;
}

/** In a server started by {@link runInOwnSession}: calls `stop` when the launcher is gone. */
export function stopWithLauncher(stop: () => void): void {
  if (inOwnSession()) process.once('disconnect', stop);
}
