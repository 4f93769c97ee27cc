import { describe, expect, it } from 'vitest';
import { readTiffHeader } from '../../../../shared/tiff';
import { fixtureSource, memorySource } from './memory-source';

/** A little-endian classic TIFF: header, then IFDs laid out by `build`. */
function tiff(size: number, build: (view: DataView) => void): Uint8Array {
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  bytes.set([0x49, 0x49, 42, 0]);
  build(view);
  return bytes;
}

/** Writes an IFD of a 4x4 uint8 image at `at` with extra entries, linking to `next`. */
function ifd(view: DataView, at: number, next: number, extra: [number, number, number, number][] = []): void {
  const entries: [number, number, number, number][] = [
    [256, 3, 1, 4],
    [257, 3, 1, 4],
    [258, 3, 1, 8],
    [273, 4, 1, 200],
    [278, 3, 1, 4],
    [279, 4, 1, 16],
    ...extra,
  ];
  entries.sort((a, b) => a[0] - b[0]);
  view.setUint16(at, entries.length, true);
  entries.forEach(([code, type, count, value], i) => {
    const e = at + 2 + i * 12;
    view.setUint16(e, code, true);
    view.setUint16(e + 2, type, true);
    view.setUint32(e + 4, count, true);
    view.setUint32(e + 8, value, true);
  });
  view.setUint32(at + 2 + entries.length * 12, next, true);
}

describe('hostile files fail with a clear error and cost almost nothing', () => {
  it('detects libtiff IFD loops (to itself and back to the first IFD)', async () => {
    await expect(readTiffHeader(fixtureSource('libtiff/test_ifd_loop_to_self.tif'))).rejects.toThrow(
      'IFD loop at offset 408',
    );
    await expect(readTiffHeader(fixtureSource('libtiff/test_ifd_loop_to_first.tif'))).rejects.toThrow(
      'IFD loop at offset 10',
    );
  });

  it('reports an IFD offset past the end', async () => {
    const source = fixtureSource('hostile/ifd-offset-past-eof.tif');
    await expect(readTiffHeader(source)).rejects.toThrow('truncated file: IFD at 99999 is past the end (size 288)');
  });

  it('never reads a 2 GB description claimed by a 288-byte file', async () => {
    const source = fixtureSource('hostile/huge-description.tif');
    await expect(readTiffHeader(source)).rejects.toThrow(/ImageDescription .* runs past the end \(size 288\)/);
    expect(source.bytesRead).toBeLessThanOrEqual(288);
  });

  it('never reads 200 million strip offsets', async () => {
    const source = fixtureSource('hostile/strip-offsets-200m.tif');
    await expect(readTiffHeader(source)).rejects.toThrow(/StripOffsets \(273\) at 150 \(800000000 bytes\)/);
    expect(source.bytesRead).toBeLessThanOrEqual(288);
  });

  it('rejects an IFD that claims tens of thousands of entries', async () => {
    await expect(readTiffHeader(fixtureSource('hostile/huge-entry-count.tif'))).rejects.toThrow(
      'corrupt IFD at 8: it claims 60000 entries',
    );
  });

  it('rejects files that are not TIFFs', async () => {
    await expect(readTiffHeader(fixtureSource('hostile/empty.tif'))).rejects.toThrow('not a TIFF file (0 bytes)');
    await expect(readTiffHeader(fixtureSource('hostile/not-a-tiff.tif'))).rejects.toThrow(/^not a TIFF file/);
  });

  it('rejects a file cut in the middle of its first IFD', async () => {
    await expect(readTiffHeader(fixtureSource('hostile/truncated-in-ifd.tif'))).rejects.toThrow(
      /^truncated file: IFD at 8/,
    );
  });

  it('detects a loop between two big-endian pages', async () => {
    await expect(readTiffHeader(fixtureSource('hostile/two-page-loop-be.tif'))).rejects.toThrow('IFD loop at offset 8');
  });

  it('stops walking after maxPages pages', async () => {
    // 300 empty-ish IFDs in a chain
    const bytes = tiff(8 + 300 * 100 + 300, (view) => {
      view.setUint32(4, 8, true);
      for (let i = 0; i < 300; i++) ifd(view, 8 + i * 100, i === 299 ? 0 : 8 + (i + 1) * 100);
    });
    await expect(readTiffHeader(memorySource(bytes))).resolves.toMatchObject({ pageCount: 300 });
    await expect(readTiffHeader(memorySource(bytes), { maxPages: 100 })).rejects.toThrow('more than 100 pages');
  });

  it('stops when the byte budget for one header is spent', async () => {
    const bytes = tiff(8 + 300 * 100 + 300, (view) => {
      view.setUint32(4, 8, true);
      for (let i = 0; i < 300; i++) ifd(view, 8 + i * 100, i === 299 ? 0 : 8 + (i + 1) * 100);
    });
    await expect(readTiffHeader(memorySource(bytes), { maxBytes: 8192 })).rejects.toThrow(
      /would exceed the 8192-byte limit/,
    );
  });

  it('rejects a file whose only IFD is empty', async () => {
    const bytes = tiff(64, (view) => view.setUint32(4, 8, true)); // IFD at 8: 0 entries, next 0
    await expect(readTiffHeader(memorySource(bytes))).rejects.toThrow('the file holds no image (its IFDs are empty)');
  });

  it('tolerates a tag of unknown type 0 (libtiff ojpeg sample) and lists it', async () => {
    const info = await readTiffHeader(fixtureSource('libtiff/ojpeg_single_strip_no_rowsperstrip.tiff'));
    expect(info.tags.some((tag) => tag.type === 'unknown (0)')).toBe(true);
    expect(info.header.shape).toBe('(213, 234, 3)');
  });

  it('shows an unreadable non-structural tag value instead of failing the file', async () => {
    const bytes = tiff(300, (view) => {
      view.setUint32(4, 8, true);
      ifd(view, 8, 0, [[305, 2, 5000, 120]]); // Software claims 5000 bytes at 120
    });
    const info = await readTiffHeader(memorySource(bytes));
    expect(info.tags.find((tag) => tag.code === 305)?.value).toMatch(
      /^\(unreadable: truncated file: tag Software \(305\)/,
    );
  });
});
