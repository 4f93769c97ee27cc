/**
 * Messages between a conversion (main thread) and its convert worker: structured-clone data
 * only; planes never cross, the worker reads the source itself.
 */
import type { ArchivalCompression } from '../../../shared/api-convert';
import type { ArchivalPixels } from '../../../shared/ome-tiff';
import type { DescribedImage } from './archival-sources';
import type { WrittenOmeTiff } from './ome-tiff-writer';
import type { WrittenPlane } from './read-back';

/** A source file described: its size in bytes and its images. */
export interface DescribedSource {
  size: number;
  images: DescribedImage[];
}

/** Image `index` of the source at `path` written to `temp` (a new file) with `description` as its OME-XML. */
export interface WriteRequest {
  type: 'write';
  id: number;
  path: string;
  index: number;
  /** The pixels the description states: a source that now reads otherwise is refused. */
  pixels: ArchivalPixels;
  temp: string;
  description: string;
  tiled: boolean;
  compression: ArchivalCompression;
  software: string;
  /** The pixel size in µm the description states, for TIFF's resolution tags; null: unknown. */
  pixelSizeUm: { x: number; y: number } | null;
  /** Text of the description filled in after the write: the reply says where it lies. */
  pending?: string;
}

/**
 * A request to the worker; `abort` stops the write under way between blocks, and `read-back-done`
 * answers a writing worker's `read-back` (an error's message, or none); neither gets an answer.
 */
export type ConvertRequest =
  | { type: 'describe'; id: number; path: string }
  | { type: 'hash'; id: number; path: string }
  | WriteRequest
  | { type: 'read-back'; id: number; path: string; planes: WrittenPlane[] }
  | { type: 'read-back-done'; seq: number; message?: string }
  | { type: 'abort' }
  | { type: 'close'; id: number };

/** What a request resolved to. */
export type ConvertValue = DescribedSource | string | WrittenOmeTiff | null;

/**
 * An answer (`done`/`failed`), a write's progress (full-resolution planes written so far), or a
 * write's planes now on disk, to be read back elsewhere and answered by `read-back-done`.
 */
export type ConvertReply =
  | { type: 'done'; id: number; value: ConvertValue }
  | { type: 'failed'; id: number; message: string; code?: string }
  | { type: 'planes'; id: number; planes: number }
  | { type: 'read-back'; id: number; seq: number; planes: WrittenPlane[] };
