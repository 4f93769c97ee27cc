/**
 * One image's header write, planned from its header alone: its kind (ImageJ, OME-TIFF, plain),
 * each value's old and new text, the refusals (a value the kind has no place for, a Z step for
 * one plane), and the patch, proven not to touch a byte of any strip or tile.
 */
import { openTiff, readDataLayout, type ByteSource } from '../tiff';
import type { TiffFile } from '../tiff/tiff-file';
import type { HeaderCalibration, HeaderKind, HeaderPatch, HeaderPlan } from './calibration-model';
import { imagejEdit, omeEdit, plainEdit, type PlaneCounts } from './header-tags';
import { firstIfdPatch } from './ifd-patch';

/** The Zeiss LSM tag: such a TIFF is a vendor file, never written. */
const LSM_TAG = 34412;

/** Where a plain TIFF points for what it cannot hold. */
const CONVERT_HINT = '`acqmeta convert` makes an OME-TIFF copy that holds it';

/** The plan of writing `wanted` into the TIFF `source` (its name `fileName`, for OME-XML references). */
export function planHeaderWrite(source: ByteSource, fileName: string, wanted: HeaderCalibration): HeaderPlan {
  let opened;
  try {
    opened = openTiff(source, { fileName, acquisition: false });
  } catch (error) {
    return { refusal: `its header cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
  const { file, info } = opened;
  const first = file.page(0);
  if (first.entries.some((entry) => entry.code === LSM_TAG))
    return {
      refusal: 'a Zeiss LSM file is a vendor file and is never modified; `acqmeta convert` makes an OME-TIFF copy',
    };
  const kind: HeaderKind =
    info.description.kind === 'imagej' ? 'imagej' : info.description.kind === 'ome' ? 'ome' : 'plain';
  const refusal = placeRefusal(kind, info.planes, wanted);
  if (refusal !== null) return { refusal };
  const edit =
    kind === 'imagej'
      ? imagejEdit(file, first, wanted, info.planes)
      : kind === 'ome'
        ? omeEdit(file, first, wanted)
        : plainEdit(file, first, wanted);
  if ('refusal' in edit) return edit;
  const extents = dataExtents(file);
  const pixels = fingerprint(extents);
  if (edit.changes.every((c) => c.old === c.new)) return { kind, changes: edit.changes, patch: null, pixels };
  let patch: HeaderPatch;
  try {
    patch = firstIfdPatch(file.reader, file.format, file.pageOffsets[0] as number, edit.tags);
  } catch (error) {
    return { refusal: error instanceof Error ? error.message : String(error) };
  }
  const overlap = pixelOverlap(extents, patch);
  return overlap === null ? { kind, changes: edit.changes, patch, pixels } : { refusal: overlap };
}

/** Why the image's kind or planes have no place for a value asked for; null when all have one. */
function placeRefusal(kind: HeaderKind, planes: PlaneCounts, wanted: HeaderCalibration): string | null {
  const asked = [
    wanted.zStep === undefined ? null : 'a z step',
    wanted.interval === undefined ? null : 'a frame interval',
    wanted.channels === undefined ? null : 'channel names',
  ].filter((what) => what !== null);
  if (kind === 'plain' && asked.length > 0)
    return `a plain TIFF has no place for ${asked.join(' or ')} (only for the pixel size); ${CONVERT_HINT}`;
  if (wanted.zStep !== undefined && planes.z <= 1) return 'it has one Z plane: a z step means nothing there';
  if (wanted.interval !== undefined && planes.t <= 1)
    return 'it has one time point: a frame interval means nothing there';
  if (wanted.channels !== undefined && wanted.channels.length !== planes.c)
    return `it has ${planes.c} channel${planes.c === 1 ? '' : 's'}, not ${wanted.channels.length} names`;
  return null;
}

/** The byte ranges of every strip and tile of every page, reduced levels (SubIFDs) included. */
function dataExtents(file: TiffFile): [start: number, end: number][] {
  const extents: [number, number][] = [];
  const pages = [...file.pageOffsets];
  const seen = new Set(pages);
  for (let i = 0; i < pages.length; i++) {
    const page = file.readUncached(pages[i] as number);
    for (const at of page.subIfds.filter((sub) => !seen.has(sub))) {
      seen.add(at);
      pages.push(at);
    }
    const { offsets, byteCounts } = readDataLayout(file.reader, file.format, page);
    offsets.forEach((offset, k) => extents.push([offset, offset + (byteCounts[k] ?? 0)]));
  }
  return extents;
}

/** A fingerprint of `extents` (FNV-1a over their numbers), to compare before and after a write. */
function fingerprint(extents: readonly [number, number][]): string {
  let hash = 0x811c9dc5;
  for (const [start, end] of extents)
    for (const value of [start, end]) {
      hash = Math.imul(hash ^ (value % 2 ** 32), 0x01000193) >>> 0;
      hash = Math.imul(hash ^ Math.floor(value / 2 ** 32), 0x01000193) >>> 0;
    }
  return `${extents.length}:${hash.toString(16)}`;
}

/** Why `patch` would touch pixel data: the first strip or tile one of its byte ranges overlaps; null when none does. */
function pixelOverlap(extents: readonly [number, number][], patch: HeaderPatch): string | null {
  const touched = [
    ...patch.replaced.map((range) => [range.offset, range.offset + range.old.length] as const),
    [patch.appendAt, patch.appendAt + patch.appended.length] as const,
  ];
  for (const [start, end] of extents) {
    const hit = touched.find(([from, to]) => from < end && start < to);
    if (hit !== undefined)
      return `the write would touch pixel data (bytes ${hit[0]}–${hit[1]} overlap the strip or tile at ${start})`;
  }
  return null;
}
