/**
 * An image matched to the catalogue in force for it, once per catalogue and set of values the
 * match reads (the microscope's model, the objective, the channels' wavelengths and detectors, the pixel size):
 * a folder of 10,000 images taken with a few settings is matched a few times, however their
 * dates differ, and `scan --json`, the row's names and `show` give the same object.
 */
import path from 'node:path';
import type { Acquisition } from '../../../shared/acquisition/acquisition-types';
import type { CatalogueNames } from '../../../shared/api';
import {
  matchedHardware,
  matchInstrument,
  type InstrumentMatch,
  type MatchedHardware,
} from '../../../shared/instruments';
import type { InstrumentCatalogue } from './instrument-catalogue';
import type { ProfileFinder } from './profile-finder';

/** Per catalogue: the match of each acquisition object, and of each key of the values it reads. */
const matches = new WeakMap<
  InstrumentCatalogue,
  { byObject: WeakMap<Acquisition, InstrumentMatch>; byKey: Map<string, InstrumentMatch> }
>();

/** Keys kept per catalogue: a folder's distinct settings are far fewer; past this the keys start again. */
const MAX_KEYS = 10_000;

/** What {@link matchInstrument} reads of an acquisition, as text. */
function matchKey(acquisition: Acquisition): string {
  const { instrument, objective, channels, pixel_size_um } = acquisition;
  return JSON.stringify([
    instrument?.model,
    objective,
    channels?.map((c) => [
      c.excitation_nm,
      c.emission_nm,
      c.detector_model,
      c.detector_name,
      c.detector_serial,
      c.detector_type,
    ]),
    pixel_size_um?.x,
  ]);
}
const names = new WeakMap<InstrumentMatch, CatalogueNames | null>();

/** The image of `acquisition` matched to `catalogue`; null when no catalogue is in force or the file records no acquisition. */
export function instrumentMatchOf(
  catalogue: InstrumentCatalogue | null,
  acquisition: Acquisition | null | undefined,
): InstrumentMatch | null {
  if (catalogue === null || acquisition == null) return null;
  let known = matches.get(catalogue);
  if (known === undefined) matches.set(catalogue, (known = { byObject: new WeakMap(), byKey: new Map() }));
  let match = known.byObject.get(acquisition);
  if (match === undefined) {
    const key = matchKey(acquisition);
    match = known.byKey.get(key);
    if (match === undefined) {
      match = matchInstrument(acquisition, catalogue.descriptions, catalogue.rule ?? null);
      if (known.byKey.size >= MAX_KEYS) known.byKey.clear();
      known.byKey.set(key, match);
    }
    known.byObject.set(acquisition, match);
  }
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

/**
 * The catalogue's components the image of `acquisition` matched (see matchedHardware); undefined
 * when no catalogue is in force, nothing matched when the file records no acquisition.
 */
function hardwareOf(
  catalogue: InstrumentCatalogue | null,
  acquisition: Acquisition | null | undefined,
): MatchedHardware | undefined {
  if (catalogue === null) return undefined;
  const match = instrumentMatchOf(catalogue, acquisition);
  return match === null
    ? { microscope: null, objective: null, lightSources: [], filters: [] }
    : matchedHardware(match, catalogue.descriptions);
}

/** The images of the folder `root`, each with what it matched in the catalogue in force for it (`hardware`, absent without one). */
export function withHardware<T extends { readonly path: string; readonly acquisition?: Acquisition }>(
  root: string,
  images: readonly T[],
  finder: ProfileFinder,
): Promise<(T & { readonly hardware?: MatchedHardware })[]> {
  return Promise.all(
    images.map(async (image) => {
      const hardware = hardwareOf(await finder.instrumentsFor(path.join(root, image.path)), image.acquisition);
      return hardware === undefined ? image : { ...image, hardware };
    }),
  );
}
