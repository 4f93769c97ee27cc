/**
 * The tags a calibration sets in each kind of header, and what each value says before and
 * after: the ImageJ description and slice labels, the OME-XML, and the resolution tags.
 */
import { numberText } from '../number-text';
import { decodeNumbers, readEntryBytes, type IfdEntry } from '../tiff/ifd';
import { childrenNamed } from '../tiff/xml';
import { parseImageJDescription } from '../tiff/series-imagej';
import { parseOme } from '../tiff/ome';
import type { TiffPage } from '../tiff/page';
import type { TiffFile } from '../tiff/tiff-file';
import type { HeaderCalibration, HeaderPlace, HeaderValueChange } from './calibration-model';
import { IMAGEJ_UNIT, OME_UNIT, lengthUnitOf, pixelsPerCentimetre, rational } from './calibration-units';
import { numberBytes, type NewTag } from './ifd-patch';
import { propertiesText, withImageJValues } from './imagej-description';
import { labelsOf, readImageJMetadata, withLabels } from './imagej-labels';
import { withPixelsAttributes } from './ome-xml-edit';

/** The tags to set and the values they change. */
interface ResolvedEdit {
  tags: NewTag[];
  changes: HeaderValueChange[];
}

/** The tags to set and the values they change, or why they cannot be written. */
export type HeaderEdit = ResolvedEdit | { refusal: string };

/** The plane counts of the image the sidecar describes (tifffile's first series). */
export interface PlaneCounts {
  c: number;
  z: number;
  t: number;
}

const NONE = '(none)';
const RESOLUTION_UNITS: Readonly<Record<number, string>> = { 1: 'unit', 2: 'inch', 3: 'cm' };
const UTF8 = new TextDecoder('utf-8', { fatal: true });
const ENCODER = new TextEncoder();

function entryOf(page: TiffPage, code: number): IfdEntry | undefined {
  return page.entries.find((entry) => entry.code === code);
}

function change(value: string, place: HeaderPlace, old: string | undefined, now: string): HeaderValueChange {
  return { value, place, old: old ?? NONE, new: now };
}

/** The description's text as stored (UTF-8, its closing NULs off); null when it is not UTF-8. */
function descriptionText(file: TiffFile, page: TiffPage): string | null {
  const entry = entryOf(page, 270);
  if (entry === undefined) return '';
  const bytes = readEntryBytes(file.reader, entry, 'ImageDescription');
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  try {
    return UTF8.decode(bytes.subarray(0, end));
  } catch {
    return null;
  }
}

function descriptionTag(text: string): NewTag {
  const encoded = ENCODER.encode(text);
  const bytes = new Uint8Array(encoded.length + 1);
  bytes.set(encoded);
  return { code: 270, type: 2, count: bytes.length, bytes };
}

/**
 * X and Y resolution in pixels per `unit` (ResolutionUnit `unitCode`: 1 none, 3 cm) for a pixel
 * `x` × `y` long in that unit, and what the tags said.
 */
function resolutionEdit(file: TiffFile, page: TiffPage, x: number, y: number, unitCode: 1 | 3): ResolvedEdit {
  const { littleEndian } = file.format;
  const unitEntry = entryOf(page, 296);
  const oldUnit =
    unitEntry === undefined
      ? 2
      : (decodeNumbers(readEntryBytes(file.reader, unitEntry, 'ResolutionUnit', 1), unitEntry.type, littleEndian)[0] ??
        2);
  const side = (code: 282 | 283, size: number, name: string) => {
    const entry = entryOf(page, code);
    const [num, den] =
      entry === undefined || entry.type !== 5
        ? []
        : decodeNumbers(readEntryBytes(file.reader, entry, name, 1), 5, littleEndian);
    const old =
      num === undefined || den === undefined || den === 0
        ? undefined
        : `${numberText(num / den)} per ${RESOLUTION_UNITS[oldUnit] ?? oldUnit}`;
    const value = rational(1 / size);
    const now = `${numberText(value[0] / value[1])} per ${RESOLUTION_UNITS[unitCode]}`;
    return {
      tag: { code, type: 5, count: 1, bytes: numberBytes(5, value, littleEndian) },
      change: change(name, 'resolution tags', old, now),
    };
  };
  const xSide = side(282, x, 'XResolution');
  const ySide = side(283, y, 'YResolution');
  return {
    tags: [xSide.tag, ySide.tag, { code: 296, type: 3, count: 1, bytes: numberBytes(3, [unitCode], littleEndian) }],
    changes: [
      xSide.change,
      ySide.change,
      change(
        'ResolutionUnit',
        'resolution tags',
        unitEntry === undefined ? undefined : (RESOLUTION_UNITS[oldUnit] ?? String(oldUnit)),
        RESOLUTION_UNITS[unitCode] as string,
      ),
    ],
  };
}

