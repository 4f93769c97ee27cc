/**
 * The NGFF header reader on stores other tools wrote (zarr-python 2 arrays, zarr-python 3's
 * sharded array from zarrita.js's fixtures) and on hostile metadata: a model or an
 * NgffReadError, nothing else. Expected values are those python3-zarr reads (SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ngffSummary } from '../../../../shared/ngff/ngff-summary';
import { readNgffImage } from '../../../../shared/ngff/read-ngff';
import { NgffReadError, type ZarrStore } from '../../../../shared/ngff/types';
import { LocalZarrStore } from '../../../../electron/services/ngff/local-zarr-store';

const NGFF = fileURLToPath(new URL('../../../fixtures/ngff/', import.meta.url));
const fixture = (name: string): ZarrStore => new LocalZarrStore(`${NGFF}${name}`);

/** A store in memory: keys to documents (objects are written as JSON, strings as they are). */
function memoryStore(docs: Record<string, unknown>): ZarrStore {
  return {
    async get(key: string, maxBytes: number) {
      const doc = docs[key];
      if (doc === undefined) return null;
      const bytes = new TextEncoder().encode(typeof doc === 'string' ? doc : JSON.stringify(doc));
      if (bytes.length > maxBytes) throw new NgffReadError(`${key} is too large`);
      return bytes;
    },
  };
}

/** The documents of a fixture store's metadata, to mutate. */
function fixtureDocs(name: string, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, JSON.parse(readFileSync(`${NGFF}${name}/${key}`, 'utf8'))]));
}

const CELLS_KEYS = ['.zattrs', '.zgroup', '0/.zarray', '1/.zarray'];

