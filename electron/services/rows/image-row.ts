/**
 * One image's row: header from the image file (an OIR's from its sidecar), sidecar state, values and problems.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { readAnalyses, resultValues } from '../../../shared/analysis';
import type { DamagedSidecar, ImageRow } from '../../../shared/api';
import { toApiError } from '../../../shared/errors';
import { DEFAULT_FIELD_VALUES, type FieldValues } from '../../../shared/fields/field-table';
import {
  calibrationMismatch,
  describeDamagedSidecar,
  headerMismatch,
  pixelSizeValues,
  usableCalibration,
  type Sidecar,
} from '../../../shared/sidecar';
import { readsFileHeader, type ImageInfo } from '../../../shared/image-format';
import type { TiffSummary } from '../../../shared/tiff';
import { channelTableProblem, type LoadedChannelTable } from '../channels';
import { beforeRead, isInside } from '../disk';
import type { ImageEntry } from '../folder';
import {
  catalogueNamesOf,
  instrumentMatchOf,
  profileProblemsOf,
  type InstrumentCatalogue,
  type LoadedProfile,
  type ProfileFinder,
} from '../profile';
import type { InstrumentMatch } from '../../../shared/instruments';
import type { SidecarSummary } from '../scan-cache';
import { readSidecarFile, sidecarFromSnapshot, sidecarNameFor, sidecarPathFor, type SidecarFile } from '../sidecar';
import type { SidecarBytes, TiffScanner } from '../tiff';

/** The outcome of reading an image with the scanner: its summary (or everything, `ImageInfo`). */
export type ImageScan<T extends TiffSummary = TiffSummary> = { ok: true; info: T } | { ok: false; message: string };

/**
 * The outcome of reading a sidecar, as the row needs it. A null version: an invalid file that
 * was not read, or a sidecar just edited and not written yet.
 */
export type SidecarRead =
  | SidecarFile
  | { state: 'invalid'; version: null; problems: string[] }
  | { state: 'ok'; sidecar: Sidecar; version: null; problems: string[] };

/** Every editable field at its default (one frozen object shared by every row that has no sidecar). */
export function defaultValues(): FieldValues {
  return DEFAULT_FIELD_VALUES;
}

/** The 19 editable fields as the sidecar stores them; their defaults when it is missing or invalid. */
export function storedValues(read: SidecarRead): FieldValues {
  if (read.state === 'ok') return read.sidecar.fieldValues();
  return defaultValues();
}

/** The plain-data summary of a sidecar read. */
export function summarizeSidecar(read: SidecarRead): SidecarSummary {
  const sidecar = read.state === 'ok' ? read.sidecar : null;
  return {
    state: read.state,
    version: read.state === 'missing' ? null : read.version,
    problems: read.state === 'missing' ? [] : read.problems,
    values: storedValues(read),
    header: sidecar?.headerValues() ?? null,
    absentFields: sidecar?.absentFields() ?? [],
    results: sidecar === null ? null : resultValues(readAnalyses(sidecar)),
    sidecar,
  };
}

/** Reads an image's header summary; a failure becomes a message instead of a throw. */
export async function scanImage(scanner: TiffScanner, absPath: string): Promise<ImageScan> {
  try {
    return { ok: true, info: (await scanner.summary(absPath)).info as TiffSummary };
  } catch (error) {
    return { ok: false, message: toApiError(error).message };
  }
}

/** Reads everything about an image's header (the detail view); a failure becomes a message. */
async function scanImageDetail(scanner: TiffScanner, absPath: string): Promise<ImageScan<ImageInfo>> {
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
    const [realRoot, real] = await Promise.all([
      realpath(root),
      realpath(sidecarPathFor(entry.absPath)).catch(() => null),
    ]);
    if (real !== null && !isInside(realRoot, real)) {
      return { state: 'invalid', version: null, problems: ['The sidecar links outside the folder; it is not read.'] };
    }
  }
  try {
    await beforeRead();
    return await readSidecarFile(entry.absPath);
  } catch (error) {
    return { state: 'invalid', version: null, problems: [toApiError(error).message] };
  }
}

/** The outcome of a sidecar the scanner read beside its image's header, as {@link readEntrySidecar} words it. */
export function sidecarReadBy(entry: ImageEntry, bytes: SidecarBytes): SidecarRead {
  if (bytes === null) return { state: 'missing' };
  if ('problem' in bytes) return { state: 'invalid', version: null, problems: [bytes.problem] };
  return sidecarFromSnapshot(bytes, sidecarNameFor(entry.absPath));
}

/**
 * Puts a row together from what was read, with the problems the profile in force finds (a
 * sidecar from the scan cache is read again first when a profile applies: see cached-row) and
 * the names of what `match` (the image matched to the catalogue in force) found.
 */
