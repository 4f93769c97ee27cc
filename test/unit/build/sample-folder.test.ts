import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPERIMENT_FIELDS, HEADER_FIELDS } from '../../../shared/fields/field-table';

const SAMPLE = path.resolve(import.meta.dirname, '../../../build/sample-folder');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [path.relative(SAMPLE, full).split(path.sep).join('/')];
  });
}

/** Whether every object's keys appear in code-point order, as `sort_keys=True` writes them. */
function keysSorted(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(keysSorted);
  if (typeof value !== 'object' || value === null) return true;
  const keys = Object.keys(value);
  return keys.every((k, i) => i === 0 || (keys[i - 1] as string) < k) && Object.values(value).every(keysSorted);
}

const all = files(SAMPLE);
const images = all.filter((f) => f.endsWith('.tif'));
const sidecars = all.filter((f) => f.endsWith('.tif.json'));

describe('build/sample-folder', () => {
  it('holds 3 to 5 real TIFFs in subfolders, some with a sidecar and one without', () => {
    expect(images.length).toBeGreaterThanOrEqual(3);
    expect(images.length).toBeLessThanOrEqual(5);
    expect(images.some((f) => f.includes('/'))).toBe(true);
    for (const image of images)
      expect(readFileSync(path.join(SAMPLE, image)).subarray(0, 2).toString('latin1')).toMatch(/^(II|MM)$/);
    for (const sidecar of sidecars) expect(images).toContain(sidecar.slice(0, -'.json'.length));
    expect(images.filter((image) => !sidecars.includes(`${image}.json`)).length).toBeGreaterThanOrEqual(1);
    expect(sidecars.length).toBeGreaterThanOrEqual(2);
  });

  it('credits every image in SOURCES.md', () => {
    const sources = readFileSync(path.join(SAMPLE, 'SOURCES.md'), 'utf8');
    for (const image of images) expect(sources).toContain(image);
  });

  it.each(sidecars)('%s is a complete version-2 sidecar written as CloudScope writes it', (sidecar) => {
    const text = readFileSync(path.join(SAMPLE, sidecar), 'utf8');
    expect(text.endsWith('}')).toBe(true);
    expect([...text].every((c) => c.charCodeAt(0) < 128)).toBe(true);
    expect(text.split('\n')[1]).toMatch(/^ {2}"accepted": (true|false),$/);
    const value = JSON.parse(text) as Record<string, Record<string, unknown>>;
    expect(keysSorted(value)).toBe(true);
    expect(value.version).toBe(2);
    expect(Object.keys(value)).toEqual(
      expect.arrayContaining([
        'version',
        'accepted',
        'rois',
        'experiment_metadata',
        'image_header_metadata',
        'analysis',
      ]),
    );
    expect(Object.keys(value.experiment_metadata ?? {}).sort()).toEqual(EXPERIMENT_FIELDS.map((f) => f.name).sort());
    expect(Object.keys(value.image_header_metadata ?? {}).sort()).toEqual(HEADER_FIELDS.map((f) => f.name).sort());
    expect(text).toMatch(/"physical_unit_x": \d+\.\d+,/);
  });

  it('includes a 16-bit image', () => {
    const dtypes = sidecars.map(
      (s) =>
        (JSON.parse(readFileSync(path.join(SAMPLE, s), 'utf8')) as { image_header_metadata: { dtype: string } })
          .image_header_metadata.dtype,
    );
    expect(dtypes).toContain('uint16');
  });
});
