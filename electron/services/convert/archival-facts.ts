/**
 * What an archival copy states beyond its pixels, from the source's sidecar and the lab's
 * catalogue: the experimental fields, the pixel size, the instrument matched, the source's
 * SHA-256, and the output file's name.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { ArchivalExtension, FileCalibration } from '../../../shared/api';
import type { Acquisition } from '../../../shared/acquisition/acquisition-types';
import { EXPERIMENT_FIELDS, type FieldValues } from '../../../shared/fields/field-table';
import { matchedHardware } from '../../../shared/instruments';
import { usableCalibration } from '../../../shared/sidecar';
import type { ArchivalImage } from '../../../shared/ome-tiff';
import { instrumentMatchOf, type InstrumentCatalogue } from '../profile';

/** SHA-256 of a file's bytes, lower-case hex, read as a stream; `signal` stops it between chunks. */
export async function sha256Of(absPath: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(absPath)) {
    signal?.throwIfAborted();
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

/** The sidecar's experimental fields that hold a value, in the field table's order. */
export function experimentalValues(values: FieldValues | null): FieldValues {
  const kept: FieldValues = {};
  for (const spec of EXPERIMENT_FIELDS) {
    const value = values?.[spec.name];
    if (value !== undefined && value !== null && value !== '' && value !== spec.default) kept[spec.name] = value;
  }
  return kept;
}

const MICROMETRE = new Set(['um', 'µm', 'micron', 'microns']);

/**
 * Pixel size in µm: the sidecar's calibration when it is in µm and states this image's X by Y
 * plane (`sidecarPlane`), else the file's, else the acquisition's. A sidecar describes image 0's
 * plane as stored: a LIF's xz scan's second axis is Z, and the file's other images have their own.
 */
export function physicalSizeUm(
  values: FieldValues | null,
  file: FileCalibration | null,
  acquisition: Acquisition,
  sidecarPlane: boolean,
): ArchivalImage['physicalSizeUm'] {
  const z = acquisition.pixel_size_um?.z ?? null;
  const { physical_unit_x: x, physical_unit_y: y, physical_label_x: label } = (sidecarPlane ? values : null) ?? {};
  if (typeof x === 'number' && typeof y === 'number' && typeof label === 'string' && MICROMETRE.has(label))
    return { x, y, z };
  const declared = usableCalibration(file);
  if (declared !== null && MICROMETRE.has(declared.label)) return { x: declared.x, y: declared.y, z };
  return { x: acquisition.pixel_size_um?.x ?? null, y: acquisition.pixel_size_um?.y ?? null, z };
}

/** The lab catalogue's match of the acquisition, as key and text (microscope, objective, light sources, filters); empty when none. */
export function instrumentMatchEntries(
  catalogue: InstrumentCatalogue | null,
  acquisition: Acquisition,
): [string, string][] {
  const match = catalogue === null ? null : instrumentMatchOf(catalogue, acquisition);
  if (catalogue === null || match === null) return [];
  const hardware = matchedHardware(match, catalogue.descriptions);
  const entries: [string, string][] = [];
  if (hardware.microscope !== null) entries.push(['microscope', hardware.microscope.name]);
  if (hardware.objective !== null) entries.push(['objective', hardware.objective.component.name]);
  hardware.lightSources.forEach((part, i) => entries.push([`light_source_${i + 1}`, part.component.name]));
  hardware.filters.forEach((part, i) => entries.push([`filter_${i + 1}`, part.component.name]));
  return entries;
}

/** The source's name without its image extension (`cell.ome.tif` → `cell`): the start of its copies' names. */
export function stemOf(fileName: string): string {
  return fileName.replace(/(\.ome)?\.(tiff?|btf|czi|nd2|lif|oib|lsm|stk|gel|qptiff)$/i, '');
}

/** An image name made safe as part of a file name: letters, digits, `-` and `_`, the rest `_`. */
function sanitised(name: string): string {
  return (
    name
      .replace(/[^A-Za-z0-9_-]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 80) || 'image'
  );
}

/**
 * The output file of image `index` (of `count`) of `sourceName`: `<stem><extension>` for a
 * file of one image, `<stem>_<index zero-padded>_<name><extension>` for several, so that they
 * sort and say where they came from.
 */
export function outputName(
  sourceName: string,
  image: { index: number; name: string },
  count: number,
  extension: ArchivalExtension,
): string {
  const stem = stemOf(path.basename(sourceName));
  if (count <= 1) return `${stem}${extension}`;
  const index = String(image.index).padStart(String(count - 1).length, '0');
  return `${stem}_${index}_${sanitised(image.name)}${extension}`;
}
