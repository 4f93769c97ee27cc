/**
 * What an image file's header says of itself: CloudScope's eight read-only header values and
 * the pixel size the file declares. A leaf: the readers of every format and the API both
 * import it, so neither needs the other.
 */
/** The eight read-only header values, as CloudScope stores them. */
export interface HeaderValues {
  shape: string;
  dims: string;
  sizes: string;
  dtype: string;
  num_channels: number;
  num_scenes: number;
  date: string;
  time: string;
}

/** The header values in the order compact forms keep them (the scan cache, browser mode's event stream). */
export const HEADER_KEYS = [
  'shape',
  'dims',
  'sizes',
  'dtype',
  'num_channels',
  'num_scenes',
  'date',
  'time',
] as const satisfies readonly (keyof HeaderValues)[];

/**
 * Where a file's pixel size comes from: ImageJ's `unit=` with the resolution tags, OME-XML
 * `PhysicalSize*`, a Zeiss LSM's CZ_LSMINFO voxel size, or the TIFF resolution tags alone in
 * pixels per centimetre or dots per inch. Inch resolutions are print settings (a 300-dpi photo), not microscope calibrations. The
 * vendor formats (`czi`, `nd2`, `lif`, `oib`) give theirs in their own metadata, in µm.
 */
export type CalibrationSource =
  'imagej' | 'ome' | 'lsm' | 'resolution-cm' | 'resolution-inch' | 'czi' | 'nd2' | 'lif' | 'oib' | 'ngff';

/** A pixel size declared by the image file itself (ImageJ, OME or resolution tags). */
export interface FileCalibration {
  x: number;
  y: number;
  unit: string;
  source: CalibrationSource;
}

/** One TIFF tag of the first IFD, for the "All tags" view. */
export interface TagEntry {
  code: number;
  name: string;
  type: string;
  count: number;
  /** Human-readable value, shortened for long arrays. */
  value: string;
}
