/**
 * The acquisition the plain TIFF tags record: Software (the acquisition software, or the
 * converter that wrote the file when it names one), DateTime, Make and Model, and a pixel
 * size from X/YResolution in pixels per centimetre. A resolution per inch is a print
 * resolution, not a size in the specimen, and is not read. With them, how the file stores its
 * pixels: the byte order of its header (`II` or `MM`) and its resolution levels.
 */
import { AcquisitionBuilder } from './acquisition-builder';
import type { Acquisition } from './acquisition-types';
import { isConversionProgram } from './conversion-programs';
import { tiffDateTime } from './dates';

/** What the first page's plain tags and the file's structure say (absent tags left out). */
export interface PlainTags {
  /** The byte order the TIFF header states, in which every sample of the file is stored. */
  byteOrder?: 'little' | 'big';
  /** Resolution levels of the first image, full resolution included (SubIFDs or reduced pages). */
  levels?: number;
  software?: string;
  dateTime?: string;
  make?: string;
  model?: string;
  /** X/YResolution as [numerator, denominator] and ResolutionUnit (1 none, 2 inch, 3 cm). */
  resolution?: { x: [number, number]; y: [number, number]; unit: number };
}

/** µm per pixel from a resolution in pixels per centimetre; undefined when it is not a positive size. */
function micronsPerPixel([num, den]: [number, number]): number | undefined {
  if (!(num > 0 && den > 0)) return undefined;
  return Number(((den / num) * 1e4).toPrecision(12));
}

/** The acquisition of the plain tags. */
export function tiffTagsAcquisition(tags: PlainTags): Acquisition {
  const b = new AcquisitionBuilder('tiff');
  const writer = tags.software !== undefined && isConversionProgram(tags.software);
  b.top(writer ? 'written_by' : 'software', tags.software, 'Software');
  if (tags.dateTime !== undefined && tags.dateTime.trim() !== '') {
    const date = tiffDateTime(tags.dateTime);
    if (date === undefined) b.problem(`TIFF: DateTime "${tags.dateTime.slice(0, 40)}" is not a date`);
    b.top('acquired_at', date, 'DateTime');
  }
  b.group('instrument', 'manufacturer', tags.make, 'Make');
  b.group('instrument', 'model', tags.model, 'Model');
  const resolution = tags.resolution;
  if (resolution?.unit === 3) {
    b.group('pixel_size_um', 'x', micronsPerPixel(resolution.x), 'XResolution');
    b.group('pixel_size_um', 'y', micronsPerPixel(resolution.y), 'YResolution');
  }
  b.group('storage', 'byte_order', tags.byteOrder, 'byte order (II or MM)');
  b.group('storage', 'resolution_levels', tags.levels, 'SubIFDs and reduced-resolution pages');
  return b.build();
}
