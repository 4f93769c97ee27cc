/**
 * An image's record as `acqmeta scan --json` writes it and the facility index keeps it (keys in
 * a fixed order: the JSON contract), whichever program indexed the image, the app or the command line.
 */
import type { ImageRow } from './api-types';
import type { Acquisition } from './acquisition/acquisition-types';

/** The JSON contract's keys, in the order they are written. */
const KEYS = [
  'instrument',
  'objective',
  'channels',
  'pixel_size_um',
  'storage',
  'time_increment_s',
  'acquired_at',
  'software',
  'written_by',
  'sources',
  'origins',
  'disagreements',
  'problems',
] as const;

/** The `acquisition` object of a JSON record: the model's keys in a fixed order, absent ones left out. */
function acquisitionRecord(acquisition: Acquisition): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const key of KEYS) if (acquisition[key] !== undefined) record[key] = acquisition[key];
  return record;
}

/** The JSON Lines record of a row, keys in a fixed order (`acqmeta scan --json`). */
export function rowRecord(row: ImageRow): Record<string, unknown> {
  const h = row.header;
  return {
    path: row.path,
    format: row.format,
    header:
      h === null
        ? null
        : {
            shape: h.shape,
            dims: h.dims,
            sizes: h.sizes,
            dtype: h.dtype,
            num_channels: h.num_channels,
            num_scenes: h.num_scenes,
            date: h.date,
            time: h.time,
          },
    file_calibration:
      row.fileCalibration === null
        ? null
        : {
            x: row.fileCalibration.x,
            y: row.fileCalibration.y,
            unit: row.fileCalibration.unit,
            source: row.fileCalibration.source,
          },
    sidecar: row.sidecar,
    errors: row.errors,
    profile: row.profile,
    profile_problems: row.profileProblems.map((p) => p.message),
    acquisition: row.acquisition === undefined ? null : acquisitionRecord(row.acquisition),
    ...(row.exportedFrom === undefined ? {} : { exported_from: row.exportedFrom }),
  };
}
