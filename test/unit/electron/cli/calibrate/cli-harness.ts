/**
 * Test helper: the command line bundle the calibrate tests run, built once per test file, with
 * the fixtures tifffile writes, copied afresh into a folder of each test's own.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { cliForFile } from '../support/cli-in-folder';
import { makeTiffs } from './tiff-checks';

/** One run of the command line: its exit code and output. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The bundle and the fixtures of one test file (filled in by its `beforeAll`). */
export interface CalibrateHarness {
  /** The command line bundle under test. */
  cli: string;
  /** A temporary folder of the test file's own. */
  base: string;
  /** The fixtures as tifffile wrote them, never written to. */
  originals: string;
  /** Runs `bundle` (the one under test unless given) in `cwd`, with `env` on top of the test's. */
  run(cwd: string, args: readonly string[], options?: { bundle?: string; env?: NodeJS.ProcessEnv }): Promise<Run>;
  /** A fresh copy of the fixtures in a folder `name` of its own. */
  copyOfFixtures(name: string): string;
}

/** Builds the bundle and the fixtures before the test file's tests, and removes both after. */
export function calibrateHarness(prefix: string): CalibrateHarness {
  const built = cliForFile();
  const harness: CalibrateHarness = {
    cli: '',
    base: '',
    originals: '',
    run(cwd, args, options = {}) {
      return new Promise((resolve) => {
        const env = { ...process.env, XDG_CONFIG_HOME: path.join(harness.base, 'config'), ...options.env };
        const bundle = options.bundle ?? harness.cli;
        execFile(process.execPath, [bundle, ...args], { cwd, env, encoding: 'utf8' }, (error, stdout, stderr) => {
          resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
        });
      });
    },
    copyOfFixtures(name) {
      const folder = path.join(harness.base, name);
      mkdirSync(folder);
      for (const file of readdirSync(harness.originals))
        copyFileSync(path.join(harness.originals, file), path.join(folder, file));
      return folder;
    },
  };
  beforeAll(() => {
    harness.cli = built().cliScript;
    harness.base = mkdtempSync(path.join(tmpdir(), prefix));
    harness.originals = path.join(harness.base, 'originals');
    mkdirSync(harness.originals);
    makeTiffs(harness.originals);
  });
  afterAll(() => rmSync(harness.base, { recursive: true, force: true }));
  return harness;
}
