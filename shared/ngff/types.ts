/**
 * The typed model of an OME-Zarr (NGFF) image's header: what its multiscales metadata and each
 * level's array metadata say, read from a store without reading a chunk. NGFF 0.4 on Zarr v2
 * (`.zattrs`, `.zarray`) and NGFF 0.5 on Zarr v3 (`zarr.json`) give the same model.
 */

/** One axis of the image, as the multiscales metadata names it. */
export interface NgffAxis {
  /** The axis name as written (`t`, `c`, `z`, `y`, `x`, or another). */
  name: string;
  /** `space`, `time`, `channel`, another type, or null when the metadata gives none. */
  type: string | null;
  /** The unit as written (`micrometer`, `second`, ...); null when none is given. */
  unit: string | null;
}

/** One resolution level: its array inside the store and what that array's metadata says. */
export interface NgffLevel {
  /** The array's path inside the store, `/`-separated (`0`, `s1`, ...). */
  path: string;
  /** Size along each axis, in the order of the axes. */
  shape: number[];
  /** Chunk size along each axis (for a sharded Zarr v3 array, the shard's inner chunk). */
  chunks: number[];
  /** numpy's name of one sample: `uint8`, `uint16`, `float32`, ... */
  dtype: string;
  /** The codecs a chunk passes through, in order, by name (`bytes`, `blosc`, `zstd`, `gzip`, `sharding_indexed`, ...). */
  codecs: string[];
  /** Physical size of one pixel along each axis at this level (the multiscales' and dataset's scales multiplied). */
  scale: number[];
  /** Position of the first pixel along each axis, or null when no translation is given. */
  translation: number[] | null;
}

/** One channel as the `omero` block describes it. */
export interface NgffChannel {
  label: string | null;
  /** Hex colour as written (`FF0000`), or null. */
  color: string | null;
}

/** Everything a header read reports about one NGFF image. */
export interface NgffImage {
  /** The NGFF version the metadata declares (`0.4`, `0.5`). */
  version: string;
  /** The Zarr format of the store: 2 (`.zattrs`) or 3 (`zarr.json`). */
  zarrFormat: 2 | 3;
  /** The multiscales' `name`, or null. */
  name: string | null;
  axes: NgffAxis[];
  /** Level 0 (full resolution) first. */
  levels: NgffLevel[];
  /** From the `omero` block; empty when there is none. */
  channels: NgffChannel[];
  /** Where the image lies inside the store (`''` at its root, `0` in a bioformats2raw layout). */
  imagePath: string;
}

/**
 * Read access to the keys of one Zarr store (`zarr.json`, `0/.zarray`, `.zattrs`): a local
 * folder now, object storage later, behind the same interface. Keys are `/`-separated and
 * relative to the store's root; the store refuses keys that would leave it.
 */
export interface ZarrStore {
  /** The bytes of a key, or null when the store has no such key; fails when it holds more than `maxBytes`. */
  get(key: string, maxBytes: number): Promise<Uint8Array | null>;
  /** Part of a key (a shard's index or one of its chunks), or null when the store has no such key. */
  getRange?(key: string, range: ByteRange, maxBytes: number): Promise<Uint8Array | null>;
}

/** Bytes of a key: `length` from `offset`, or its last `suffixLength`. */
export type ByteRange = { offset: number; length: number } | { suffixLength: number };

/** An NGFF store that cannot be read, with a message that says why. */
export class NgffReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NgffReadError';
  }
}

/** A store key reached through a symbolic link inside the store, which is never followed. */
export class NgffLinkError extends NgffReadError {
  /** The first step of the key that is a link (`acqstore`, `0/zarr.json`). */
  readonly link: string;

  constructor(link: string) {
    super(`${link} is a link inside the store; links are not followed`);
    this.name = 'NgffLinkError';
    this.link = link;
  }
}
