/**
 * One image's row: header from the TIFF (or the sidecar), sidecar state, values and problems.
 */
import { realpath } from 'node:fs/promises';
import { readAnalyses, resultValues } from '../../../shared/analysis';
import type { ImageRow } from '../../../shared/api';
import { toApiError } from '../../../shared/errors';
import { EDITABLE_FIELDS, type FieldValues } from '../../../shared/fields/field-table';
import { calibrationMismatch, pixelSizeValues, usableCalibration } from '../../../shared/sidecar';
import type { TiffInfo } from '../../../shared/tiff';
import { isInside } from '../folder/inside';
import type { ImageEntry } from '../folder/list-images';
import { profileProblemsOf, type LoadedProfile, type ProfileFinder } from '../profile';
import { readSidecarFile, sidecarPathFor, type SidecarFile } from '../sidecar';
import type { TiffScanner } from '../tiff';

/** The outcome of reading an image with the scanner. */
export type ImageScan = { ok: true; info: TiffInfo } | { ok: false; message: string };

/** The outcome of reading a sidecar, as the row needs it (null version: the file was not read). */
export type SidecarRead = SidecarFile | { state: 'invalid'; version: null; problems: string[] };

/** The 19 editable fields as the sidecar stores them; their defaults when it is missing or invalid. */
export function storedValues(read: SidecarRead): FieldValues {
  if (read.state === 'ok') return read.sidecar.fieldValues();
  return Object.fromEntries(EDITABLE_FIELDS.map((f) => [f.name, f.default]));
}

/** Reads an image's header; a failure becomes a message instead of a throw. */
export async function scanImage(scanner: TiffScanner, absPath: string): Promise<ImageScan> {
  try {
    return { ok: true, info: await scanner.scan(absPath) };
  } catch (error) {
    return { ok: false, message: toApiError(error).message };
  }
}

/**
 * Reads an image's sidecar as listed.
 *
 * A sidecar the listing did not show is not looked up (a scan costs one open less per image);
 * a sidecar that is a link to outside `root` is reported invalid and never read.
 */
export async function readEntrySidecar(root: string, entry: ImageEntry): Promise<SidecarRead> {
  if (entry.sidecar === 'none') return { state: 'missing' };
  if (entry.sidecar === 'link') {
    const [realRoot, real] = await Promise.all([realpath(root), realpath(sidecarPathFor(entry.absPath)).catch(() => null)]);
    if (real !== null && !isInside(realRoot, real)) {
      return { state: 'invalid', version: null, problems: ['The sidecar links outside the folder; it is not read.'] };
    }
  }
  try {
    return await readSidecarFile(entry.absPath);
  } catch (error) {
    return { state: 'invalid', version: null, problems: [toApiError(error).message] };
  }
}

/** Puts a row together from what was read, with the problems the profile in force finds. */
export function composeRow(entry: ImageEntry, scan: ImageScan | null, read: SidecarRead, profile: LoadedProfile | null = null): ImageRow {
  const errors: string[] = [];
  if (scan !== null && !scan.ok) errors.push(scan.message);
  if (read.state !== 'missing') errors.push(...read.problems);
  const info = scan?.ok === true ? scan.info : null;
  const fileCalibration = info?.fileCalibration ?? null;
  // Where there is no sidecar yet, the values are those a new one starts with (its calibration included).
  const declared = read.state === 'missing' ? usableCalibration(fileCalibration) : null;
  const values = declared === null ? storedValues(read) : { ...storedValues(read), ...pixelSizeValues(declared) };
  if (read.state === 'ok' && fileCalibration !== null) {
    const mismatch = calibrationMismatch(values, fileCalibration);
    if (mismatch !== null) errors.push(mismatch);
  }
  const header = info !== null ? info.header : read.state === 'ok' && entry.kind === 'other' ? read.sidecar.headerValues() : null;
  const absent = read.state === 'ok' ? read.sidecar.absentFields() : [];
  const results = read.state === 'ok' ? resultValues(readAnalyses(read.sidecar)) : null;
  return {
    path: entry.relPath,
    kind: entry.kind,
    header,
    fileCalibration,
    sidecar: read.state,
    version: read.state === 'missing' ? null : read.version,
    values,
    errors,
    profile: profile?.profile.source ?? null,
    profileProblems: profileProblemsOf(read, profile),
    ...(absent.length > 0 ? { absentFields: absent } : {}),
    ...(results !== null ? { results } : {}),
  };
}

/** What {@link readImage} read of one image. */
export interface ImageRead {
  scan: ImageScan | null;
  read: SidecarRead;
  /** The profile in force (null without a finder, or when none applies). */
  profile: LoadedProfile | null;
}

/**
 * Reads an image's header (TIFFs only; else null), its sidecar and, with a finder, the
 * profile in force, concurrently; never rejects.
 */
export async function readImage(root: string, entry: ImageEntry, scanner: TiffScanner, profiles?: ProfileFinder): Promise<ImageRead> {
  const [scan, read, profile] = await Promise.all([
    entry.kind === 'tiff' ? scanImage(scanner, entry.absPath) : Promise.resolve(null),
    readEntrySidecar(root, entry),
    profiles === undefined ? null : profiles.forImage(entry.absPath),
  ]);
  return { scan, read, profile };
}

/** Reads one image, its sidecar and its profile concurrently and builds its row; never rejects. */
export async function buildImageRow(root: string, entry: ImageEntry, scanner: TiffScanner, profiles?: ProfileFinder): Promise<ImageRow> {
  const { scan, read, profile } = await readImage(root, entry, scanner, profiles);
  return composeRow(entry, scan, read, profile);
}