export function composeRow(
  entry: ImageEntry,
  scan: ImageScan | null,
  read: SidecarSummary,
  profile: LoadedProfile | null = null,
  channels: LoadedChannelTable | null = null,
  match: InstrumentMatch | null = null,
): ImageRow {
  const errors: string[] = [];
  if (scan !== null && !scan.ok) errors.push(scan.message);
  if (entry.strayBeside === true) errors.push(strayBesideProblem(entry));
  errors.push(...read.problems);
  const info = scan?.ok === true ? scan.info : null;
  const fileCalibration = info?.fileCalibration ?? null;
  // Where there is no sidecar yet, the values are those a new one starts with (its calibration included).
  const declared = read.state === 'missing' ? usableCalibration(fileCalibration) : null;
  const values = declared === null ? read.values : { ...read.values, ...pixelSizeValues(declared) };
  if (read.state === 'ok' && fileCalibration !== null) {
    const mismatch = calibrationMismatch(values, fileCalibration);
    if (mismatch !== null) errors.push(mismatch);
  }
  const wrongImage = info === null ? null : headerMismatch(read.header, info.header);
  if (wrongImage !== null) errors.push(wrongImage);
  if (channels !== null && info !== null) {
    const mismatch = channelTableProblem(channels, info.header, info.acquisition);
    if (mismatch !== null) errors.push(mismatch);
  }
  const header = info !== null ? info.header : readsFileHeader(entry.format) ? null : read.header;
  // a profile checks the sidecar as read; one taken from the scan cache is never checked (cached-row reads it again when a profile applies)
  const asRead =
    read.sidecar !== null
      ? { state: 'ok' as const, sidecar: read.sidecar }
      : read.state === 'missing'
        ? { state: 'missing' as const }
        : { state: 'invalid' as const };
  return {
    path: entry.relPath,
    format: entry.format,
    header,
    fileCalibration,
    sidecar: read.state,
    version: read.version,
    values,
    errors,
    profile: profile?.profile.source ?? null,
    profileProblems: profileProblemsOf(asRead, profile),
    ...(read.absentFields.length > 0 ? { absentFields: read.absentFields } : {}),
    ...(read.results !== null ? { results: read.results } : {}),
    ...(info?.acquisition === undefined ? {} : { acquisition: info.acquisition }),
    ...withCatalogue(catalogueNamesOf(match)),
    ...(entry.exportedFrom === undefined ? {} : { exportedFrom: entry.exportedFrom }),
  };
}

const withCatalogue = (names: ImageRow['catalogue'] | null) => (names === null ? {} : { catalogue: names });

/** What a CloudScope store's row says of the sidecar beside it, which CloudScope's ordinary save writes but never reads. */
function strayBesideProblem(entry: ImageEntry): string {
  const name = path.basename(entry.absPath);
  return `There is also a sidecar beside this store (${name}.json), which CloudScope writes when it saves but does not read back: AcqMeta shows and edits the one CloudScope reads, inside the store (${sidecarNameFor(entry.absPath)})`;
}

/** What {@link readImage} read of one image. */
export interface ImageRead {
  scan: ImageScan<ImageInfo> | null;
  read: SidecarSummary;
  /** The profile in force (null without a finder, or when none applies). */
  profile: LoadedProfile | null;
  /** The channel table in force (null without a finder, or when none applies). */
  channels: LoadedChannelTable | null;
  /** The microscope catalogue in force (null without a finder, or when none applies). */
  instruments: InstrumentCatalogue | null;
  /** An invalid sidecar's text and the values still readable from it; null when the sidecar is not invalid or was not read. */
  damaged: DamagedSidecar | null;
}

/**
 * Reads everything about an image's header (null for an OIR, whose header AcqMeta does not read), its sidecar (an invalid
 * one described for the editor) and, with a finder, the profile in force, concurrently; never rejects.
 */
export async function readImage(
  root: string,
  entry: ImageEntry,
  scanner: TiffScanner,
  profiles?: ProfileFinder,
): Promise<ImageRead> {
  const [scan, read, profile, channels, instruments] = await Promise.all([
    readsFileHeader(entry.format) ? scanImageDetail(scanner, entry.absPath) : Promise.resolve(null),
    readEntrySidecar(root, entry),
    profiles === undefined ? null : profiles.forImage(entry.absPath),
    profiles === undefined ? null : profiles.channelTableFor(entry.absPath),
    profiles === undefined ? null : profiles.instrumentsFor(entry.absPath),
  ]);
  const damaged = 'content' in read ? describeDamagedSidecar(read.content.text, read.content.utf8) : null;
  return { scan, read: summarizeSidecar(read), profile, channels, instruments, damaged };
}

/** Reads one image's header summary, its sidecar and its profile concurrently and builds its row; never rejects. */
export async function buildImageRow(
  root: string,
  entry: ImageEntry,
  scanner: TiffScanner,
  profiles?: ProfileFinder,
): Promise<ImageRow> {
  const [scan, read, profile, channels, instruments] = await Promise.all([
    readsFileHeader(entry.format) ? scanImage(scanner, entry.absPath) : Promise.resolve(null),
    readEntrySidecar(root, entry),
    profiles === undefined ? null : profiles.forImage(entry.absPath),
    profiles === undefined ? null : profiles.channelTableFor(entry.absPath),
    profiles === undefined ? null : profiles.instrumentsFor(entry.absPath),
  ]);
  const match = instrumentMatchOf(instruments, scan?.ok === true ? scan.info.acquisition : null);
  return composeRow(entry, scan, summarizeSidecar(read), profile, channels, match);
}
