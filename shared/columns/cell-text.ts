/**
 * The words a table cell shows for what a row stores: field values, axis sizes, a row's
 * message, a measured number. The filter searches these same words, in the app and on the
 * command line.
 */
import type { HeaderValues } from '../api';
import type { FieldValue } from '../fields/field-table';

/** The text an input shows for a stored value: `null` is empty, numbers as JavaScript prints them, `true`/`false`. */
export function formatFieldValue(value: FieldValue | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : String(value);
}

/** The Python reprs that describe an image's axes (`sizes` may be absent, as for the other images of a vendor file). */
type AxisTexts = Pick<HeaderValues, 'shape' | 'dims'> & Partial<Pick<HeaderValues, 'sizes'>>;

/**
 * The axes and their sizes, read from the header's Python-repr `sizes`
 * (`{'C': 2, 'Y': 512, 'X': 512}`), else from `dims` + `shape`; null when neither says.
 */
function axisSizes(header: AxisTexts): [axis: string, size: string][] | null {
  const pairs = [...(header.sizes ?? '').matchAll(/'([A-Za-z])'\s*:\s*(\d+)/g)].map((m): [string, string] => [
    m[1]!,
    m[2]!,
  ]);
  if (pairs.length > 0) return pairs;
  const axes = [...header.dims.matchAll(/'([A-Za-z])'/g)].map((m) => m[1]!);
  const sizes = header.shape.match(/\d+/g) ?? [];
  if (axes.length === 0 || axes.length !== sizes.length) return null;
  return axes.map((axis, i) => [axis, sizes[i]!]);
}

/** Axis sizes for the table, compact: `C:2 Y:512 X:512` (the shape as stored when the axes are unknown). */
export function formatSizes(header: HeaderValues | null): string {
  if (!header) return '';
  return (
    axisSizes(header)
      ?.map(([axis, size]) => `${axis}:${size}`)
      .join(' ') ?? header.shape
  );
}

/** Axis sizes for people: `C 2 × Y 512 × X 512` (the shape as stored when the axes are unknown). */
export function formatDimensions(header: AxisTexts): string {
  return (
    axisSizes(header)
      ?.map(([axis, size]) => `${axis} ${size}`)
      .join(' × ') ?? header.shape
  );
}

/** A measured number in at most 6 significant digits, without trailing zeros: `0.5`, `0.103752`. */
export function formatMeasure(n: number): string {
  return String(Number(n.toPrecision(6)));
}

/** What the path cell says after the name of an image of a collection: the file it was exported from. */
export function exportedFromText(source: string): string {
  return `from ${source}`;
}

/** The last component of a relative path. */
export function baseName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

/** A row's message without the leading `name.tif: ` (the row already names the file). */
export function messageForRow(message: string, path: string): string {
  const prefix = `${baseName(path)}: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}
