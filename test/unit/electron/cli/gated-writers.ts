/**
 * Test helper for several writers at once: `acqmeta` runs started with a write gate
 * (`ACQMETA_WRITE_GATE`, see electron/services/disk/write-gate.ts), held at known points of the
 * save path and let go by the test, and a folder of sidecars to write.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { WritePoint } from '../../../../electron/services/disk';
import { parseSidecar } from '../../../../shared/sidecar';
import type { CliRun } from './built-cli';

const fixture = (rel: string) => fileURLToPath(new URL(`../../../fixtures/${rel}`, import.meta.url));

/** How often a test looks whether a gated writer has arrived (a condition, not a timing). */
const LOOK_MS = 20;

/** A write gate: the file a writer's environment names, holding it at `points` until released. */
export class WriteGate {
  readonly file: string;

  constructor(dir: string, label: string, points: readonly WritePoint[]) {
    this.file = path.join(dir, `${label}.gate`);
    writeFileSync(this.file, points.join('\n'));
  }

  /** Lets every writer held by this gate go on. */
  release(): void {
    rmSync(this.file, { force: true });
  }

  /** Resolves once a writer arrived at `point`; rejects if `writer` ends first. */
  async reached(point: WritePoint, writer: Writer): Promise<void> {
    for (;;) {
      if (this.arrivals().includes(point)) return;
      if (writer.ended) throw new Error(`the writer ended before it reached ${point}${howItEnded(await writer.done)}`);
      await sleep(LOOK_MS);
    }
  }

  /** The points writers arrived at so far. */
  private arrivals(): string[] {
    const log = `${this.file}.reached`;
    if (!existsSync(log)) return [];
    return readFileSync(log, 'utf8')
      .split('\n')
      .map((line) => line.split(' ')[0] as string);
  }
}

/** A run's exit code and errors, for the message of a writer that ended too soon. */
function howItEnded(outcome: unknown): string {
  const run = outcome as Partial<CliRun>;
  return run.code === undefined ? '' : ` (exit ${run.code}) ${run.stderr ?? ''}`;
}

/** Writes under way: whether they are over, and their outcome. */
export interface Writer {
  ended: boolean;
  done: Promise<unknown>;
}

/** Follows writes under way in this process. */
export function following<T>(writes: Promise<T>): Writer & { done: Promise<T> } {
  const writer = { ended: false, done: writes };
  void writes.finally(() => (writer.ended = true)).catch(() => undefined);
  return writer;
}

/** An `acqmeta` run in progress. */
export interface GatedRun extends Writer {
  child: ChildProcess;
  done: Promise<CliRun>;
}

/** Starts `node <cli> <args>`, with `gate` in its environment when given. */
export function startCli(cli: string, args: readonly string[], gate?: WriteGate): GatedRun {
  const env = { ...process.env, ACQMETA_WRITE_GATE: gate?.file ?? '' };
  const child = spawn(process.execPath, [cli, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const run: GatedRun = {
    child,
    ended: false,
    done: new Promise((resolve) => {
      child.on('close', (code) => {
        run.ended = true;
        resolve({ code: code ?? -1, stdout, stderr });
      });
    }),
  };
  return run;
}

/** A temp folder of `folders` × `perFolder` TIFFs with a CloudScope sidecar each; returns the folder and the sidecars. */
export function sidecarFolder(folders: number, perFolder: number): { root: string; sidecars: string[] } {
  const root = mkdtempSync(path.join(tmpdir(), 'acqmeta-writers-'));
  const text = readFileSync(fixture('sidecars/canonical.tif.json'));
  const sidecars: string[] = [];
  for (let f = 0; f < folders; f++) {
    mkdirSync(path.join(root, `animal-${f}`));
    for (let i = 0; i < perFolder; i++) {
      const image = path.join(root, `animal-${f}`, `cell-${String(i).padStart(3, '0')}.tif`);
      copyFileSync(fixture('tiff/generated/imagej-2ch-u16.tif'), image);
      writeFileSync(`${image}.json`, text);
      sidecars.push(`${image}.json`);
    }
  }
  return { root, sidecars };
}

/** The stored value of `field` in the sidecar `file` (it must parse). */
export function storedValue(file: string, field: string): unknown {
  const parsed = parseSidecar(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return parsed.sidecar.fieldValues()[field];
}
