/**
 * The archival copy: images of the open folder written as OME-TIFF, as `acqmeta convert --to
 * ome-tiff` writes them. A conversion runs in the background; its progress and its summary
 * arrive as `convert-*` events (api-events.ts).
 */

/** Lossless compressions an archival OME-TIFF may use (zlib by default). */
export type ArchivalCompression = 'none' | 'zlib' | 'lzw';

/** The file name endings an archival copy may have (`.ome.tif` for tools that list `.tif` only). */
export type ArchivalExtension = '.ome.tiff' | '.ome.tif';

/** How the copies are written: the command line's options. */
export interface ConvertOptions {
  compression: ArchivalCompression;
  /** Neither tiles nor reduced levels (`--flat`); tiled and pyramidal otherwise. */
  flat: boolean;
  extension: ArchivalExtension;
  /** Replace a file already at an output path (`--force`); otherwise that image is skipped, and said so. */
  force: boolean;
}

/** A conversion of some of the open folder's images into `outputFolder`. */
export interface ConvertRequest {
  /** The images, relative to the open folder (as rows name them). */
  paths: string[];
  /** Where the copies go: relative to the open folder, or absolute; made when missing. */
  outputFolder: string;
  options: ConvertOptions;
}

/** One archival file written (renamed into place after its planes were read back equal). */
export interface ConvertedImage {
  /** The source image, relative to the open folder. */
  source: string;
  /** The image of the source it holds (a CZI scene, a LIF image) by its name; null for a file of one image. */
  image: string | null;
  /** The file written, absolute. */
  output: string;
  bytes: number;
  bigtiff: boolean;
  /** Reduced-resolution levels stored besides full resolution (0 when flat). */
  levels: number;
  /** Every plane was read back from the written file equal to the source's. */
  verified: boolean;
}

/** An image not written, and why. */
export interface ConvertRefusal {
  source: string;
  image: string | null;
  /** `exists`: a file is at the output path and `force` was not given; `refused`: it cannot be converted (the reason says why). */
  kind: 'exists' | 'refused';
  reason: string;
}

/** What a finished or cancelled conversion did. */
export interface ConvertSummary {
  written: ConvertedImage[];
  refused: ConvertRefusal[];
  /** Cancelled before every image was done (what was written stays; the image under way is not). */
  cancelled: boolean;
  /** The output folder, absolute. */
  outputFolder: string;
}

/** How far a conversion is: planes of all its images, and the image under way. */
export interface ConvertProgress {
  /** Planes written so far, over every image of the job. */
  done: number;
  total: number;
  /** The image under way, relative to the open folder (with its image name for a file of several). */
  current: string;
}
