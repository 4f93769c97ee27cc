import { copyFile, mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { listImages, type ImageEntry } from '../../../../../electron/services/folder';
import { listImageRuns } from '../../../../../electron/services/folder/list-images';
import { beforeListing } from '../../../../../electron/services/disk/read-delay';
import { UnreadTally } from '../../../../../shared/unread-files';
import { labCopyPerTest } from './lab-folder';

// the slow-disk adapter, watched: the listing must wait for it before every folder it reads
vi.mock('../../../../../electron/services/disk/read-delay', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../../electron/services/disk/read-delay')>();
  return { ...actual, beforeListing: vi.fn(actual.beforeListing) };
});

async function list(root: string): Promise<ImageEntry[]> {
  const entries: ImageEntry[] = [];
  for await (const entry of listImages(root)) entries.push(entry);
  return entries;
}

describe('listImages', () => {
  const copy = labCopyPerTest();

  it('lists TIFFs and sidecar-backed OIRs, subfolders included, in code-point order', async () => {
    const entries = await list(copy.lab);
    expect(entries.map((e) => [e.relPath, e.format, e.sidecar])).toEqual([
      ['cells/multi-channel.ome.tif', 'tiff', 'file'],
      ['hostile/test_ifd_loop_to_self.tif', 'tiff', 'none'],
      ['other/scan_01.oir', 'oir', 'file'],
      ['plain.tiff', 'tiff', 'none'],
      ['stacks/float.tif', 'tiff', 'file'],
      ['stacks/multipage.tif', 'tiff', 'file'],
    ]);
    expect(entries[0]?.absPath).toBe(path.join(copy.lab, 'cells', 'multi-channel.ome.tif'));
  });

  it('hands out a folder’s images a run at a time, in the same order, cut where a subfolder comes', async () => {
    await copyFile(path.join(copy.lab, 'plain.tiff'), path.join(copy.lab, 'a.tif'));
    await copyFile(path.join(copy.lab, 'plain.tiff'), path.join(copy.lab, 'z.tif'));
    const runs: string[][] = [];
    for await (const run of listImageRuns(copy.lab)) runs.push(run.map((e) => e.relPath));
    expect(runs).toEqual([
      ['a.tif'],
      ['cells/multi-channel.ome.tif'],
      ['hostile/test_ifd_loop_to_self.tif'],
      ['other/scan_01.oir'],
      ['plain.tiff'],
      ['stacks/float.tif', 'stacks/multipage.tif'],
      ['z.tif'],
    ]);
    expect(runs.flat()).toEqual((await list(copy.lab)).map((e) => e.relPath));
  });

  it('waits for the slow-disk adapter before reading each folder', async () => {
    vi.mocked(beforeListing).mockClear();
    await list(copy.lab);
    expect(beforeListing).toHaveBeenCalledTimes(5);
  });

  it('matches extensions case-insensitively', async () => {
    await copyFile(path.join(copy.lab, 'plain.tiff'), path.join(copy.lab, 'UPPER.TIF'));
    await writeFile(path.join(copy.lab, 'other', 'scan_03.ND2'), 'stand-in');
    await writeFile(path.join(copy.lab, 'other', 'scan_03.ND2.json'), '{}');
    const paths = (await list(copy.lab)).map((e) => e.relPath);
    expect(paths).toContain('UPPER.TIF');
    expect(paths).toContain('other/scan_03.ND2');
  });

  it('ends on symlink loops and lists a folder reached twice only once', async () => {
    await symlink('..', path.join(copy.lab, 'cells', 'up'));
    await symlink('.', path.join(copy.lab, 'self'));
    await symlink(path.join(copy.lab, 'stacks'), path.join(copy.lab, 'zz-stacks-again'));
    const paths = (await list(copy.lab)).map((e) => e.relPath);
    expect(paths).toHaveLength(6);
    expect(new Set(paths).size).toBe(6);
  });

  it('never follows a link out of the folder', async () => {
    const outside = path.join(copy.base, 'outside');
    await mkdir(outside);
    await copyFile(path.join(copy.lab, 'plain.tiff'), path.join(outside, 'secret.tif'));
    await symlink(outside, path.join(copy.lab, 'outside-dir'));
    await symlink(path.join(outside, 'secret.tif'), path.join(copy.lab, 'secret-link.tif'));
    await symlink(path.join(copy.lab, 'plain.tiff'), path.join(copy.lab, 'inside-link.tif'));
    const paths = (await list(copy.lab)).map((e) => e.relPath);
    expect(paths).toContain('inside-link.tif');
    expect(paths.some((p) => p.includes('secret'))).toBe(false);
  });

  it('reports a sidecar that is a link as such', async () => {
    await symlink(path.join(copy.lab, 'cells', 'multi-channel.ome.tif.json'), path.join(copy.lab, 'plain.tiff.json'));
    const plain = (await list(copy.lab)).find((e) => e.relPath === 'plain.tiff');
    expect(plain?.sidecar).toBe('link');
  });

  it('lists every CZI, ND2, LIF and OIB file by its format, with a sidecar or without', async () => {
    const other = path.join(copy.lab, 'other');
    for (const name of ['a.czi', 'b.ND2', 'c.lif', 'd.oib', 'e.lsm', 'e.nd2.json'])
      await writeFile(path.join(other, name), 'stand-in');
    await writeFile(path.join(other, 'b.ND2.json'), '{}');
    const entries = (await list(copy.lab)).filter((e) => e.relPath.startsWith('other/'));
    expect(entries.map((e) => [e.relPath, e.format, e.sidecar])).toEqual([
      ['other/a.czi', 'czi', 'none'],
      ['other/b.ND2', 'nd2', 'file'],
      ['other/c.lif', 'lif', 'none'],
      ['other/d.oib', 'oib', 'none'],
      ['other/e.lsm', 'tiff', 'none'],
      ['other/scan_01.oir', 'oir', 'file'],
    ]);
  });

  it('counts and names the acquisition files that get no row, and only those', async () => {
    const other = path.join(copy.lab, 'other');
    for (const name of ['a.nd2', 'b.LOF', 'c.oib', 'd.ims', 'e.oir', 'notes.txt', 'f.nd2.json'])
      await writeFile(path.join(other, name), 'stand-in');
    await writeFile(path.join(other, 'g.oir'), 'stand-in');
    await writeFile(path.join(other, 'g.oir.json'), '{}'); // listed by its sidecar: it has a row
    await mkdir(path.join(copy.lab, 'plate.ome.zarr', '0', '0'), { recursive: true });
    await copyFile(path.join(copy.lab, 'plain.tiff'), path.join(copy.lab, 'plate.ome.zarr', '0', '0', 'inside.tif'));
    await writeFile(path.join(other, 'h.cs.ome.zarr.zip'), 'stand-in');
    await writeFile(path.join(other, 'i.ome.zarr.zip'), 'stand-in');
    const unread = new UnreadTally();
    const entries: ImageEntry[] = [];
    for await (const entry of listImages(copy.lab, unread)) entries.push(entry);
    const paths = entries.map((e) => e.relPath);
    expect(paths).toContain('other/g.oir');
    expect(paths).toContain('other/a.nd2');
    expect(paths).toContain('other/c.oib');
    // a zipped store is one image, a file; CloudScope's own zipped stores are not read
    expect(entries.find((e) => e.relPath === 'other/i.ome.zarr.zip')?.format).toBe('ome-zarr');
    // an OME-Zarr store is one image, never walked into (the TIFF inside it gets no row)
    expect(entries.filter((e) => e.relPath.startsWith('plate.ome.zarr')).map((e) => [e.relPath, e.format])).toEqual([
      ['plate.ome.zarr', 'ome-zarr'],
    ]);
    expect(unread.result()).toEqual({
      count: 5,
      byFormat: [
        { format: 'LOF', count: 1 },
        { format: 'OIR', count: 2 },
        { format: 'Imaris', count: 1 },
        { format: 'zipped CloudScope store', count: 1 },
      ],
      paths: ['other/b.LOF', 'other/d.ims', 'other/e.oir', 'other/h.cs.ome.zarr.zip', 'other/scan_02.oir'],
    });
  });

  it('rejects a root that does not exist', async () => {
    await expect(list(path.join(copy.base, 'nope'))).rejects.toThrow();
  });
});
