/**
 * The app's save path (`saveFieldChanges` with the version the app read, in a write batch, as
 * the backend's save handler runs it) in this process and `acqmeta set` in another, at once on
 * the same sidecars (issue 32): whichever holds the folder's lock first writes; the other then
 * writes on top of it (the command line, which edits whatever is on disk) or reports each file
 * as a conflict (the app, whose files changed since it read them). No edit is lost unreported.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SidecarVersion } from '../../../../shared/api';
import { following, sidecarFolder, startCli, storedValue, WriteGate } from './gated-writers';
import { cliForFile } from './support/cli-in-folder';

const FILES = 50;

// This process's writes are gated too: the gate's path is in the environment before the save
// path is loaded and its write worker started (both read it once).
const gateDir = mkdtempSync(path.join(tmpdir(), 'acqmeta-app-gate-'));
const appGatePoints = (points: ConstructorParameters<typeof WriteGate>[2]) => new WriteGate(gateDir, 'app', points);
process.env.ACQMETA_WRITE_GATE = appGatePoints([]).file;
const sidecar = await import('../../../../electron/services/sidecar');

/** The bundled command line, run without its launcher. */
const built = cliForFile();
let cli: string;
let root: string;
let sidecars: string[];

beforeAll(async () => {
  cli = built().cliScript;
  ({ root, sidecars } = sidecarFolder(1, FILES));
});

afterAll(async () => {
  rmSync(root, { recursive: true, force: true });
  rmSync(gateDir, { recursive: true, force: true });
});

const imageOf = (file: string) => file.slice(0, -'.json'.length);

/** The versions the app read, one per sidecar. */
async function readVersions(): Promise<SidecarVersion[]> {
  return Promise.all(
    sidecars.map(async (file) => {
      const read = await sidecar.readSidecarFile(imageOf(file));
      if (read.state !== 'ok') throw new Error(`${file} is ${read.state}`);
      return read.version;
    }),
  );
}

/** The app saves `genotype` into every sidecar, each checked against the version it read. */
function appSave(value: string, versions: readonly SidecarVersion[]): Promise<PromiseSettledResult<unknown>[]> {
  return sidecar.inWriteBatch((batch) =>
    Promise.allSettled(
      sidecars.map((file, i) =>
        sidecar.saveFieldChanges(
          imageOf(file),
          { genotype: value },
          { expected: versions[i] as SidecarVersion, batch },
        ),
      ),
    ),
  );
}

describe('the app saving while acqmeta set runs on the same sidecars', () => {
  it('app first: the command line waits for the lock and writes on top of the saved files', async () => {
    const versions = await readVersions();
    const appGate = appGatePoints(['before-check']);
    const saves = following(appSave('app', versions));
    await appGate.reached('before-check', saves);
    const cliGate = new WriteGate(gateDir, 'cli-1', ['lock-busy']);
    const run = startCli(cli, ['set', root, '--set', 'species=cli'], cliGate);
    await cliGate.reached('lock-busy', run);
    appGate.release();
    cliGate.release();

    for (const saved of await saves.done) expect(saved.status).toBe('fulfilled');
    const result = await run.done;
    expect(result.stdout).toContain(`${FILES} sidecars updated`);
    expect(result.code).toBe(0);
    for (const file of sidecars) {
      expect(storedValue(file, 'genotype')).toBe('app');
      expect(storedValue(file, 'species')).toBe('cli');
    }
    rmSync(`${appGate.file}.reached`);
  });

  it('command line first: each of the app’s saves meets the changed file and is reported as a conflict', async () => {
    const versions = await readVersions();
    const cliGate = new WriteGate(gateDir, 'cli-2', ['before-check']);
    const run = startCli(cli, ['set', root, '--set', 'species=cli-again'], cliGate);
    await cliGate.reached('before-check', run);
    const appGate = appGatePoints(['lock-busy']);
    const saves = following(appSave('app-again', versions));
    await appGate.reached('lock-busy', saves);
    cliGate.release();
    appGate.release();

    const result = await run.done;
    expect(result.stdout).toContain(`${FILES} sidecars updated`);
    expect(result.code).toBe(0);
    for (const saved of await saves.done) {
      expect(saved).toMatchObject({ status: 'rejected', reason: { code: 'CONFLICT' } });
    }
    for (const file of sidecars) {
      expect(storedValue(file, 'species')).toBe('cli-again');
      expect(storedValue(file, 'genotype')).toBe('app');
    }
  });
});
