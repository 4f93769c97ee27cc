import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiEvent, ImageRow } from '../../../../../shared/api';
import { codeOf, removeTestBundles, startBackend, type Harness } from './backend-harness';

const LINESCANS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/linescans');

/** Every file of a folder with its bytes and modification time. */
async function snapshot(folder: string): Promise<Record<string, { text: string; mtimeMs: number }>> {
  const names = (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
  const entries = await Promise.all(
    names.map(
      async (name) =>
        [
          name,
          {
            text: await readFile(path.join(folder, name), 'latin1'),
            mtimeMs: (await stat(path.join(folder, name))).mtimeMs,
          },
        ] as const,
    ),
  );
  return Object.fromEntries(entries);
}

describe('backend: ROIs, analyses and results', () => {
  let folder: string;
  let h: Harness;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'acqmeta-linescans-'));
    await cp(LINESCANS, folder, { recursive: true, filter: (src) => !src.endsWith('.py') });
    h = await startBackend();
    await h.ok('openFolder', { path: folder });
  });
  afterEach(async () => {
    await h.backend.close();
    await rm(folder, { recursive: true, force: true });
  });
  afterAll(removeTestBundles);

  it('getImageDetail carries the ROIs and analysis records, numbers as written', async () => {
    const detail = await h.ok('getImageDetail', { path: 'ls_01.tif' });
    expect(detail.rois.map((r) => r.type)).toEqual([
      'rectroi',
      'rectroi',
      'rectroi',
      'rectroi',
      'linesegmentroi',
      'polygonroi',
    ]);
    expect(detail.analyses).toHaveLength(8);
    const nan = detail.analyses[4]?.summary.find((v) => v.key === 'velocity_mean');
    expect(nan?.value).toEqual({ kind: 'number', text: 'NaN' });
    expect(JSON.parse(JSON.stringify(detail))).toEqual(detail);
  });

  it('scan rows carry the numeric summary values; rows without analyses carry none', async () => {
    await writeFile(
      path.join(folder, 'ls_07.tif.json'),
      (await readFile(path.join(folder, 'ls_05.tif.json'), 'utf8')).replace(
        /"analysis": \[[\s\S]*?\n {2}\],/,
        '"analysis": [],',
      ),
    );
    await cp(path.join(folder, 'ls_05.tif'), path.join(folder, 'ls_07.tif'));
    const { scanId } = await h.ok('scanFolder', {});
    await h.waitFor((e) => e.type === 'scan-done' && e.scanId === scanId);
    const rows = h.events.flatMap((e: ApiEvent): ImageRow[] => (e.type === 'scan-rows' ? e.rows : []));
    expect(rows.map((r) => r.path)).toEqual([
      'ls_01.tif',
      'ls_02.tif',
      'ls_03.tif',
      'ls_04.tif',
      'ls_05.tif',
      'ls_06.tif',
      'ls_07.tif',
    ]);
    expect(rows[1]?.results?.['radon_velocity/2/0/velocity_cv']).toBe('Infinity');
    expect(rows[0]?.results?.['radon_velocity/1/0/velocity_mean']).toBe(1.74263643202636);
    expect(rows[6]).not.toHaveProperty('results');
  });

  it('exportResults gives the whole folder or the listed images as a CSV or TSV file', async () => {
    const all = await h.ok('exportResults', { format: 'csv' });
    expect(all.fileName).toBe(`${path.basename(folder)}-results.csv`);
    expect(all.mimeType).toMatch(/^text\/csv/);
    const lines = Buffer.from(all.base64, 'base64').toString('utf8').split('\r\n');
    expect(lines).toHaveLength(1 + 48 + 1);
    expect(lines[1]).toMatch(
      /^ls_01\.tif,mouse,,WT,.*,radon_velocity,1,0,57,0\.5914461880500383,1\.74263643202636,1\.9004092829093207,,,,,,$/,
    );
    const some = await h.ok('exportResults', { paths: ['ls_02.tif', 'ls_02.tif'], format: 'tsv' });
    const tsv = Buffer.from(some.base64, 'base64').toString('utf8').trimEnd().split('\r\n');
    expect(tsv).toHaveLength(1 + 8);
    expect(tsv[3]?.split('\t')).toContain('inf');
    expect(tsv.slice(1).every((line) => line.startsWith('ls_02.tif\t'))).toBe(true);
    const xlsx = await h.ok('exportResults', { format: 'xlsx' });
    expect([xlsx.fileName, xlsx.mimeType]).toEqual([
      `${path.basename(folder)}-results.xlsx`,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect(xlsx.notes).toEqual(['NaN summary values are empty cells; Infinity is written inf (-inf).']);
  });

  it('exportResults refuses unknown formats and paths outside the folder', async () => {
    expect(codeOf(await h.call('exportResults', { format: 'xls' as 'csv' }))).toBe('BAD_REQUEST');
    expect(codeOf(await h.call('exportResults', { paths: ['../x.tif'], format: 'csv' }))).toBe('OUTSIDE_FOLDER');
  });

  it('reading details, scanning and exporting write nothing; a save changes one line and keeps ROIs and analyses', async () => {
    const before = await snapshot(folder);
    await h.ok('getImageDetail', { path: 'ls_01.tif' });
    await h.ok('exportResults', { format: 'csv' });
    const { scanId } = await h.ok('scanFolder', {});
    await h.waitFor((e) => e.type === 'scan-done' && e.scanId === scanId);
    expect(await snapshot(folder)).toEqual(before);
    const row = await h.ok('reloadRow', { path: 'ls_01.tif' });
    const [outcome] = await h.ok('saveSidecars', {
      saves: [{ path: row.path, changes: { condition: 'awake' }, expected: row.version }],
    });
    expect(outcome?.ok).toBe(true);
    const text = before['ls_01.tif.json']?.text ?? '';
    expect(await readFile(path.join(folder, 'ls_01.tif.json'), 'latin1')).toBe(
      text.replace('"condition": "baseline"', '"condition": "awake"'),
    );
  });
});
