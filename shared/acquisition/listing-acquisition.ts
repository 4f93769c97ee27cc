/**
 * The acquisition as a folder listing carries it: every value, its flavours, disagreements and
 * problems, but not `origins` (where each value was read). Rows, the scan cache and each line
 * of `scan --json` are kept small; only one image's detail read (and `show`) gives origins.
 */
import type { Acquisition } from './acquisition-types';

/** `summary` with its acquisition (if any) without `origins`. */
export function withListingAcquisition<T extends { acquisition?: Acquisition }>(summary: T): T {
  if (summary.acquisition === undefined) return summary;
  const { origins: _origins, ...listed } = summary.acquisition;
  return { ...summary, acquisition: listed };
}
