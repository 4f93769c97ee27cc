/**
 * An image matched to the catalogue in force for it, once per catalogue and acquisition: a scan's
 * rows share one acquisition object for equal acquisitions (the summary pool), so a folder of
 * 10,000 images taken with a few settings is matched a few times, and `scan --json`, the row's
 * names and `show` give the same object.
 */
import type { Acquisition } from '../../../shared/acquisition/acquisition-types';
import type { CatalogueNames } from '../../../shared/api';
import { matchInstrument, type InstrumentMatch } from '../../../shared/instruments';
import type { InstrumentCatalogue } from './instrument-catalogue';

const matches = new WeakMap<InstrumentCatalogue, WeakMap<Acquisition, InstrumentMatch>>();
const names = new WeakMap<InstrumentMatch, CatalogueNames | null>();

/** The image of `acquisition` matched to `catalogue`; null when no catalogue is in force or the file records no acquisition. */
export function instrumentMatchOf(
  catalogue: InstrumentCatalogue | null,
  acquisition: Acquisition | null | undefined,
): InstrumentMatch | null {
  if (catalogue === null || acquisition == null) return null;
  let known = matches.get(catalogue);
  if (known === undefined) matches.set(catalogue, (known = new WeakMap()));
  let match = known.get(acquisition);
  if (match === undefined) known.set(acquisition, (match = matchInstrument(acquisition, catalogue.descriptions)));
  return match;
}

/** The names a row carries of `match` (one object per match); null when neither the microscope nor the objective matched. */
export function catalogueNamesOf(match: InstrumentMatch | null): CatalogueNames | null {
  if (match === null) return null;
  let known = names.get(match);
  if (known === undefined) {
    const instrument = match.instrument?.Name ?? undefined;
    const objective = match.objective?.Name ?? undefined;
    known =
      instrument === undefined && objective === undefined
        ? null
        : { ...(instrument === undefined ? {} : { instrument }), ...(objective === undefined ? {} : { objective }) };
    names.set(match, known);
  }
  return known;
}
