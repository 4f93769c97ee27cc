/**
 * Test helper: a throwaway PostgreSQL server in a temporary folder (initdb, then pg_ctl with
 * its socket in that folder and a free port), run as an unprivileged user (as `nobody` when the
 * tests run as root, which PostgreSQL refuses to run as), stopped and removed at the end.
 * PostgreSQL missing is a failure that says how to install it, never a skipped test.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** Where Debian puts each PostgreSQL version's programs. */
const DEBIAN_PG = '/usr/lib/postgresql';
/** The oldest version the index supports. */
const OLDEST = 15;
/** Debian's `nobody`, the user the server runs as when the tests run as root. */
const NOBODY = 65534;

/** A running server. */
export interface PgCluster {
  /** A new empty database on the server; resolves to its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** The newest Debian PostgreSQL (15 or newer) programs' folder. */
function binDir(): string {
  const versions = existsSync(DEBIAN_PG)
    ? readdirSync(DEBIAN_PG)
        .map(Number)
        .filter((v) => v >= OLDEST && existsSync(path.join(DEBIAN_PG, String(v), 'bin', 'initdb')))
        .sort((a, b) => b - a)
    : [];
  if (versions[0] === undefined)
    throw new Error(
      `PostgreSQL ${OLDEST} or newer is not installed (no ${DEBIAN_PG}/<version>/bin/initdb): run npm run test:deps, which installs Debian's postgresql`,
    );
  return path.join(DEBIAN_PG, String(versions[0]), 'bin');
}

/** A TCP port nothing listens on just now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL program, as `nobody` when this process is root. */
function runAs(program: string, args: readonly string[]): Promise<void> {
  const root = process.getuid?.() === 0;
  const [file, words] = root
    ? ['setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', program, ...args]]
    : [program, [...args]];
  return new Promise((resolve, reject) => {
    execFile(file, words, { encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error === null) resolve();
      else reject(new Error(`${path.basename(program)} failed: ${error.message}\n${stdout}${stderr}`));
    });
  });
}

/** Lets `nobody` pass through the folders above `folder` (the run's temporary folder is private). */
async function letThrough(folder: string): Promise<void> {
  for (let dir = path.dirname(folder); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const { mode, uid } = await stat(dir);
    if ((mode & 0o001) === 0 && uid === process.getuid?.()) await chmod(dir, mode | 0o001);
  }
}

/** Starts a server; call `stop()` when done. */
export async function startPgCluster(): Promise<PgCluster> {
  const bin = binDir();
  const folder = await mkdtemp(path.join(tmpdir(), 'acqmeta-pg-'));
  if (process.getuid?.() === 0) {
    await letThrough(folder);
    await chown(folder, NOBODY, NOBODY);
  }
  const data = path.join(folder, 'data');
  const port = await freePort();
  await runAs(path.join(bin, 'initdb'), ['-D', data, '-U', 'acqmeta', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  const options = `-k ${folder} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off`;
  await runAs(path.join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    path.join(folder, 'server.log'),
    '-w',
    '-o',
    options,
    'start',
  ]);
  const server = `postgresql://acqmeta@127.0.0.1:${port}`;
  return {
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: `${server}/postgres` });
      await client.connect();
      try {
        await client.query(`create database "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return `${server}/${name}`;
    },
    async stop() {
      await runAs(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      await rm(folder, { recursive: true, force: true });
    },
  };
}
