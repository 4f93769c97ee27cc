/**
 * One image of the scan cache as one line of JSON, and back. Decoding checks every part, so a
 * damaged or foreign line is a miss, never a wrong row.
 */
import { asAcquisition } from '../../../shared/acquisition/acquisition-check';
import type { ResultValues } from '../../../shared/analysis';
import {
  HEADER_KEYS,
  type CalibrationSource,
  type FileCalibration,
  type HeaderValues,
  type SidecarState,
  type SidecarVersion,
} from '../../../shared/api';
import {
  DEFAULT_FIELD_VALUES,
  EDITABLE_FIELDS,
  type FieldValue,
  type FieldValues,
} from '../../../shared/fields/field-table';
import { CALIBRATION_SOURCE_NAMES, type Sidecar } from '../../../shared/sidecar';
import type { TiffSummary } from '../../../shared/tiff';
import type { FileStamp } from '../disk';
import { sharedSummary } from './summary-pool';

/** What a row takes from a sidecar, as plain data (the scan cache keeps it). */
export interface SidecarSummary {
  state: SidecarState;
  /** Null when the sidecar is missing or was not read. */
  version: SidecarVersion | null;
  problems: string[];
  /** The editable fields as stored; their defaults when the sidecar is missing or invalid. */
  values: FieldValues;
  /** The header values the sidecar stores (used for images without a readable header); null unless ok. */
  header: HeaderValues | null;
  /** Editable fields whose key the sidecar lacks. */
  absentFields: string[];
  /** Numeric summary values of its analysis records; null when it has none. */
  results: ResultValues | null;
  /** The sidecar itself when it was read just now (a lab profile checks it); null from the scan cache. */
  sidecar: Sidecar | null;
}

