/**
 * Killed mid-write: `acqmeta set` on 1,000 sidecars is SIGKILLed, once just after its first
 * sidecar is renamed into place (held there by the write gate), then at random moments. Every sidecar must then hold its old bytes or its new bytes and parse, and the next
 * complete run must leave no temp file behind. Every new version on the disk has its change
 * journal record (synced before the rename); a journal line cut short by a kill is named by
 * `acqmeta log`, which does not fail on it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalRecord } from '../../../../shared/journal';
import { parseSidecar } from '../../../../shared/sidecar';
import { cliForFile } from './support/cli-in-folder';

const FOLDERS = 4;
const PER_FOLDER = 250;
const KILLS = 12;
const fixture = (rel: string) => fileURLToPath(new URL(`../../../fixtures/${rel}`, import.meta.url));

/** The bundled command line, run without its launcher. */
const built = cliForFile();
let cli: string;
let folder: string;
const sidecars: string[] = [];

beforeAll(async () => {
  cli = built().cliScript;
  folder = mkdtempSync(path.join(tmpdir(), 'acqmeta-kill-'));
  const text = readFileSync(fixture('sidecars/canonical.tif.json'));
  for (let f = 0; f < FOLDERS; f++) {
    mkdirSync(path.join(folder, `run-${f}`));
    for (let i = 0; i < PER_FOLDER; i++) {
      const image = path.join(folder, `run-${f}`, `cell-${String(i).padStart(3, '0')}.tif`);
      copyFileSync(fixture('tiff/generated/imagej-2ch-u16.tif'), image);
      writeFileSync(`${image}.json`, text);
      sidecars.push(`${image}.json`);
    }
  }
});

afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
});

/** When a run is killed: after some milliseconds, or once its first sidecar is renamed into place. */
type Kill = { afterMs: number } | 'after-first-rename' | null;

/** Runs `acqmeta set <folder> --set note=<value>`, killed as `kill` says. */
function setNote(value: string, kill: Kill): Promise<{ code: number | null; signal: string | null }> {
  // The write gate holds every write just after its rename; the run is killed once one got there.
  const gate = kill === 'after-first-rename' ? path.join(folder, '..', `${path.basename(folder)}.gate`) : '';
  if (gate !== '') writeFileSync(gate, 'after-rename\n');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'set', folder, '--set', `note=${value}`], {
      stdio: 'ignore',
      env: { ...process.env, ACQMETA_WRITE_GATE: gate },
    });
    const timer =
      kill !== null && kill !== 'after-first-rename' ? setTimeout(() => child.kill('SIGKILL'), kill.afterMs) : null;
    let exited = false;
    child.on('exit', (code, signal) => {
      exited = true;
      if (timer !== null) clearTimeout(timer);
      if (gate !== '') for (const file of [gate, `${gate}.reached`]) rmSync(file, { force: true });
      resolve({ code, signal });
    });
    if (gate !== '') {
      const look = (): void => {
        if (exited) return;
        if (existsSync(`${gate}.reached`)) child.kill('SIGKILL');
        else setTimeout(look, 20);
      };
      look();
    }
  });
}

/** Temp files anywhere in the folder. */
function tempFiles(): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) =>
    path.basename(name).startsWith('.acqmeta-'),
  );
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The change journal as `acqmeta log <folder> --json` shows it: the sha256 of every version each
 * image's records say was written (by path relative to the folder), and the lines it warned of.
 */
function journalAfters(): { afters: Map<string, Set<string>>; warnings: string[] } {
  const log = spawnSync(process.execPath, [cli, 'log', folder, '--json'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  // a torn last line is named on stderr; the log never crashes on it
  expect(log.status).toBe(0);
  const afters = new Map<string, Set<string>>();
  for (const line of log.stdout.split('\n')) {
    if (line === '') continue;
    const record = JSON.parse(line) as JournalRecord;
    const shas = afters.get(record.path) ?? new Set<string>();
    if (record.after !== null) shas.add(record.after.sha256);
    afters.set(record.path, shas);
  }
  return { afters, warnings: log.stderr.split('\n').filter((l) => l !== '') };
}

/** Every sidecar whose `after` text differs from `before` has a journal record that wrote exactly those bytes. */
function expectJournaled(before: readonly string[], after: readonly string[]): string[] {
  const { afters, warnings } = journalAfters();
  for (const warning of warnings)
    expect(warning).toMatch(/^warning: .+\.jsonl: line \d+ was cut short \(a write interrupted\)$/);
  after.forEach((text, i) => {
    if (text === before[i]) return;
    const rel = path
      .relative(folder, (sidecars[i] as string).slice(0, -'.json'.length))
      .split(path.sep)
      .join('/');
    expect({ rel, journaled: afters.get(rel)?.has(sha256(text)) ?? false }).toEqual({ rel, journaled: true });
  });
  return warnings;
}

/** The sidecar text with the note set, as CloudScope writes it. */
const withNote = (text: string, value: string) => text.replace(/"note": "[^"]*"/, `"note": "${value}"`);

describe('acqmeta set killed mid-write', () => {
  it('leaves every sidecar old or new and whole, and the next run leaves no temp file', async () => {
    const started = Date.now();
    const original = sidecars.map((file) => readFileSync(file, 'utf8'));
    expect(await setNote('warm-up', null)).toEqual({ code: 0, signal: null });
    const fullRunMs = Date.now() - started;
    let before = sidecars.map((file) => readFileSync(file, 'utf8'));
    expectJournaled(original, before);
    let mixed = 0;
    for (let round = 0; round < KILLS; round++) {
      const value = `killed-${round}`;
      // The first kill lands in the middle of writing for certain; the others at random moments.
      const kill =
        round === 0 ? 'after-first-rename' : { afterMs: Math.round(fullRunMs * (0.1 + 0.8 * Math.random())) };
      const run = await setNote(value, kill);
      const after = sidecars.map((file) => readFileSync(file, 'utf8'));
      after.forEach((text, i) => {
        expect([before[i], withNote(before[i] as string, value)]).toContain(text);
        expect(parseSidecar(text).ok).toBe(true);
      });
      // every new version on the disk has its journal record, synced before its rename
      expectJournaled(before, after);
      const changed = after.filter((text, i) => text !== before[i]).length;
      if (run.signal === 'SIGKILL' && changed > 0 && changed < sidecars.length) mixed++;
      before = after;
    }
    // The kills really landed in the middle of writing (the first one at least).
    expect(mixed).toBeGreaterThan(0);

    const beforeFinal = sidecars.map((file) => readFileSync(file, 'utf8'));
    expect(await setNote('final', null)).toEqual({ code: 0, signal: null });
    expect(tempFiles()).toEqual([]);
    expectJournaled(
      beforeFinal,
      sidecars.map((file) => readFileSync(file, 'utf8')),
    );
    for (const file of sidecars) expect(readFileSync(file, 'utf8')).toContain('"note": "final"');
  }, 240_000);
});
