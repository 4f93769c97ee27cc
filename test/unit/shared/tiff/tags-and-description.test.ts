import { describe, expect, it } from 'vitest';
import { readTiffHeader } from '../../../../shared/tiff';
import { fixtureSource } from './memory-source';

describe('tags of the first IFD', () => {
  it('names tags, types and enumerated values', async () => {
    const info = await readTiffHeader(fixtureSource('generated/deflate-predictor-u16.tif'));
    const byName = new Map(info.tags.map((tag) => [tag.name, tag]));
    expect(byName.get('ImageWidth')).toEqual({ code: 256, name: 'ImageWidth', type: 'LONG', count: 1, value: '16' });
    expect(byName.get('Compression')?.value).toBe('8 (ADOBE_DEFLATE)');
    expect(byName.get('Predictor')?.value).toBe('2 (HORIZONTAL)');
    expect(byName.get('PhotometricInterpretation')?.value).toBe('1 (MINISBLACK)');
  });

  it('shortens long arrays and shows rationals as numbers', async () => {
    const info = await readTiffHeader(fixtureSource('libtiff/quad-lzw-compat.tiff'));
    const offsets = info.tags.find((tag) => tag.code === 273);
    expect(offsets?.count).toBe(77);
    expect(offsets?.value).toMatch(/^(\d+, ){8}… \(77 values\)$/);
    const ij = await readTiffHeader(fixtureSource('generated/imagej-hyperstack-tzcyx-u16.tif'));
    expect(ij.tags.find((tag) => tag.name === 'XResolution')?.value).toBe('2');
  });

  it('names private tags it does not know by number', async () => {
    const info = await readTiffHeader(fixtureSource('generated/synthetic.lsm'));
    expect(info.tags.find((tag) => tag.code === 34412)?.name).toBe('CZ_LSMINFO');
    const ij = await readTiffHeader(fixtureSource('skimage/_blobs_3d_fiji_skeleton.tif'));
    expect(ij.tags.map((tag) => tag.name)).toContain('ImageDescription');
  });
});

describe('ImageDescription', () => {
  it('strips trailing NULs and tells the kinds apart', async () => {
    const imagej = await readTiffHeader(fixtureSource('skimage/_blobs_3d_fiji_skeleton.tif'));
    expect(imagej.description.kind).toBe('imagej');
    expect(imagej.description.text.startsWith('ImageJ=1.53c\nimages=30')).toBe(true);
    expect(imagej.description.text.endsWith('\0')).toBe(false);
    expect((await readTiffHeader(fixtureSource('bioformats/multi-channel.ome.tif'))).description.kind).toBe('ome');
    expect((await readTiffHeader(fixtureSource('generated/shaped-2page-u8.tif'))).description.kind).toBe('json');
    expect((await readTiffHeader(fixtureSource('generated/plain-3page-u8.tif'))).description).toEqual({
      kind: 'none',
      text: '',
    });
    expect((await readTiffHeader(fixtureSource('pims/stuck.tif'))).description).toEqual({
      kind: 'text',
      text: 'shape=(5,512,512)',
    });
  });
});
