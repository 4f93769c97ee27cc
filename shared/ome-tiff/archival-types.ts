/**
 * What an archival OME-TIFF copy holds, shared by the OME-XML writer (`ome-xml.ts`), the TIFF
 * writer (electron/services/convert) and the conversion that feeds them both.
 */
import type { Acquisition } from '../acquisition/acquisition-types';

/** numpy names of the sample types an archival copy keeps as they are. */
export type ArchivalDtype = 'uint8' | 'int8' | 'uint16' | 'int16' | 'uint32' | 'int32' | 'float32' | 'float64';

/**
 * The pixels of one image. Planes are stored C fastest, then Z, then T (OME's XYCZT): plane
 * `c + sizeC × (z + sizeZ × t)` is IFD number that many. Each plane is `width × height` pixels
 * of `samples` interleaved values (3 for an RGB image, whose OME SizeC is then sizeC × 3).
 */
export interface ArchivalPixels {
  width: number;
  height: number;
  samples: number;
  dtype: ArchivalDtype;
  sizeC: number;
  sizeZ: number;
  sizeT: number;
}

/** The source file an archival copy was made from, as its annotation states it. */
export interface ArchivalSource {
  /** The file's name (no folder). */
  name: string;
  bytes: number;
  /** SHA-256 of the file's bytes, lower-case hex. */
  sha256: string;
}

/** Everything the OME-XML of one archival copy states. */
export interface ArchivalImage {
  /** The image's name: the source's file name, or the name its file gives it (a CZI scene, a LIF image). */
  name: string;
  pixels: ArchivalPixels;
  /** What the source records of its acquisition (channels, objective, instrument, date, software). */
  acquisition: Acquisition;
  /** Pixel size in µm: the sidecar's calibration where it has one, else the header's; null where neither says. */
  physicalSizeUm: { x: number | null; y: number | null; z: number | null };
  /** The sidecar's experimental fields as key and text, in the sidecar's order, empty ones left out. */
  experimental: [string, string][];
  /** The lab catalogue's match (microscope, objective, detectors … by name), as key and text; empty when none. */
  instrumentMatch: [string, string][];
  source: ArchivalSource;
  /** The program that wrote the copy, with its version (`AcqMeta 0.1.0`). */
  converter: string;
}
