/**
 * Public types of the vendor-format header readers (Zeiss CZI, Nikon ND2, Leica LIF, Olympus OIB).
 * One result type for every format, so the scanner, the CLI and the preview treat them alike.
 */
import type { FileCalibration, HeaderValues } from '../image-header';
import type { Acquisition } from '../acquisition/acquisition-types';

/** The vendor formats AcqMeta reads. */
export type VendorFormat = 'czi' | 'nd2' | 'lif' | 'oib';

/** Limits that keep one hostile file from costing more than a normal one. */
export interface VendorReadOptions {
  /** Most bytes read from the source for one header (default 64 MiB). */
  maxBytes?: number;
  /**
   * The image the header, calibration, planes, acquisition and plane store describe (default 0,
   * the one a row shows): a CZI's scene or a LIF's image by its place in `images`. CZI and LIF
   * only; the other readers describe image 0 whatever is asked.
   */
  image?: number;
  /**
   * How the planes, their counts, the plane store and the calibration are laid (LIF only; the
   * other formats' planes are X by Y already): `stored` (default), the file's first two
   * dimensions as the plane, as the preview shows an xz scan; `xy`, X by Y planes along Z and T,
   * each axis as the file names it, as an OME-TIFF copy states them.
   */
  planeAxes?: 'stored' | 'xy';
}

/** One stored piece of a plane: a whole frame, or one tile of a mosaic. */
export type PlaneTile = {
  /** Where the tile sits in the plane, in pixels of the plane (0, 0 for a whole frame). */
  x: number;
  y: number;
  width: number;
  height: number;
} & (
  | {
      /** The tile's bytes lie at `offset` in the file, `length` bytes long. */
      kind: 'bytes';
      offset: number;
      length: number;
    }
  | {
      /**
       * A CZI subblock: its data follows a header whose size is only known once that header is
       * read; {@link resolveCziSubblock} turns the segment offset into the data's offset and length.
       */
      kind: 'czi-subblock';
      segmentOffset: number;
    }
);

/** Where the pixels of one plane (c, z, t) of image 0 are stored. */
export interface StoredPlane {
  c: number;
  z: number;
  t: number;
  tiles: PlaneTile[];
  /** Bytes from the start of a pixel to this plane's first sample (ND2 interleaves channels). */
  sampleOffset: number;
}

/**
 * How image 0 stores its planes, for a preview that decodes them itself. Pixels of a decoded
 * tile are `pixelStride` bytes apart and rows `rowStride` bytes; a plane's sample sits
 * `sampleOffset` bytes into each pixel (ND2 frames interleave channels).
 */
export interface PlaneStore {
  /** `none`, or the codec the bytes need (`zstd`, `zstd-hdr`, `jpegxr`, `jpeg`, `lzw`, `zlib`, ...). */
  compression: string;
  /** numpy name of one sample: `uint8`, `uint16`, `float32`, ... */
  dtype: string;
  /** Samples shown together as one colour pixel (3 for BGR CZI and RGB ND2 images), else 1. */
  samples: number;
  /** Plane size in pixels. */
  width: number;
  height: number;
  /** Bytes between pixels and rows of an uncompressed tile; null when the codec decides. */
  pixelStride: number | null;
  rowStride: number | null;
  /** Every plane of image 0, in (c, z, t) order. */
  planes: StoredPlane[];
}

/** One image of a file that holds several (CZI scenes, ND2 positions, LIF images). */
export interface VendorImageSummary {
  /** The name the file gives it (`Scene 0`, a LIF element path, an ND2 position name). */
  name: string;
  /** CloudScope's strings for this image alone (num_scenes is always the file's count). */
  shape: string;
  dims: string;
  dtype: string;
}

/** Everything a header read reports about one vendor file. */
export interface VendorHeader {
  format: VendorFormat;
  /** The eight read-only header values of image 0, as CloudScope reports them. */
  header: HeaderValues;
  /** Pixel size along X and Y of image 0, in µm; null when the file records none. */
  fileCalibration: FileCalibration | null;
  /** Plane counts of image 0 for the preview sliders (colour samples are one plane). */
  planes: { c: number; z: number; t: number };
  /** Every image of the file; image 0 is the one the header, calibration and planes describe. */
  images: VendorImageSummary[];
  /** What the microscope recorded about image 0. */
  acquisition: Acquisition;
  /** Where the planes of image 0 lie, or null with the reason a preview cannot locate them. */
  store: PlaneStore | null;
  /** Why `store` is null; absent when it is not. */
  storeNote?: string;
  /** Named attachments the file carries (CZI: thumbnails, time stamps, label images). */
  attachments?: string[];
}

/** Most planes a {@link PlaneStore} lists; a larger image gets no store (and says why). */
export const MAX_STORED_PLANES = 100_000;

/** The note of an image with more planes than a store lists. */
export function tooManyPlanes(count: number): string {
  return `the image has ${count} planes, more than the ${MAX_STORED_PLANES} a header read lists`;
}

/** A vendor file that cannot be read, with a message that says why. */
export class VendorReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VendorReadError';
  }
}

/** What the header view lists of a vendor file beyond its header: its images and attachments. */
export interface VendorFileDetail {
  /** Every image of the file (image 0 is the one its row describes). */
  images: VendorImageSummary[];
  /** Named attachments (CZI only; empty for the other formats). */
  attachments: string[];
}
