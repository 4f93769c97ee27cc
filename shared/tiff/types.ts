/**
 * Public types of the TIFF header reader.
 */
import type { Acquisition } from '../acquisition/acquisition-types';
import type { TagEntry } from '../image-header';
import type { FileCalibration, HeaderValues } from '../image-header';

/**
 * Random access to the bytes of one file; reading past its end must fail, not pad.
 * Synchronous: a header is read in a worker thread, where a blocking read costs nothing but that
 * thread's time, and a reader without promises reads a folder of small files several times faster.
 */
export interface ByteSource {
  /** File size in bytes. */
  size: number;
  /** Exactly `length` bytes starting at `offset`. */
  read(offset: number, length: number): Uint8Array;
}

/** Limits that keep one hostile file from costing more than a normal one. */
export interface ReadTiffOptions {
  /** Most IFDs walked in the main chain before giving up (default 1,000,000). */
  maxPages?: number;
  /** Most bytes read from the source for one header (default 256 MiB). */
  maxBytes?: number;
  /** The file's own name, used to resolve OME-XML references to "this file". */
  fileName?: string;
  /** Whether to read the acquisition metadata (default true; the benchmark turns it off to measure its cost). */
  acquisition?: boolean;
}

/** What kind of text the ImageDescription holds. */
export type DescriptionKind = 'ome' | 'imagej' | 'json' | 'text' | 'none';

/** What a folder listing shows about one TIFF. */
export interface TiffSummary {
  /** The eight read-only header values, as CloudScope derives them from tifffile's series[0]. */
  header: HeaderValues;
  /** Pixel size declared by the file (ImageJ, OME or resolution tags); null when undeclared. */
  fileCalibration: FileCalibration | null;
  /** What the microscope recorded about the acquisition; absent when the file records nothing. */
  acquisition?: Acquisition;
}

/** Everything the scanner reports about one TIFF. */
export interface TiffInfo extends TiffSummary {
  /** Number of IFDs in the main chain. */
  pageCount: number;
  /** Compression of the first page, by tifffile's names (`NONE`, `LZW`, `ADOBE_DEFLATE`, ...). */
  compression: string;
  tiled: boolean;
  byteOrder: 'little' | 'big';
  bigTiff: boolean;
  /** All tags of the first IFD. */
  tags: TagEntry[];
  /** ImageDescription with trailing NULs stripped. */
  description: { kind: DescriptionKind; text: string };
  /** Plane counts of series[0] for the preview sliders (RGB samples are one plane). */
  planes: { c: number; z: number; t: number };
}