/** What the cache keeps of one image. */
export interface CachedImage {
  /** The image file as last read: its stamp and header summary (null: an OIR, or unread). */
  image: { stamp: FileStamp; summary: TiffSummary } | null;
  /** The sidecar as last read; its version's size and modification time are what it is known by. Null: not kept. */
  sidecar: SidecarSummary | null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Numbers JSON cannot hold (a sidecar may store NaN) travel as a one-element array of their name. */
function encodeValue(value: FieldValue): Json {
  return typeof value === 'number' && !Number.isFinite(value) ? [String(value)] : value;
}

function decodeValue(json: unknown): FieldValue | undefined {
  if (json === null || typeof json === 'string' || typeof json === 'number' || typeof json === 'boolean') return json;
  if (Array.isArray(json) && json.length === 1 && ['NaN', 'Infinity', '-Infinity'].includes(json[0] as string))
    return Number(json[0]);
  return undefined;
}

function encodeHeader(header: HeaderValues): Json {
  return HEADER_KEYS.map((key) => header[key]);
}

function decodeHeader(json: unknown): HeaderValues | undefined {
  if (!Array.isArray(json) || json.length !== HEADER_KEYS.length) return undefined;
  const [shape, dims, sizes, dtype, num_channels, num_scenes, date, time] = json as unknown[];
  if (typeof shape !== 'string' || typeof dims !== 'string' || typeof sizes !== 'string' || typeof dtype !== 'string')
    return undefined;
  if (
    typeof num_channels !== 'number' ||
    typeof num_scenes !== 'number' ||
    typeof date !== 'string' ||
    typeof time !== 'string'
  )
    return undefined;
  return { shape, dims, sizes, dtype, num_channels, num_scenes, date, time };
}

function decodeCalibration(json: unknown): FileCalibration | null | undefined {
  if (json === 0) return null;
  if (!Array.isArray(json) || json.length !== 4) return undefined;
  const [x, y, unit, source] = json as unknown[];
  if (typeof x !== 'number' || typeof y !== 'number' || typeof unit !== 'string' || !SOURCES.has(source as string))
    return undefined;
  return { x, y, unit, source: source as CalibrationSource };
}

/** Every source a calibration may have (a vendor file's included). */
const SOURCES: ReadonlySet<string> = new Set(Object.keys(CALIBRATION_SOURCE_NAMES));

function isStamp(json: unknown): json is [number, number, number] {
  return Array.isArray(json) && json.length === 3 && json.every((n) => typeof n === 'number');
}

function encodeSidecar(sidecar: SidecarSummary): Json {
  const { state, version, problems, values, header, absentFields, results } = sidecar;
  if (version === null) return 0;
  const stored = state === 'ok' ? EDITABLE_FIELDS.map((f) => encodeValue(values[f.name] ?? null)) : 0;
  return [
    state,
    version.size,
    version.mtimeMs,
    version.sha256,
    problems,
    stored,
    header === null ? 0 : encodeHeader(header),
    absentFields,
    results ?? 0,
  ];
}

function isStrings(json: unknown): json is string[] {
  return Array.isArray(json) && json.every((item) => typeof item === 'string');
}

/** Analysis result values: finite numbers, or the names of the others. */
function decodeResults(json: unknown): ResultValues | null | undefined {
  if (json === 0) return null;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const ok = Object.values(json).every(
    (v) => typeof v === 'number' || v === 'NaN' || v === 'Infinity' || v === '-Infinity',
  );
  return ok ? (json as ResultValues) : undefined;
}

function decodeSidecar(json: unknown): SidecarSummary | null | undefined {
  if (json === 0) return null;
  if (!Array.isArray(json) || json.length !== 9) return undefined;
  const [state, size, mtimeMs, sha256, problems, stored, headerJson, absentFields, resultsJson] = json as unknown[];
  if (
    (state !== 'ok' && state !== 'invalid') ||
    typeof size !== 'number' ||
    typeof mtimeMs !== 'number' ||
    typeof sha256 !== 'string'
  )
    return undefined;
  if (!isStrings(problems) || !isStrings(absentFields)) return undefined;
  let values: FieldValues = DEFAULT_FIELD_VALUES;
  if (state === 'ok') {
    if (!Array.isArray(stored) || stored.length !== EDITABLE_FIELDS.length) return undefined;
    values = {};
    for (let i = 0; i < stored.length; i++) {
      const value = decodeValue(stored[i]);
      if (value === undefined) return undefined;
      values[(EDITABLE_FIELDS[i] as (typeof EDITABLE_FIELDS)[number]).name] = value;
    }
  }
  const header = headerJson === 0 ? null : decodeHeader(headerJson);
  const results = decodeResults(resultsJson);
  if (header === undefined || results === undefined) return undefined;
  return { state, version: { size, mtimeMs, sha256 }, problems, values, header, absentFields, results, sidecar: null };
}

/** The line that keeps `image` for `relPath`. */
export function encodeRecord(relPath: string, image: CachedImage): string {
  const tiff = image.image;
  const encodedImage: Json =
    tiff === null
      ? 0
      : [
          [tiff.stamp.size, tiff.stamp.mtimeMs, tiff.stamp.ino],
          encodeHeader(tiff.summary.header),
          tiff.summary.fileCalibration === null
            ? 0
            : [
                tiff.summary.fileCalibration.x,
                tiff.summary.fileCalibration.y,
                tiff.summary.fileCalibration.unit,
                tiff.summary.fileCalibration.source,
              ],
          (tiff.summary.acquisition as unknown as Json | undefined) ?? 0,
        ];
  const sidecar = image.sidecar === null ? 0 : encodeSidecar(image.sidecar);
  return JSON.stringify([relPath, encodedImage, sidecar]);
}

/** The path and image of a line; null when the line is damaged in any way. */
export function decodeRecord(line: string): { relPath: string; image: CachedImage } | null {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return null;
  }
  if (!Array.isArray(json) || json.length !== 3 || typeof json[0] !== 'string') return null;
  const [relPath, imageJson, sidecarJson] = json as [string, unknown, unknown];
  let image: CachedImage['image'] = null;
  if (imageJson !== 0) {
    if (!Array.isArray(imageJson) || imageJson.length !== 4 || !isStamp(imageJson[0])) return null;
    const header = decodeHeader(imageJson[1]);
    const fileCalibration = decodeCalibration(imageJson[2]);
    const acquisition = imageJson[3] === 0 ? null : asAcquisition(imageJson[3]);
    if (header === undefined || fileCalibration === undefined || acquisition === undefined) return null;
    const [size, mtimeMs, ino] = imageJson[0];
    const summary: TiffSummary = { header, fileCalibration, ...(acquisition === null ? {} : { acquisition }) };
    // images with the same header share one summary (see summary-pool)
    image = { stamp: { size, mtimeMs, ino }, summary: sharedSummary(summary) };
  }
  const sidecar = decodeSidecar(sidecarJson);
  if (sidecar === undefined) return null;
  return { relPath, image: { image, sidecar } };
}
