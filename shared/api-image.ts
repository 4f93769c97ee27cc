/**
 * The per-image part of the API contract (see `api.ts`, which re-exports it): what the editor
 * shows of one image beyond its row (file facts, tags, ROIs, a damaged sidecar's text) and
 * its preview plane.
 */
import type { AnalysisEntry, RoiEntry } from './analysis/analysis-types';
import type { ImageRow } from './api-types';
import type { InstrumentMatch } from './instruments/instrument-match';
import type { VendorFileDetail } from './formats/types';
import type { NgffImage } from './ngff/types';
import type { SalvagedValue } from './sidecar/salvage-values';
import type { TagEntry } from './image-header';

export type { TagEntry } from './image-header';
export type { SalvagedValue } from './sidecar/salvage-values';

/** Everything the editor's header section shows for one image. */
export interface ImageDetail {
  row: ImageRow;
  pageCount: number | null;
  compression: string;
  tiled: boolean;
  byteOrder: 'little' | 'big' | null;
  bigTiff: boolean;
  tags: TagEntry[];
  /** ImageDescription with NULs stripped; `kind` says how to pretty-print it. */
  description: { kind: 'ome' | 'imagej' | 'json' | 'text' | 'none'; text: string };
  /** Plane counts for the preview sliders. */
  planes: { c: number; z: number; t: number };
  /** A CZI, ND2, LIF or OIB file's images (scenes, positions) and attachments; null for other formats. */
  vendor: VendorFileDetail | null;
  /** An OME-Zarr store's axes, resolution levels and channels; null for other formats. */
  ngff: NgffImage | null;
  /** The sidecar's ROIs and analysis records as written (empty without a valid sidecar). */
  rois: RoiEntry[];
  analyses: AnalysisEntry[];
  /** The sidecar's text and what can still be read from it, when it is invalid (null otherwise). */
  damaged: DamagedSidecar | null;
  /** The sidecar begins with a byte order mark, which CloudScope refuses (it is valid otherwise). */
  sidecarByteOrderMark: boolean;
  /** The image matched to the lab's microscope catalogue in force (`acqmeta.instruments/`); null when none is in force or the file records no acquisition. */
  instrumentMatch: InstrumentMatch | null;
}

/**
 * An invalid sidecar as the editor shows it, read-only: its text (or the part of it around
 * the problem, when long) with the problem's line, and the values read before the damage.
 */
export interface DamagedSidecar {
  /** What kind of trouble: the text is not JSON, is not UTF-8, or is JSON CloudScope would not load. */
  kind: 'json' | 'encoding' | 'structure';
  /** The first problem, in words. */
  problem: string;
  /** Where the problem is (1-based), when known. */
  line: number | null;
  column: number | null;
  /** The file's text, or the lines of it around `line` when the file is longer than the editor is sent. */
  text: string;
  /** The line number of the first line of `text`. */
  firstLine: number;
  /** How many lines the whole file has. */
  totalLines: number;
  /** Whether `text` leaves lines of the file out. */
  cut: boolean;
  /** The known fields' values read from the text before the damage, in the file's order. */
  values: SalvagedValue[];
  /** The line where reading stopped (the damage); null when the whole file was read. */
  readUntilLine: number | null;
}

/** A downsampled, auto-contrasted plane for the preview, as 8-bit gray or RGB. */
export interface PreviewImage {
  width: number;
  height: number;
  channels: 1 | 3;
  /** base64 of width*height*channels bytes, row-major. */
  data: string;
  /** Full-size dimensions of the plane. */
  sourceWidth: number;
  sourceHeight: number;
}
