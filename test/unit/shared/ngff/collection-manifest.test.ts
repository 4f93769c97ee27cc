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
    value.acq_images.push(
      at('../escape'),
      at('acq_images/../../escape'),
      at('acq_images/a/b'),
      at('acq_images/.hidden'),
      at('/acq_images/abs'),
      at(7),
      at('acq_images/acq_image_001'),
      at('acq_images/x', '../x/acqstore/acq_image.json'),
      'not an entry',
      at('acq_images/new_one'),
    );
    const { members, problems } = membersOf(value);
    expect(members).toEqual(['acq_image_000', 'acq_image_001', 'acq_image_002', 'new_one']);
    expect(problems).toEqual([
      'entry 4: its ome_zarr_path "../escape" is not acq_images/<name>',
      'entry 5: its ome_zarr_path "acq_images/../../escape" is not acq_images/<name>',
      'entry 6: its ome_zarr_path "acq_images/a/b" is not acq_images/<name>',
      'entry 7: its ome_zarr_path "acq_images/.hidden" is not acq_images/<name>',
      'entry 8: its ome_zarr_path "/acq_images/abs" is not acq_images/<name>',
      'entry 9: its ome_zarr_path 7 is not acq_images/<name>',
      'entry 10: acq_images/acq_image_001 is listed twice',
      'entry 11: its sidecar_path "../x/acqstore/acq_image.json" is not "acq_images/x/acqstore/acq_image.json"',
      'entry 12: not a JSON object',
    ]);
  });

  it('refuses image names no file system holds: too long, or with a control character', () => {
    const value = manifest();
    const [first] = value.acq_images as [Record<string, unknown>];
    const named = (name: string) => ({
      ...first,
      ome_zarr_path: `acq_images/${name}`,
      sidecar_path: `acq_images/${name}/acqstore/acq_image.json`,
    });
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
    const [first] = value.acq_images as [Record<string, unknown>];
    const named = (name: string) => ({
      ...first,
      ome_zarr_path: `acq_images/${name}`,
      sidecar_path: `acq_images/${name}/acqstore/acq_image.json`,
    });
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
    const { members, problems } = membersOf(value);
    expect(members).toEqual(['Café', 'acq_image_000']);
    expect(problems).toHaveLength(6);
    expect(problems[0]).toBe('entry 2: acq_images/CAFE\u0301 is listed twice');
  });

  it('names five problems in a sentence and counts the rest', () => {
    const problems = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    expect(describeCollectionProblems(problems)).toBe(
      "this acqstore collection's manifest lists images AcqMeta does not read (a; b; c; d; e; and 2 more); its other images are rows of their own.",
    );
  });
});
