/**
 * How rows and values look on the command line: readable columns and JSON Lines.
 */
import type { HeaderValues, ImageRow } from '../../shared/api';
import type { FieldSpec, FieldValue } from '../../shared/fields/field-table';
import { cutFolders, shownFolders } from '../../shared/path-cut';
import { pythonFloatRepr } from '../../shared/sidecar';
import { printable } from './output';

export { rowRecord } from '../../shared/scan-record';

/** `('C', 'Y', 'X')` + `(2, 512, 512)` → `CYX 2x512x512`. */
function describeDims(header: HeaderValues): string {
  const axes = header.dims.replace(/[^A-Z]/g, '');
  const sizes = header.shape.match(/\d+/g) ?? [];
  return `${axes} ${sizes.join('x')}`.trim();
}

/** Column widths of the readable scan listing. */
const DIMS = 20;
const DTYPE = 10;
const CHANNELS = 3;
const SIDECAR = 7;
const GAP = 2;

/** The columns after the path, with their gaps, up to the errors heading (errors wrap when there are any). */
const AFTER_PATH = DIMS + DTYPE + CHANNELS + SIDECAR + 5 * GAP + 'errors'.length;

/** The narrowest path column a terminal gets. */
const MIN_PATH_COLUMN = 24;

/**
 * The width of the listing's path column for `paths`: the longest path's. On a terminal
 * `terminalColumns` wide it is at most what leaves the other columns their room (longer paths
 * are cut by {@link shownPath}), but never narrower than the longest file name and an
 * ellipsis, so that every name is shown whole. In a pipe (`null`) every path is whole.
 */
export function pathColumnWidth(paths: readonly string[], terminalColumns: number | null): number {
  const longest = Math.max(4, ...paths.map((p) => p.length));
  if (terminalColumns === null) return longest;
  const names = Math.max(...paths.map((p) => p.length - p.lastIndexOf('/')));
  const room = Math.max(MIN_PATH_COLUMN, terminalColumns - AFTER_PATH, names);
  return Math.min(longest, room);
}

/**
 * `path` in at most `width` characters: whole when it fits, else cut as the app's Path column
 * cuts it (shared/path-cut.ts): the longest folders shortened to their start and an ellipsis,
 * as few as can be, the file name whole.
 */
export function shownPath(path: string, width: number): string {
  if (path.length <= width) return path;
  const cut = path.lastIndexOf('/') + 1;
  const folders = path.slice(0, cut);
  const name = path.slice(cut);
  const cuts = cutFolders(folders, name.length, width, (text) => text.length);
  return (cuts === null ? folders : shownFolders(folders, cuts)) + name;
}

/** The heading line of the readable listing, for paths `pathWidth` wide. */
export function listingHeading(pathWidth: number): string {
  return [
    'path'.padEnd(pathWidth),
    'dims'.padEnd(DIMS),
    'dtype'.padEnd(DTYPE),
    'ch'.padStart(CHANNELS),
    'sidecar'.padEnd(SIDECAR),
    'errors',
  ]
    .join(' '.repeat(GAP))
    .trimEnd();
}

/** One row as a line of the readable listing, its path (made printable) cut to `pathWidth` when longer. */
export function listingLine(row: ImageRow, pathWidth: number): string {
  const h = row.header;
  return [
    shownPath(printable(row.path), pathWidth).padEnd(pathWidth),
    (h === null ? '-' : describeDims(h)).padEnd(DIMS),
    (h?.dtype ?? '-').padEnd(DTYPE),
    (h === null ? '-' : String(h.num_channels)).padStart(CHANNELS),
    row.sidecar.padEnd(SIDECAR),
    row.errors.join('; '),
  ]
    .join(' '.repeat(GAP))
    .trimEnd();
}

/** A stored number as the sidecar writes it: floats in Python repr (`75.0`), ints plain. */
export function numberText(value: number, spec: FieldSpec | undefined): string {
  return spec?.type === 'float' ? pythonFloatRepr(value) : String(value);
}

/** A value as a table cell: text as it is, numbers as on disk, `true`/`false`, null as empty. */
export function cellText(value: FieldValue | undefined, spec: FieldSpec | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value, spec);
  return String(value);
}

/** A stored value for a person: text quoted, numbers as on disk, `true`/`false`, null as `(none)`. */
export function describeStored(value: FieldValue | undefined, spec?: FieldSpec): string {
  if (value === null || value === undefined) return '(none)';
  return typeof value === 'string' ? JSON.stringify(value) : cellText(value, spec);
}
