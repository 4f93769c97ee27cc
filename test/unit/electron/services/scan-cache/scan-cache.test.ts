import { copyFile, readFile, realpath, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiEvent, ImageRow } from '../../../../../shared/api';
import { cacheFileFor } from '../../../../../electron/services/scan-cache';
import { removeTestBundles, startOnLab, stopOnLab, type Harness } from '../backend/backend-harness';
import type { LabCopy } from '../folder/lab-folder';

type RowsEvent = Extract<ApiEvent, { type: 'scan-rows' }>;

/** A fixed modification time, so a file can be rewritten and still look unchanged. */
const FIXED = new Date('2024-05-06T07:08:09.000Z');
const OME = 'cells/multi-channel.ome.tif';
const VASCULAR = fileURLToPath(new URL('../../../../../profiles/vascular-lab.profile.json', import.meta.url));

describe('the scan cache', () => {
  let copy: LabCopy;
  let h: Harness;
  let cacheDir: string;
  const file = (relative: string) => path.join(copy.lab, relative);

  beforeEach(async () => {
    ({ copy, h } = await startOnLab((lab) => ({ cacheDir: path.join(path.dirname(lab), 'cache') })));
    cacheDir = path.join(copy.base, 'cache');
    for (const relative of [OME, `${OME}.json`, 'plain.tiff']) await utimes(file(relative), FIXED, FIXED);
  });
  afterEach(() => stopOnLab(copy, h));
  afterAll(removeTestBundles);

  /** Scans the open folder to the end; its rows by path. */
  async function scan(): Promise<Map<string, ImageRow>> {
    const { scanId } = await h.ok('scanFolder', {});
    await h.waitFor((e) => e.type === 'scan-done' && e.scanId === scanId);
    const rows = h.events
      .filter((e): e is RowsEvent => e.type === 'scan-rows' && e.scanId === scanId)
      .flatMap((e) => e.rows);
    return new Map(rows.map((row) => [row.path, row]));
  }

  /** Rewrites a file's bytes in place and gives it back its fixed modification time. */
  async function rewriteUnseen(relative: string, change: (bytes: Buffer) => Buffer): Promise<void> {
    const before = await readFile(file(relative));
    const after = change(Buffer.from(before));
    expect(after.length).toBe(before.length);
    await writeFile(file(relative), after);
    await utimes(file(relative), FIXED, FIXED);
  }

  const cacheFile = async () => cacheFileFor(cacheDir, await realpath(copy.lab));

  it('does not read again an image or sidecar whose size and modification time are unchanged', async () => {
    const first = await scan();
    expect(first.get(OME)?.values.species).toBe('mouse');
    await rewriteUnseen(`${OME}.json`, (bytes) => Buffer.from(bytes.toString('utf8').replace('"mouse"', '"horse"')));
    await rewriteUnseen('plain.tiff', (bytes) => bytes.fill(0, 0, 8));
    const second = await scan();
    expect(second.get(OME)?.values.species).toBe('mouse');
    expect(second.get('plain.tiff')).toEqual(first.get('plain.tiff'));
    expect([...second.values()]).toEqual([...first.values()]);
  });

  it('reads again a sidecar whose size or modification time changed', async () => {
    await scan();
    const sidecar = file(`${OME}.json`);
    await writeFile(sidecar, (await readFile(sidecar, 'utf8')).replace('"mouse"', '"mice"'));
    expect((await scan()).get(OME)?.values.species).toBe('mice');
    await writeFile(sidecar, (await readFile(sidecar, 'utf8')).replace('"mice"', '"rats"'));
    await utimes(sidecar, FIXED, new Date(FIXED.getTime() + 1000));
    const third = await scan();
    expect(third.get(OME)?.values.species).toBe('rats');
    expect(third.get(OME)?.version?.sha256).toBe((await h.ok('reloadRow', { path: OME })).version?.sha256);
  });

  it('reads again an image whose modification time changed, and forgets a sidecar that is gone', async () => {
    await scan();
    await rewriteUnseen('plain.tiff', (bytes) => bytes.fill(0, 0, 8));
    await utimes(file('plain.tiff'), FIXED, new Date(FIXED.getTime() + 1000));
    await rm(file(`${OME}.json`));
    const second = await scan();
    expect(second.get('plain.tiff')).toMatchObject({ header: null, errors: [expect.stringMatching(/not a TIFF/)] });
    expect(second.get(OME)).toMatchObject({ sidecar: 'missing', version: null, values: { species: '' } });
  });

  it('reads sidecars again where a lab profile applies (it checks the whole file), and still reuses the headers', async () => {
    await copyFile(VASCULAR, file('acqmeta.profile.json'));
    const first = await scan();
    expect(first.get(OME)?.profileProblems.map((p) => p.field)).not.toContain('species');
    await rewriteUnseen(`${OME}.json`, (bytes) => Buffer.from(bytes.toString('utf8').replace('"mouse"', '"horse"')));
    await rewriteUnseen('plain.tiff', (bytes) => bytes.fill(0, 0, 8));
    const second = await scan();
    expect(second.get(OME)?.values.species).toBe('horse');
    expect(second.get(OME)?.profileProblems.map((p) => p.field)).toContain('species');
    expect(second.get('plain.tiff')).toEqual(first.get('plain.tiff'));
  });

  it('ignores a damaged cache file and writes a sound one', async () => {
    const first = await scan();
    await writeFile(await cacheFile(), '{"format": "something else"}\n["plain.tiff", 0, 0]\n');
    expect(await scan()).toEqual(first);
    const lines = (await readFile(await cacheFile(), 'utf8')).trim().split('\n');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ format: 'acqmeta-scan-cache/5' });
    expect(lines).toHaveLength(first.size + 1);
  });

  it('reads again the images of a cache written before the reader knew how files store their pixels', async () => {
    const first = await scan();
    expect(first.get('plain.tiff')?.acquisition?.storage).toEqual({ byte_order: 'big', resolution_levels: 1 });
    // the cache of a reader that read no byte order or levels: its layout version, its lines without them
    const old = (await readFile(await cacheFile(), 'utf8'))
      .replace(/"format":"acqmeta-scan-cache\/\d+"/, '"format":"acqmeta-scan-cache/4"')
      .replace(/,"storage":\{[^}]*\}/g, '')
      .replace(/"storage":\{[^}]*\},/g, '');
    expect(old).not.toContain('"storage"');
    await writeFile(await cacheFile(), old);
    expect(await scan()).toEqual(first);
  });

  it('reads again the image of a line that parses but holds the wrong things, and drops the images that are gone', async () => {
    const first = await scan();
    const text = await readFile(await cacheFile(), 'utf8');
    const damaged = text
      .split('\n')
      .map((line) => (line.includes(`"${OME}"`) ? line.replace('"mouse"', '{"species":"mouse"}') : line))
      .join('\n');
    await writeFile(await cacheFile(), damaged);
    await rm(file('plain.tiff'));
    const second = await scan();
    expect(second.get(OME)).toEqual(first.get(OME));
    expect(second.has('plain.tiff')).toBe(false);
    expect(await readFile(await cacheFile(), 'utf8')).not.toContain('"plain.tiff"');
  });

  it('leaves the file of a folder that did not change as it is, marked as used', async () => {
    await scan();
    const before = await stat(await cacheFile());
    const bytes = await readFile(await cacheFile());
    await utimes(await cacheFile(), FIXED, FIXED);
    await scan();
    const after = await stat(await cacheFile());
    expect(after.ino).toBe(before.ino); // not replaced by a new file
    expect((await readFile(await cacheFile())).equals(bytes)).toBe(true);
    expect(after.mtimeMs).toBeGreaterThan(FIXED.getTime());
  });

  it('forgets an image that is gone when nothing else changed', async () => {
    await scan();
    expect(await readFile(await cacheFile(), 'utf8')).toContain('"plain.tiff"');
    await rm(file('plain.tiff'));
    const second = await scan();
    const lines = (await readFile(await cacheFile(), 'utf8')).trim().split('\n');
    expect(lines.join('\n')).not.toContain('"plain.tiff"');
    expect(lines).toHaveLength(second.size + 1);
  });

  it('after a change, writes the same lines as a scan that found no cache', async () => {
    await scan();
    await writeFile(file(`${OME}.json`), (await readFile(file(`${OME}.json`), 'utf8')).replace('"mouse"', '"rat"'));
    const changed = await scan();
    expect(changed.get(OME)?.values.species).toBe('rat');
    // lines are written as the images are done, so their order may differ
    const lines = async () => (await readFile(await cacheFile(), 'utf8')).trim().split('\n').sort();
    const kept = await lines();
    await rm(await cacheFile());
    await scan();
    expect(kept).toEqual(await lines());
    expect(kept).toHaveLength(changed.size + 1);
  });
});
