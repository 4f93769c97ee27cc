/**
 * The acquisition as a folder listing carries it: every value, its flavours, disagreements and
 * problems, but not `origins` (where each value was read). Origins are more than half of an
 * OME-TIFF's acquisition in JSON; a listing of 100,000 images would carry them in every row, the
 * scan cache and each line of `scan --json`, while only one image's detail read shows them.
 */
import type { Acquisition } from './acquisition-types';

/** `acquisition` without its `origins`. */
export function listingAcquisition(acquisition: Acquisition): Acquisition {
  const { origins: _origins, ...listed } = acquisition;
  return listed;
}
