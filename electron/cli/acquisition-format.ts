/**
 * How an image's acquisition metadata looks on the command line: the `acquisition` object of
 * `show --json` and `scan --json` (keys in a fixed order, absent when unknown) and the short
 * block `show` prints.
 */
import type { Acquisition, AcquisitionChannel, AcquisitionSource } from '../../shared/acquisition/acquisition-types';

/** The JSON contract's keys, in the order they are written. */
const KEYS = [
  'instrument',
  'objective',
  'channels',
  'pixel_size_um',
  'time_increment_s',
  'acquired_at',
  'software',
  'sources',
  'origins',
  'disagreements',
  'problems',
] as const;

/** The `acquisition` object of a JSON record: the model's keys in a fixed order, absent ones left out. */
export function acquisitionRecord(acquisition: Acquisition): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const key of KEYS) if (acquisition[key] !== undefined) record[key] = acquisition[key];
  return record;
}

function where(source: AcquisitionSource): string {
  return `${source.flavour} ${source.key}`;
}

function channelText(channel: AcquisitionChannel, index: number): string {
  const label = [
    channel.name,
    channel.fluor !== undefined && channel.fluor !== channel.name ? `(${channel.fluor})` : '',
  ]
    .filter((part) => part !== undefined && part !== '')
    .join(' ');
  const waves =
    channel.excitation_nm === undefined && channel.emission_nm === undefined
      ? ''
      : ` ${channel.excitation_nm ?? '?'}/${channel.emission_nm ?? '?'} nm`;
  const exposure = channel.exposure_s === undefined ? '' : `, ${channel.exposure_s} s`;
  return `${label || `channel ${index + 1}`}${waves}${exposure}`;
}

/** The `Acquisition` block of `show`: one line per known value, then disagreements and problems. */
export function acquisitionLines(acquisition: Acquisition | undefined): string[] {
  if (acquisition === undefined) return ['', 'Acquisition: (none recorded)'];
  const { instrument, objective, channels, pixel_size_um: size } = acquisition;
  const items: [string, string | undefined][] = [
    ['Instrument', [instrument?.manufacturer, instrument?.model].filter((v) => v !== undefined).join(' ') || undefined],
    [
      'Objective',
      objective === undefined
        ? undefined
        : [
            objective.name,
            objective.magnification === undefined ? undefined : `${objective.magnification}x`,
            objective.na === undefined ? undefined : `NA ${objective.na}`,
            objective.immersion,
          ]
            .filter((v) => v !== undefined)
            .join(', '),
    ],
    ['Channels', channels === undefined ? undefined : channels.map(channelText).join('; ')],
    [
      'Pixel size',
      size === undefined
        ? undefined
        : [
            size.x === undefined ? undefined : `x ${size.x}`,
            size.y === undefined ? undefined : `y ${size.y}`,
            size.z === undefined ? undefined : `z ${size.z}`,
          ]
            .filter((v) => v !== undefined)
            .join(', ') + ' µm',
    ],
    ['Interval', acquisition.time_increment_s === undefined ? undefined : `${acquisition.time_increment_s} s`],
    ['Acquired', acquisition.acquired_at],
    ['Software', acquisition.software],
  ];
  const known = items.filter((item): item is [string, string] => item[1] !== undefined);
  const width = Math.max(0, ...known.map(([k]) => k.length));
  const lines = ['', `Acquisition (from ${acquisition.sources.join(', ') || 'no flavour'})`];
  lines.push(...known.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`));
  for (const d of acquisition.disagreements ?? [])
    lines.push(`  Disagree: ${d.key}: ${d.values.map((v) => `${v.value} (${where(v.source)})`).join(' vs ')}`);
  for (const problem of acquisition.problems ?? []) lines.push(`  Problem: ${problem}`);
  return lines;
}
