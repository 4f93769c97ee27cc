/**
 * Which detector of the lab's microscopes recorded each channel, and why: by the model the file
 * names (its name when it names no model), compared without case or punctuation against a
 * detector's `Model` or `Name`; else by serial number; else by type (`PMT`, `HyD`, `CCD`) when the
 * one microscope in question has exactly one detector of that type. Several that fit are
 * candidates; none is "not in the catalogue", with the detectors of the same type as look-alikes.
 */
import type { AcquisitionChannel } from '../acquisition/acquisition-types';
import type { InstrumentComponent } from './instrument-types';

/** A detector of the catalogue, with the description file it is in. */
export interface FiledDetector {
  c: InstrumentComponent;
  file: string;
}

/** A channel's detector matched: the detectors that fit (one: matched), why, or why none, with look-alikes. */
export interface DetectorFit {
  found: FiledDetector[];
  evidence: string;
  ambiguous: string;
  none: string;
  alike: FiledDetector[];
}

/** A text reduced for comparison: letters and digits, lower case. */
export const bare = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/** Spellings of one detector type: a Micro-Meta App `Schema_ID` (`sCMOS.json`) or a file's `Type` (`HyD`). */
const TYPES: [RegExp, string][] = [
  [/^(s?cmos)$/, 'cmos'],
  [/^(hyd|hpd|hybrid(photo)?detector)$/, 'hyd'],
];

/** A detector type as compared: `sCMOS.json` ≈ `CMOS`, `HybridPhotoDetector` ≈ `HyD`. */
function detectorType(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const word = bare(text.replace(/\.json$/i, ''));
  if (word === '') return undefined;
  return TYPES.find(([pattern]) => pattern.test(word))?.[1] ?? word;
}

/** Whether the channel records anything of its detector to match it by. */
export function recordsDetector(channel: AcquisitionChannel): boolean {
  return [channel.detector_model, channel.detector_name, channel.detector_serial, channel.detector_type].some(
    (value) => value !== undefined && bare(value) !== '',
  );
}

/**
 * The detectors among `detectors` (those of the microscopes in question) that recorded `channel`;
 * `oneMicroscope`: the detectors are one microscope's, so a type held once names one.
 */
export function fitDetector(
  channel: AcquisitionChannel,
  detectors: readonly FiledDetector[],
  oneMicroscope: boolean,
): DetectorFit {
  const model = channel.detector_model ?? channel.detector_name;
  const what = channel.detector_model === undefined ? 'detector name' : 'model';
  const type = detectorType(channel.detector_type);
  const alike = type === undefined ? [] : detectors.filter(({ c }) => detectorType(c.schemaId) === type);
  if (model !== undefined && bare(model) !== '') {
    const named = detectors.filter(({ c }) =>
      [c.model, c.name].some((n) => n !== undefined && bare(n) === bare(model)),
    );
    if (named.length > 0)
      return fit(named, `by the ${what} the file names (${model})`, `${named.length} detectors are a ${model}`, alike);
  }
  const serial = channel.detector_serial?.trim() || undefined;
  if (serial !== undefined) {
    const numbered = detectors.filter(({ c }) => c.serialNumber?.trim().toLowerCase() === serial.toLowerCase());
    if (numbered.length > 0)
      return fit(
        numbered,
        `by serial number ${serial}`,
        `${numbered.length} detectors have serial number ${serial}`,
        alike,
      );
  }
  const kind = channel.detector_type;
  if (oneMicroscope && alike.length === 1) return fit(alike, `the microscope's only ${kind} detector`, '', alike);
  const onlyType = model === undefined && serial === undefined;
  if (onlyType && alike.length > 1) {
    const where = oneMicroscope ? 'the microscope has' : 'the microscope is not known;';
    return fit(alike, '', `${where} ${alike.length} ${kind} detectors`, alike);
  }
  const recorded = [
    ...(model === undefined ? [] : [model]),
    ...(serial === undefined ? [] : [`serial number ${serial}`]),
    ...(kind === undefined ? [] : [`type ${kind}`]),
  ].join(', ');
  return {
    found: [],
    evidence: '',
    ambiguous: '',
    none: `no detector fits what the file records (${recorded})`,
    alike,
  };
}

function fit(found: FiledDetector[], evidence: string, ambiguous: string, alike: FiledDetector[]): DetectorFit {
  return { found, evidence, ambiguous, none: '', alike };
}