/** A plain TIFF: the resolution tags in pixels per centimetre, as Bio-Formats, tifffile and ImageJ read them. */
export function plainEdit(file: TiffFile, page: TiffPage, wanted: HeaderCalibration): HeaderEdit {
  const { unit } = wanted;
  return resolutionEdit(
    file,
    page,
    1 / pixelsPerCentimetre(wanted.pixelX, unit),
    1 / pixelsPerCentimetre(wanted.pixelY, unit),
    3,
  );
}

/** An ImageJ TIFF: `unit=`, `spacing=`, `finterval=` in its description, the resolution in that unit, the labels. */
export function imagejEdit(file: TiffFile, page: TiffPage, wanted: HeaderCalibration, planes: PlaneCounts): HeaderEdit {
  const text = descriptionText(file, page);
  if (text === null) return { refusal: 'its ImageJ description is not UTF-8 text' };
  const items = parseImageJDescription(text) ?? {};
  const shown = (key: string) => (items[key] === undefined ? undefined : String(items[key]));
  // a unit already meaning the one wanted (`\u00B5m`, `µm`, `um`, `micron`) is kept as written
  const oldUnit = shown('unit');
  const oldText = oldUnit === undefined ? undefined : propertiesText(oldUnit);
  const kept = oldUnit !== undefined && lengthUnitOf(oldUnit) === wanted.unit;
  const values: Record<string, string> = { unit: kept ? oldUnit : IMAGEJ_UNIT[wanted.unit] };
  const changes = [
    change('unit', 'ImageJ description', oldText, kept ? (oldText as string) : IMAGEJ_UNIT[wanted.unit]),
  ];
  if (wanted.zStep !== undefined) {
    values.spacing = numberText(wanted.zStep);
    changes.push(change('z step', 'ImageJ description', shown('spacing'), values.spacing));
  }
  if (wanted.interval !== undefined) {
    values.finterval = numberText(wanted.interval);
    changes.push(change('interval (s)', 'ImageJ description', shown('finterval'), values.finterval));
  }
  const resolution = resolutionEdit(file, page, wanted.pixelX, wanted.pixelY, 1);
  const tags = [descriptionTag(withImageJValues(text, values)), ...resolution.tags];
  changes.push(...resolution.changes);
  if (wanted.channels !== undefined) {
    const order = shown('order');
    if (order !== undefined && order.toLowerCase() !== 'czt')
      return {
        refusal: `its ImageJ planes are in ${order} order, not channel by channel; channel names are not written`,
      };
    const labels = labelsEdit(file, page, wanted.channels, planes);
    if ('refusal' in labels) return labels;
    tags.push(...labels.tags);
    changes.push(...labels.changes);
  }
  return { tags, changes };
}

