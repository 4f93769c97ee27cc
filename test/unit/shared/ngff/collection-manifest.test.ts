import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  describeCollectionProblems,
  membersOf,
  readCollectionMembers,
} from '../../../../shared/ngff/collection-manifest';
import { NgffReadError, type ZarrStore } from '../../../../shared/ngff/types';

const MANIFEST = fileURLToPath(
  new URL('../../../fixtures/ngff/lab.ome.zarr/acqstore/acq_image_collection.json', import.meta.url),
);
const manifest = (): { acq_images: unknown[] } & Record<string, unknown> => JSON.parse(readFileSync(MANIFEST, 'utf8'));

/** An entry like the manifest's first, naming the image folder `acq_images/<name>`. */
const entryNaming = (value: { acq_images: unknown[] }, name: string) => ({
  ...(value.acq_images[0] as Record<string, unknown>),
  ome_zarr_path: `acq_images/${name}`,
  sidecar_path: `acq_images/${name}/acqstore/acq_image.json`,
});

/** A store holding one key, `acqstore/acq_image_collection.json`, with `text`. */
const storeWith = (text: string | null, seen: number[] = []): ZarrStore => ({
  async get(key, maxBytes) {
    seen.push(maxBytes);
    return key === 'acqstore/acq_image_collection.json' && text !== null ? new TextEncoder().encode(text) : null;
  },
});

