/**
 * An acquisition as labelled lines, each with the places its value was read from, so a person
 * can check it against the file: the editor's Acquisition details. Pure.
 */
import { channelText, instrumentText, intervalText, objectiveText, shortNumber } from './acquisition-text';
import type { Acquisition, AcquisitionChannel, AcquisitionFlavour, AcquisitionSource } from './acquisition-types';

/** How each metadata flavour is named to a person. */
export const FLAVOUR_LABELS: Readonly<Record<AcquisitionFlavour, string>> = {
  ome: 'OME-XML',
  imagej: 'ImageJ',
  lsm: 'Zeiss LSM',
  fluoview: 'FluoView',
  scanimage: 'ScanImage',
  micromanager: 'Micro-Manager',
  metamorph: 'MetaMorph',
  tiff: 'TIFF tags',
  czi: 'CZI',
  nd2: 'ND2',
  lif: 'LIF',
  oib: 'OIB',
  ngff: 'OME-Zarr',
};

/** One line of the details: what, its value in words, and where it was read. */
export interface AcquisitionLine {
  label: string;
  value: string;
  /** The distinct places the value's parts came from, in words (`OME-XML Objective@LensNA`). */
  sources: string[];
}

function sourceText(source: AcquisitionSource): string {
  return `${FLAVOUR_LABELS[source.flavour]} ${source.key}`;
}

/** The sources of every origin key that starts with one of `prefixes`. */
function sourcesOf(acquisition: Acquisition, prefixes: readonly string[]): string[] {
  const found = Object.entries(acquisition.origins ?? {})
    .filter(([key]) => prefixes.some((prefix) => key === prefix || key.startsWith(`${prefix}.`)))
    .map(([, source]) => sourceText(source));
  return [...new Set(found)];
}

function pixelLine(acquisition: Acquisition): string {
  const { x, y, z } = acquisition.pixel_size_um ?? {};
  return (
    [
      ['X', x],
      ['Y', y],
      ['Z', z],
    ] as const
  )
    .filter(([, value]) => value !== undefined)
    .map(([axis, value]) => `${axis} ${shortNumber(value!, 4)} µm`)
    .join(' · ');
}

/** ` · dye excitation peak 353 nm` when the file records the dye's peak apart from the light used. */
function dyePeakText({ dye_excitation_nm: peak, excitation_nm: light }: AcquisitionChannel): string {
  if (peak === undefined || (light !== undefined && Math.round(light) === Math.round(peak))) return '';
  return ` · dye excitation peak ${Math.round(peak)} nm`;
}

/** ` · detector HyD 1 (Leica HyD, PMT, SN 42)`: the detector's name, else its model, and what else the file records of it. */
function detectorText(channel: AcquisitionChannel): string {
  const { detector_name: name, detector_manufacturer: maker, detector_model: model } = channel;
  const made = [maker, model].filter((part) => part !== undefined).join(' ');
  const title = name ?? made;
  const rest = [
    ...(name !== undefined && made !== '' ? [made] : []),
    ...(channel.detector_type === undefined ? [] : [channel.detector_type]),
    ...(channel.detector_serial === undefined ? [] : [`SN ${channel.detector_serial}`]),
  ].join(', ');
  if (title === '' && rest === '') return '';
  return ` · detector ${[title, rest === '' ? '' : title === '' ? rest : `(${rest})`].filter((t) => t !== '').join(' ')}`;
}

/** ` · light DPSS 561-10 · filter BP 495-550`: the light source and emission filters the file names. */
function lightPathText({ light_source: light, emission_filter: filter }: AcquisitionChannel): string {
  return `${light === undefined ? '' : ` · light ${light}`}${filter === undefined ? '' : ` · filter ${filter}`}`;
}

/** `little-endian · pyramid of 3 levels · planes XYCTZ`: how the file stores its pixels, a single level left unsaid. */
function storageLine({ storage }: Acquisition): string {
  const { byte_order: order, resolution_levels: levels, dimension_order: planes } = storage ?? {};
  return [
    order === undefined ? '' : `${order}-endian`,
    levels === undefined || levels < 2 ? '' : `pyramid of ${levels} levels`,
    planes === undefined ? '' : `planes ${planes}`,
  ]
    .filter((part) => part !== '')
    .join(' · ');
}

function channelDetail(acquisition: Acquisition, index: number): string {
  const channel = acquisition.channels![index]!;
  const exposure = channel.exposure_s === undefined ? '' : ` · exposure ${intervalText(channel.exposure_s)}`;
  return `${channelText(channel) || '—'}${dyePeakText(channel)}${exposure}${lightPathText(channel)}${detectorText(channel)}`;
}

/** An ISO 8601 time as a person reads it: `2014-06-18 13:55:23.392 UTC`, an offset kept as written. */
function readableTime(iso: string | undefined): string {
  return (iso ?? '')
    .replace('T', ' ')
    .replace(/Z$/, ' UTC')
    .replace(/([+-]\d{2}:\d{2})$/, ' $1');
}

/**
 * What the header's empty date cell says when the file records when it was acquired: CloudScope's
 * header keeps no date for some formats (an ND2's), and a bare dash beside a known date reads as
 * a contradiction. Empty when the acquisition records no date.
 */
export function headerDateGap(acquisition: Acquisition | undefined): string {
  const when = readableTime(acquisition?.acquired_at);
  return when === '' ? '' : `none in CloudScope's header · acquired ${when}, as the file records`;
}

/** The details of an acquisition, one line per known value (channels one line each), in reading order. */
export function acquisitionLines(acquisition: Acquisition): AcquisitionLine[] {
  const lines: AcquisitionLine[] = [
    { label: 'Instrument', value: instrumentText(acquisition), sources: sourcesOf(acquisition, ['instrument']) },
    { label: 'Objective', value: objectiveText(acquisition.objective), sources: sourcesOf(acquisition, ['objective']) },
    ...(acquisition.channels ?? []).map((_, i) => ({
      label: `Channel ${i + 1}`,
      value: channelDetail(acquisition, i),
      sources: sourcesOf(acquisition, [`channels.${i}`]),
    })),
    { label: 'Pixel size', value: pixelLine(acquisition), sources: sourcesOf(acquisition, ['pixel_size_um']) },
    {
      label: 'Interval',
      value: intervalText(acquisition.time_increment_s),
      sources: sourcesOf(acquisition, ['time_increment_s']),
    },
    {
      label: 'Acquired',
      value: readableTime(acquisition.acquired_at),
      sources: sourcesOf(acquisition, ['acquired_at']),
    },
    { label: 'Software', value: acquisition.software ?? '', sources: sourcesOf(acquisition, ['software']) },
    {
      label: 'Converted with',
      value: acquisition.written_by ?? '',
      sources: sourcesOf(acquisition, ['written_by']),
    },
    { label: 'Storage', value: storageLine(acquisition), sources: sourcesOf(acquisition, ['storage']) },
  ];
  return lines.filter((line) => line.value !== '');
}

/** What the file's flavours disagree on, in words: `objective.na: 1.4 (OME-XML …) or 1.3 (ImageJ …)`. */
export function disagreementTexts(acquisition: Acquisition): string[] {
  return (acquisition.disagreements ?? []).map(
    (d) => `${d.key}: ${d.values.map((v) => `${v.value} (${sourceText(v.source)})`).join(' or ')}`,
  );
}