/** ImageJ's slice labels, one per plane, each the name of its plane's channel (channels vary fastest). */
function labelsEdit(file: TiffFile, page: TiffPage, names: readonly string[], planes: PlaneCounts): HeaderEdit {
  const { littleEndian } = file.format;
  const countsEntry = entryOf(page, 50838);
  const dataEntry = entryOf(page, 50839);
  let kinds: ReturnType<typeof readImageJMetadata> = [];
  if (countsEntry !== undefined && dataEntry !== undefined) {
    const counts = decodeNumbers(
      readEntryBytes(file.reader, countsEntry, 'IJMetadataByteCounts'),
      countsEntry.type,
      littleEndian,
    );
    kinds = readImageJMetadata(counts, readEntryBytes(file.reader, dataEntry, 'IJMetadata'), littleEndian);
    if (kinds === null) return { refusal: "its ImageJ metadata tags (50838, 50839) are not ImageJ's" };
  }
  const oldLabels = labelsOf(kinds, littleEndian).slice(0, names.length);
  const count = planes.c * planes.z * planes.t;
  const labels = Array.from({ length: count }, (_, i) => names[i % names.length] as string);
  const { counts, data } = withLabels(kinds, labels, littleEndian);
  return {
    tags: [
      { code: 50838, type: 4, count: counts.length, bytes: numberBytes(4, counts, littleEndian) },
      { code: 50839, type: 1, count: data.length, bytes: data },
    ],
    changes: [
      change(
        'channel names',
        'ImageJ labels',
        oldLabels.length === 0 ? undefined : oldLabels.join(', '),
        names.join(', '),
      ),
    ],
  };
}

/** An OME-TIFF: PhysicalSizeX/Y/Z, TimeIncrement and the channels' names in its OME-XML, and the resolution tags in cm. */
export function omeEdit(file: TiffFile, page: TiffPage, wanted: HeaderCalibration): HeaderEdit {
  const text = descriptionText(file, page);
  const pixels =
    text === null
      ? undefined
      : childrenNamed(childrenNamed(parseOme(text)?.root ?? EMPTY, 'Image')[0] ?? EMPTY, 'Pixels')[0];
  if (text === null || pixels === undefined) return { refusal: 'its OME-XML has no image to write into' };
  const old = pixels.attributes;
  const unit = OME_UNIT[wanted.unit];
  const size = (key: string) => (old[key] === undefined ? undefined : `${old[key]} ${old[`${key}Unit`] ?? 'µm'}`);
  const attributes: Record<string, string> = {
    PhysicalSizeX: numberText(wanted.pixelX),
    PhysicalSizeXUnit: unit,
    PhysicalSizeY: numberText(wanted.pixelY),
    PhysicalSizeYUnit: unit,
  };
  const changes = [
    change('pixel size X', 'OME-XML', size('PhysicalSizeX'), `${attributes.PhysicalSizeX} ${unit}`),
    change('pixel size Y', 'OME-XML', size('PhysicalSizeY'), `${attributes.PhysicalSizeY} ${unit}`),
  ];
  if (wanted.zStep !== undefined) {
    attributes.PhysicalSizeZ = numberText(wanted.zStep);
    attributes.PhysicalSizeZUnit = unit;
    changes.push(change('z step', 'OME-XML', size('PhysicalSizeZ'), `${attributes.PhysicalSizeZ} ${unit}`));
  }
  if (wanted.interval !== undefined) {
    attributes.TimeIncrement = numberText(wanted.interval);
    attributes.TimeIncrementUnit = 's';
    const before = old.TimeIncrement === undefined ? undefined : `${old.TimeIncrement} ${old.TimeIncrementUnit ?? 's'}`;
    changes.push(change('interval', 'OME-XML', before, `${attributes.TimeIncrement} s`));
  }
  const channels = wanted.channels ?? null;
  if (channels !== null) {
    const names = childrenNamed(pixels, 'Channel').map((channel) => channel.attributes.Name ?? '');
    if (names.length !== channels.length)
      return { refusal: `its OME-XML lists ${names.length} channels, not ${channels.length}` };
    changes.push(change('channel names', 'OME-XML', names.join(', '), channels.join(', ')));
  }
  const xml = withPixelsAttributes(text, attributes, channels);
  if (xml === null) return { refusal: 'its OME-XML could not be edited into a well-formed document' };
  const { unit: lengthUnit } = wanted;
  const resolution = resolutionEdit(
    file,
    page,
    1 / pixelsPerCentimetre(wanted.pixelX, lengthUnit),
    1 / pixelsPerCentimetre(wanted.pixelY, lengthUnit),
    3,
  );
  return { tags: [descriptionTag(xml), ...resolution.tags], changes: [...changes, ...resolution.changes] };
}

const EMPTY = { name: '', attributes: {}, text: '', children: [] };