describe('NGFF header reader', () => {
  it('reads NGFF 0.4 on Zarr v2: axes, both levels, scales and the omero channels', async () => {
    const image = await readNgffImage(fixture('cells-04.ome.zarr'));
    expect(image).toEqual({
      version: '0.4',
      zarrFormat: 2,
      name: 'cells',
      axes: [
        { name: 'c', type: 'channel', unit: null },
        { name: 'z', type: 'space', unit: 'micrometer' },
        { name: 'y', type: 'space', unit: 'micrometer' },
        { name: 'x', type: 'space', unit: 'micrometer' },
      ],
      levels: [
        {
          path: '0',
          shape: [2, 3, 40, 36],
          chunks: [1, 1, 32, 32],
          dtype: 'uint16',
          codecs: ['zlib'],
          scale: [1, 2, 0.325, 0.325],
          translation: null,
        },
        {
          path: '1',
          shape: [2, 3, 20, 18],
          chunks: [1, 1, 32, 32],
          dtype: 'uint16',
          codecs: ['zlib'],
          scale: [1, 2, 0.65, 0.65],
          translation: null,
        },
      ],
      channels: [
        { label: 'DAPI', color: '0000FF' },
        { label: 'GFP', color: '00FF00' },
      ],
      imagePath: '',
    });
  });

  it('gives CloudScope’s header values, the declared pixel size and the acquisition', async () => {
    const summary = ngffSummary(await readNgffImage(fixture('cells-04.ome.zarr')));
    expect(summary.header).toEqual({
      shape: '(2, 3, 40, 36)',
      dims: "('C', 'Z', 'Y', 'X')",
      sizes: "{'C': 2, 'Z': 3, 'Y': 40, 'X': 36}",
      dtype: 'uint16',
      num_channels: 2,
      num_scenes: 1,
      date: '',
      time: '',
    });
    expect(summary.fileCalibration).toEqual({ x: 0.325, y: 0.325, unit: 'um', source: 'ngff' });
    expect(summary.planes).toEqual({ c: 2, z: 3, t: 1 });
    expect(summary.acquisition).toMatchObject({
      sources: ['ngff'],
      pixel_size_um: { x: 0.325, y: 0.325, z: 2 },
      channels: [{ name: 'DAPI' }, { name: 'GFP' }],
    });
  });

  it('reads a time axis in seconds as the interval, and a Blosc compressor by its id', async () => {
    const image = await readNgffImage(fixture('blosc-04.ome.zarr'));
    expect(image.levels).toMatchObject([
      { shape: [2, 30, 50], chunks: [1, 16, 16], dtype: 'uint8', codecs: ['blosc'] },
    ]);
    const summary = ngffSummary(image);
    expect(summary.header).toMatchObject({ dims: "('T', 'Y', 'X')", num_channels: 1 });
    expect(summary.planes).toEqual({ c: 1, z: 1, t: 2 });
    expect(summary.acquisition).toMatchObject({ time_increment_s: 0.5, pixel_size_um: { x: 1.2, y: 1.2 } });
  });

  it('reads the image of a bioformats2raw layout in its group 0, and the microscope its OME-XML records', async () => {
    const image = await readNgffImage(fixture('b2r-04.ome.zarr'));
    expect(image.imagePath).toBe('0');
    expect(image.levels.map((l) => [l.path, l.shape])).toEqual([
      ['0/0', [2, 3, 40, 36]],
      ['0/1', [2, 3, 20, 18]],
    ]);
    const xml = readFileSync(`${NGFF}b2r-04.ome.zarr/OME/METADATA.ome.xml`, 'utf8');
    const { acquisition } = ngffSummary(image, xml);
    expect(acquisition).toMatchObject({
      sources: ['ngff', 'ome'],
      instrument: { manufacturer: 'Zeiss', model: 'LSM 880' },
      objective: { magnification: 40, na: 1.3, immersion: 'Oil' },
      channels: [
        { name: 'DAPI', emission_nm: 461 },
        { name: 'GFP', emission_nm: 510 },
      ],
      acquired_at: '2024-05-06T10:20:30',
      pixel_size_um: { x: 0.325, y: 0.325, z: 2 },
    });
    expect(acquisition.disagreements).toBeUndefined();
    // a document that is no OME-XML is one problem, the store's own values stay
    expect(ngffSummary(image, '<html/>').acquisition).toMatchObject({
      problems: ['OME/METADATA.ome.xml: not an OME document'],
      pixel_size_um: { x: 0.325 },
    });
  });

  it('reads NGFF 0.5 on Zarr v3: a sharded level’s inner chunks and codecs, both scales multiplied, units converted', async () => {
    const image = await readNgffImage(fixture('sharded-05.ome.zarr'));
    expect(image).toMatchObject({ version: '0.5', zarrFormat: 3, name: 'sharded' });
    expect(image.levels).toEqual([
      {
        path: '0',
        shape: [4, 4, 4],
        chunks: [1, 1, 1],
        dtype: 'int16',
        codecs: ['sharding_indexed', 'bytes', 'gzip'],
        scale: [3, 250, 250],
        translation: null,
      },
    ]);
    const summary = ngffSummary(image);
    expect(summary.header.dims).toBe("('Z', 'Y', 'X')");
    // 250 nanometer is 0.25 µm
    expect(summary.fileCalibration).toEqual({ x: 0.25, y: 0.25, unit: 'um', source: 'ngff' });
    expect(summary.acquisition.pixel_size_um).toEqual({ x: 0.25, y: 0.25, z: 3 });
  });

  it('refuses hostile or malformed metadata with a sentence naming the document', async () => {
    // the documents are mutated as JSON, whatever their shape
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const cases: [string, (docs: Record<string, any>) => void, RegExp][] = [
      ['seven axes', (d) => d['.zattrs'].multiscales[0].axes.push(...['a', 'b', 'e']), /\.zattrs: 7 axes/],
      [
        'a shape of other rank',
        (d) => d['0/.zarray'].shape.push(3),
        /0\/\.zarray: shape has 5 entries, the image has 4 axes/,
      ],
      [
        'a huge shape',
        (d) => (d['0/.zarray'].shape[0] = 2 ** 60),
        /0\/\.zarray: shape holds 1152921504606847000, not a whole number/,
      ],
      ['a negative chunk', (d) => (d['1/.zarray'].chunks[1] = 0), /1\/\.zarray: chunks holds 0/],
      ['an unknown dtype', (d) => (d['0/.zarray'].dtype = '<c16'), /sample type "<c16"/],
      ['an absolute path', (d) => (d['.zattrs'].multiscales[0].datasets[0].path = '/etc'), /dataset path "\/etc"/],
      ['a missing level', (d) => (d['.zattrs'].multiscales[0].datasets[1].path = '2'), /2\/\.zarray is missing/],
      [
        'a scale of other rank',
        (d) => d['.zattrs'].multiscales[0].datasets[0].coordinateTransformations[0].scale.pop(),
        /a scale is not 4 numbers/,
      ],
      ['duplicate axes', (d) => (d['.zattrs'].multiscales[0].axes[1].name = 'c'), /two axes have the same name/],
      ['a plate', (d) => (d['.zattrs'] = { plate: { wells: [] } }), /an HCS plate; AcqMeta reads single images/],
      ['not JSON', (d) => (d['.zattrs'] = '{"multiscales": ['), /^\.zattrs is not JSON$/],
      ['no levels', (d) => (d['.zattrs'].multiscales[0].datasets = []), /list no datasets/],
    ];
    for (const [what, mutate, message] of cases) {
      const docs = fixtureDocs('cells-04.ome.zarr', CELLS_KEYS);
      mutate(docs);
      await expect(readNgffImage(memoryStore(docs)), what).rejects.toThrow(message);
    }
    await expect(readNgffImage(memoryStore({}))).rejects.toThrow('no zarr.json or .zattrs');
    // JSON nested deeper than the stack, where a path or a type should be: refused like any other value
    const docs = fixtureDocs('cells-04.ome.zarr', CELLS_KEYS);
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    docs['.zattrs'] = JSON.stringify(docs['.zattrs']).replace('"path":"0"', `"path":${deep}`);
    await expect(readNgffImage(memoryStore(docs))).rejects.toThrow('the dataset path a list is not a plain path');
    // a unit named like an object's own properties is no unit
    const attrs = fixtureDocs('cells-04.ome.zarr', CELLS_KEYS);
    const named = JSON.stringify(attrs['.zattrs']).replaceAll('"micrometer"', '"constructor"');
    const image = await readNgffImage(memoryStore({ ...attrs, '.zattrs': named }));
    expect(ngffSummary(image).fileCalibration).toBeNull();
  });

  it('never fails with anything but an NgffReadError, whatever a document holds', async () => {
    const values = [null, 0, -1, 1.5, 2 ** 53, 'x', '..', [], {}, [null], [1, 2, 3, 4], { name: 'x' }, true];
    let seed = 12345;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    /** Replaces one value somewhere in `doc` by one of `values`. */
    const mutateOne = (doc: unknown): void => {
      let node = doc as Record<string, unknown>;
      for (let depth = 0; depth < 6; depth++) {
        const keys = typeof node === 'object' && node !== null ? Object.keys(node) : [];
        if (keys.length === 0) return;
        const key = keys[random(keys.length)] as string;
        const child = node[key];
        if (typeof child !== 'object' || child === null || random(3) === 0) {
          node[key] = structuredClone(values[random(values.length)]);
          return;
        }
        node = child as Record<string, unknown>;
      }
    };
    for (let i = 0; i < 400; i++) {
      const docs = fixtureDocs('cells-04.ome.zarr', CELLS_KEYS);
      mutateOne(docs[CELLS_KEYS[random(CELLS_KEYS.length)] as string]);
      const outcome = await readNgffImage(memoryStore(docs)).then(
        () => 'read',
        (error: unknown) => (error instanceof NgffReadError ? 'refused' : error),
      );
      expect(['read', 'refused']).toContain(outcome);
    }
  });
});
