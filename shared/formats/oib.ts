/**
 * Olympus OIB header reader: an OLE2 compound document whose `OibInfo.txt` maps stream names to
 * the OIF file names they stand for; the main `.oif` settings give the image (oiffile's axes,
 * shape and dtype), the first channel's `.pty` the objective, and the first TIFF plane's own
 * header is read through its stream to check the planes are what the settings say. A preview
 * reads a plane's TIFF through its stream the same way ({@link oibPlaneSource}).
 */
import { cloudscopeDims } from '../tiff/header-values';
import { openTiff } from '../tiff/read-tiff-header';
import type { ByteSource } from '../tiff/types';
import { fail, vendorReader } from './bytes';
import { headerFromSizes, imageSummary } from './header-strings';
import { oibAcquisition, oibAxes, oibCalibration, oibDateTime, oibDtype } from './oib-metadata';
import { parseSettings, setting, type Settings } from './oif-ini';
import { Ole2File, type Ole2Stream } from './ole2';
import type { VendorHeader, VendorReadOptions } from './types';

/** Largest settings stream read. */
const MAX_SETTINGS_BYTES = 8 * 1024 * 1024;

/** OIF file names to the compound document's streams, from `OibInfo.txt`. */
function oibFiles(ole: Ole2File): { main: string; files: Map<string, Ole2Stream> } {
  const infoStream =
    ole.streams.get('OibInfo.txt') ?? fail('the compound document has no OibInfo.txt: not an OIB file');
  const info =
    parseSettings(ole.readAll(infoStream, MAX_SETTINGS_BYTES), 'OibInfo.txt').get('OibSaveInfo') ??
    fail('OibInfo.txt has no [OibSaveInfo] section');
  const byBase = new Map([...ole.streams.values()].map((s) => [s.path.split('/').pop() as string, s]));
  const files = new Map<string, Ole2Stream>();
  for (const [key, value] of info) {
    const stream = byBase.get(key);
    if (key.startsWith('Stream') && stream !== undefined) files.set(value, stream);
  }
  const mainKey = info.get('MainFileName') ?? fail('OibInfo.txt names no main file');
  return { main: info.get(mainKey) ?? fail(`OibInfo.txt does not name stream ${mainKey}`), files };
}

/**
 * The plane indices in an OIF TIFF file name: its letters with their 1-based numbers, 0-based
 * (`s_C002Z001T003.tif` → C 1, Z 0, T 2); null for a file that is not a plane.
 */
function planeIndices(name: string): Map<string, number> | null {
  const match = /^s_((?:[A-Z]\d+)+)\.tiff?$/i.exec(name.split('/').pop() ?? '');
  if (match === null) return null;
  const letters = [...(match[1] as string).matchAll(/([A-Z])(\d+)/gi)];
  return new Map(letters.map(([, letter, number]) => [(letter as string).toUpperCase(), Number(number) - 1]));
}

/**
 * The TIFF file of plane (c, z, t) of an OIB file, chosen by its OIF name (`s_C001Z002T003.tif`:
 * a letter missing from the name is index 0, and every other letter must be at its first
 * index), as a byte source over its stream; `options.maxBytes` bounds the header and the plane.
 */
export function oibPlaneSource(
  source: ByteSource,
  plane: { c: number; z: number; t: number },
  options: VendorReadOptions = {},
): { source: ByteSource; name: string } {
  const ole = new Ole2File(vendorReader(source, options));
  const { files } = oibFiles(ole);
  const wanted = new Map([
    ['C', plane.c],
    ['Z', plane.z],
    ['T', plane.t],
  ]);
  for (const [name, stream] of [...files].sort(([a], [b]) => natural(a, b))) {
    const indices = planeIndices(name);
    if (indices === null) continue;
    const at = (letter: string): number => indices.get(letter) ?? 0;
    if (
      [...wanted].every(([letter, index]) => at(letter) === index) &&
      [...indices.keys()].every((l) => wanted.has(l) || at(l) === 0)
    )
      return { source: ole.source(stream), name };
  }
  fail(`the OIB file has no TIFF plane for C ${plane.c + 1}, Z ${plane.z + 1}, T ${plane.t + 1}`);
}

/** Natural order of file names (numbers compared as numbers). */
function natural(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** Reads the header of an OIB file. */
export function readOibHeader(source: ByteSource, options: VendorReadOptions = {}): VendorHeader {
  const reader = vendorReader(source, options);
  const ole = new Ole2File(reader);
  const { main, files } = oibFiles(ole);
  const read = (name: string): Settings =>
    parseSettings(
      ole.readAll(files.get(name) ?? fail(`the OIB file has no stream for ${name}`), MAX_SETTINGS_BYTES),
      name,
    );
  const settings = read(main);
  const names = [...files.keys()].sort(natural);
  const ptyName = names.find((n) => /\.pty$/i.test(n) && !/thumb/i.test(n));
  const pty = ptyName === undefined ? undefined : read(ptyName);
  const axes = oibAxes(settings);
  const dtype = oibDtype(settings);
  const sizes = [...cloudscopeDims(axes.map(([a]) => a).join(''))].map(
    (d, i) => [d, axes[i]?.[1] ?? 1] as [string, number],
  );
  const tiffName = names.find((n) => /\.tif$/i.test(n));
  if (tiffName === undefined) fail('the OIB file holds no TIFF plane');
  const tiff = openTiff(ole.source(files.get(tiffName) as Ole2Stream), { maxBytes: 4 * 1024 * 1024 }).info;
  const width = axes.find(([a]) => a === 'X')?.[1];
  const height = axes.find(([a]) => a === 'Y')?.[1];
  const tiffShape = tiff.header.shape;
  if (width !== undefined && height !== undefined && !tiffShape.endsWith(`${height}, ${width})`))
    fail(`the OIB settings say ${height} × ${width} but plane ${tiffName} is ${tiffShape}`);
  const count = (a: string): number => axes.find(([x]) => x === a)?.[1] ?? 1;
  return {
    format: 'oib',
    header: { ...headerFromSizes(sizes, dtype, 1), ...oibDateTime(settings) },
    fileCalibration: oibCalibration(settings),
    planes: { c: count('C'), z: count('Z'), t: count('T') },
    images: [imageSummary(setting(settings, 'File Info', 'DataName') ?? main, sizes, dtype)],
    acquisition: oibAcquisition(settings, pty, axes),
    store: null,
    storeNote: `planes are TIFF files (${tiff.compression}, ${tiff.header.dtype}) inside the compound document, in sectors that need not be contiguous: read them through the stream`,
  };
}