describe('acqstore collection manifest', () => {
  it('lists the images of the manifest acqstore writes, in its order', async () => {
    const members = await readCollectionMembers(storeWith(readFileSync(MANIFEST, 'utf8')));
    expect(members?.members).toEqual(['acq_image_000', 'acq_image_001', 'acq_image_002']);
    expect(members?.problems).toEqual([]);
    expect(members?.listed.has('acq_image_001')).toBe(true);
  });

  it('says what each image was exported from: the source’s path, else its name, when fit to show', () => {
    const value = manifest();
    const entry = (name: string, fields: Record<string, unknown>) => ({ ...entryNaming(value, name), ...fields });
    const listed = membersOf({
      ...value,
      acq_images: [
        entry('a', { name: 'ls_02.tif', source: { filename: 'ls_02.tif', relative_path: 'day-1/ls_02.tif' } }),
        // exported from a URL: no relative path
        entry('b', { name: 'ls_03.tif', source: { filename: 'ls_03.tif', relative_path: null } }),
        // text that would reorder what the table shows around it, or a control character
        entry('c', { name: 'evil\u202egpj.exe', source: { filename: 'x', relative_path: 'a\u0007b.tif' } }),
        entry('d', { name: 'x'.repeat(1_025), source: { filename: null, relative_path: null } }),
        entry('e', { name: '   ', source: 'not an object' }),
        // invisible: a zero-width space, a line separator
        entry('f', { name: 'ls\u200b02.tif', source: { filename: null, relative_path: 'a\u2028b.tif' } }),
        // a Persian name, its zero-width non-joiner kept
        entry('g', { name: 'می\u200cخواهم.tif', source: { filename: null, relative_path: null } }),
      ],
    });
    expect(listed.members).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(listed.problems).toEqual([]);
    expect(Object.fromEntries(listed.exportedFrom)).toEqual({
      a: 'day-1/ls_02.tif',
      b: 'ls_03.tif',
      g: 'می\u200cخواهم.tif',
    });
  });

  it('is no collection without a manifest, and reads a manifest within a bound', async () => {
    const seen: number[] = [];
    expect(await readCollectionMembers(storeWith(null, seen))).toBeNull();
    expect(seen).toEqual([64 * 1024 * 1024]);
  });

  it('refuses a manifest that is not JSON, of another format or version, or without a list', async () => {
    await expect(readCollectionMembers(storeWith('{"acq_images": ['))).rejects.toThrow(
      new NgffReadError('acqstore/acq_image_collection.json is not JSON'),
    );
    const refusals: [unknown, string][] = [
      [[], 'is not a JSON object'],
      [
        { ...manifest(), format: 'acqstore-native-ome-zarr' },
        'format "acqstore-native-ome-zarr" is not "acqstore-acq-image-collection"',
      ],
      [{ ...manifest(), version: 2 }, 'version 2 is not one AcqMeta reads (1)'],
      [{ ...manifest(), acq_images: {} }, 'acq_images is not a list'],
    ];
    for (const [value, message] of refusals) expect(() => membersOf(value)).toThrow(message);
  });

  it('names each entry laid out otherwise than acqstore lays them out, and keeps the others', () => {
    const value = manifest();
    const [first] = value.acq_images as [Record<string, unknown>];
    const at = (
      ome_zarr_path: unknown,
      sidecar_path: unknown = `${String(ome_zarr_path)}/acqstore/acq_image.json`,
    ) => ({
      ...first,
      ome_zarr_path,
      sidecar_path,
    });
    const refused: [unknown, string][] = [
      [at('../escape'), 'its ome_zarr_path "../escape" is not acq_images/<name>'],
      [at('acq_images/../../escape'), 'its ome_zarr_path "acq_images/../../escape" is not acq_images/<name>'],
      [at('acq_images/a/b'), 'its ome_zarr_path "acq_images/a/b" is not acq_images/<name>'],
      [at('acq_images/.hidden'), 'its ome_zarr_path "acq_images/.hidden" is not acq_images/<name>'],
      [at('/acq_images/abs'), 'its ome_zarr_path "/acq_images/abs" is not acq_images/<name>'],
      [at(7), 'its ome_zarr_path 7 is not acq_images/<name>'],
      [at('acq_images/acq_image_001'), 'acq_images/acq_image_001 is listed twice'],
      [
        at('acq_images/x', '../x/acqstore/acq_image.json'),
        'its sidecar_path "../x/acqstore/acq_image.json" is not "acq_images/x/acqstore/acq_image.json"',
      ],
      ['not an entry', 'not a JSON object'],
    ];
    for (const [entry, message] of refused) {
      const one = membersOf({ ...value, acq_images: [...value.acq_images, entry] });
      expect(one.problems).toEqual([`entry 4: ${message}`]);
      expect(one.members).toEqual(['acq_image_000', 'acq_image_001', 'acq_image_002']);
    }
    // all of them at once: the first five named, all counted, the good one kept
    const all = membersOf({
      ...value,
      acq_images: [...value.acq_images, ...refused.map(([e]) => e), at('acq_images/new_one')],
    });
    expect(all.members).toEqual(['acq_image_000', 'acq_image_001', 'acq_image_002', 'new_one']);
    expect([all.problems.length, all.problemCount]).toEqual([5, 9]);
  });

  it('refuses a manifest of more images than it reads, and keeps few words of a million bad entries', () => {
    expect(() => membersOf({ ...manifest(), acq_images: new Array(100_001).fill(0) })).toThrow(
      'acqstore/acq_image_collection.json lists 100001 images, more than the 100,000 AcqMeta reads in one collection',
    );
    const bad = membersOf({ ...manifest(), acq_images: new Array(100_000).fill(0) });
    expect([bad.problems.length, bad.problemCount, bad.members.length]).toEqual([5, 100_000, 0]);
  });

  it('refuses image names no file system holds: too long, or with a control character', () => {
    const value = manifest();
    const named = (name: string) => entryNaming(value, name);
    value.acq_images = [
      named('a'.repeat(256)),
      named('a\u0000b'),
      named('a\nb'),
      named('é'.repeat(128)),
      named('a'.repeat(255)),
    ];
    const { members, problems } = membersOf(value);
    expect(members).toEqual(['a'.repeat(255)]);
    expect(problems).toHaveLength(4);
  });

  it('takes names one folder holds on macOS and Windows for one image, and refuses names Windows cannot hold', () => {
    const value = manifest();
    const named = (name: string) => entryNaming(value, name);
    value.acq_images = [
      named('Café'),
      named('CAFE\u0301'),
      named('acq_image_000'),
      named('ACQ_IMAGE_000'),
      named('a.'),
      named('a '),
      named('a:b'),
      named('a?'),
    ];
    const { members, problems, problemCount } = membersOf(value);
    expect(members).toEqual(['Café', 'acq_image_000']);
    expect(problemCount).toBe(6);
    expect(problems[0]).toBe('entry 2: acq_images/CAFE\u0301 is listed twice');
  });

  it('names five problems in a sentence and counts the rest', () => {
    const collection = { problems: ['a', 'b', 'c', 'd', 'e'], problemCount: 7 };
    expect(describeCollectionProblems(collection)).toBe(
      "this acqstore collection's manifest lists images AcqMeta does not read (a; b; c; d; e; and 2 more); its other images are rows of their own.",
    );
  });
});
