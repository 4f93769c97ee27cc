/**
 * One shared copy of each distinct TIFF header summary. A folder's images share a few shapes,
 * types, dates, calibrations and acquisitions, yet every header read, or decoded from the scan cache, comes
 * as objects and texts of its own. The scan cache's decoder and the folder's header memo both
 * take the shared copy: 100,000 kept headers hold a few hundred summaries, not 100,000, and an
 * image whose summary is already shared is kept without a copy or a look-up.
 */
import type { HeaderValues, FileCalibration } from '../../../shared/api';
import type { TiffSummary } from '../../../shared/tiff';

/** Distinct summaries kept at most (past this the pool starts afresh). */
const MAX_SUMMARIES = 10_000;

const byKey = new Map<string, TiffSummary>();
/** The summaries handed out by this pool (frozen): taking one again costs one look-up here. */
const pooled = new WeakSet<TiffSummary>();

/** An acquisition as text (summaries share one only when they are equal as text). */
function acquisitionText(summary: TiffSummary): string {
  return summary.acquisition === undefined ? '' : JSON.stringify(summary.acquisition);
}

/** The pool's key: every header value, the calibration and the acquisition's text. */
function keyOf(summary: TiffSummary, acquisition: string): string {
  const { header: h, fileCalibration: c } = summary;
  const calibration = c === null ? '' : `${c.x}\u0000${c.y}\u0000${c.unit}\u0000${c.source}`;
  return `${h.shape}\u0000${h.dims}\u0000${h.sizes}\u0000${h.dtype}\u0000${h.num_channels}\u0000${h.num_scenes}\u0000${h.date}\u0000${h.time}\u0000${calibration}\u0000${acquisition}`;
}

function sameHeader(a: HeaderValues, b: HeaderValues): boolean {
  return (
    a.shape === b.shape &&
    a.dims === b.dims &&
    a.sizes === b.sizes &&
    a.dtype === b.dtype &&
    Object.is(a.num_channels, b.num_channels) &&
    Object.is(a.num_scenes, b.num_scenes) &&
    a.date === b.date &&
    a.time === b.time
  );
}

function sameCalibration(a: FileCalibration | null, b: FileCalibration | null): boolean {
  if (a === null || b === null) return a === b;
  return Object.is(a.x, b.x) && Object.is(a.y, b.y) && a.unit === b.unit && a.source === b.source;
}

/**
 * The shared, frozen summary equal to `summary` (itself, frozen, the first time it is seen).
 * Equal means every header value and calibration number the same to the bit (`Object.is`).
 */
export function sharedSummary(summary: TiffSummary): TiffSummary {
  if (pooled.has(summary)) return summary;
  const acquisition = acquisitionText(summary);
  const key = keyOf(summary, acquisition);
  const known = byKey.get(key);
  if (
    known !== undefined &&
    sameHeader(known.header, summary.header) &&
    sameCalibration(known.fileCalibration, summary.fileCalibration)
  )
    return known;
  if (known !== undefined) return summary; // equal as text, not to the bit (0 and -0): kept apart
  if (byKey.size >= MAX_SUMMARIES) byKey.clear();
  const { header, fileCalibration } = summary;
  const frozen: TiffSummary = Object.freeze({
    header: Object.freeze({ ...header }),
    fileCalibration: fileCalibration === null ? null : Object.freeze({ ...fileCalibration }),
    ...(summary.acquisition === undefined ? {} : { acquisition: summary.acquisition }),
  });
  byKey.set(key, frozen);
  pooled.add(frozen);
  return frozen;
}
