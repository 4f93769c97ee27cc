/**
 * The acquisition ScanImage records, in its `key=value` lines: version 3 as `state.*` lines
 * in the ImageDescription, later versions as `SI.*` lines in the Software tag or the BigTIFF
 * header block. Read: the version, the start of the acquisition (version 3's trigger time),
 * the Z step of a stack, the frame period and the names of the saved channels.
 */
import { AcquisitionBuilder } from './acquisition-builder';
import type { Acquisition } from './acquisition-types';
import { isoDateTime } from './dates';
import { finiteNumber } from './units';

/** Most characters of ScanImage text looked at per block (its headers are a few hundred kB at most). */
const MAX_TEXT = 4 * 1024 * 1024;

/** The keys read (ScanImage writes hundreds; only these are looked up). */
const KEYS = [
  'state.software.version',
  'state.internal.triggerTimeString',
  'state.acq.numberOfZSlices',
  'state.acq.zStepSize',
  'SI.VERSION_MAJOR',
  'SI.VERSION_MINOR',
  'SI.hStackManager.numSlices',
  'SI.hStackManager.stackZStepSize',
  'SI.hScan2D.logAverageFactor',
  'SI.hRoiManager.scanFramePeriod',
  'SI.hChannels.channelSave',
  'SI.hChannels.channelName',
];

/**
 * A `key = value` line of a key read, a `scanimage.` prefix allowed: at the start of the text or
 * after a CR or LF (not the other line breaks `^` would take). No backtracking: linear in the text.
 */
const KEY_LINE = new RegExp(
  `(?<![^\\r\\n])(?:scanimage\\.)?(${KEYS.map((key) => key.replace(/\./g, '\\.')).join('|')})[ \\t]*=([^\\r\\n]*)`,
  'g',
);

/** Adds to `into` the keys read on the `key = value` lines of `text`; the first line of a key wins. */
function readKeyLines(text: string, into: Map<string, string>): void {
  const found = new Set<string>();
  KEY_LINE.lastIndex = 0;
  for (let match = KEY_LINE.exec(text); match !== null; match = KEY_LINE.exec(text)) {
    const key = match[1] ?? '';
    if (found.has(key)) continue;
    found.add(key);
    into.set(key, (match[2] ?? '').trim());
  }
}

/** The values ScanImage texts give for the keys read (a `scanimage.SI.` prefix read as `SI.`). */
export function scanImageValues(texts: readonly string[]): Map<string, string> {
  const values = new Map<string, string>();
  for (const whole of texts) readKeyLines(whole.length > MAX_TEXT ? whole.slice(0, MAX_TEXT) : whole, values);
  return values;
}

/** A MATLAB string (`'text'`) without its quotes; other values as written. */
function unquote(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return /^'.*'$/.test(value) ? value.slice(1, -1).replace(/''/g, "'") : value;
}

/** The numbers of a MATLAB scalar or vector (`2`, `[1;2]`, `[1 2]`); undefined when it is not one. */
function numbers(value: string | undefined): number[] | undefined {
  if (value === undefined) return undefined;
  const inner = value.replace(/^\[|\]$/g, '').trim();
  if (inner === '') return [];
  const items = inner.split(/[\s;,]+/).map((item) => finiteNumber(item));
  return items.every((n) => n !== undefined) ? (items as number[]) : undefined;
}

/** A MATLAB string in a cell array: `'text'`, a quote doubled inside. */
const CELL_STRING = /'((?:[^']|'')*)'/g;

/** The strings of a MATLAB cell array (`{'Channel 1' 'Channel 2'}`). */
function cellStrings(value: string | undefined): string[] {
  const strings: string[] = [];
  const text = value ?? '';
  CELL_STRING.lastIndex = 0;
  for (let match = CELL_STRING.exec(text); match !== null; match = CELL_STRING.exec(text))
    strings.push((match[1] ?? '').replace(/''/g, "'"));
  return strings;
}

/** Version 3's `M/D/YYYY HH:MM:SS.mmm` trigger time in ISO 8601. */
function triggerTime(value: string | undefined): string | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(unquote(value) ?? '');
  if (match === null) return undefined;
  const two = (text: string | undefined): string => (text ?? '').padStart(2, '0');
  return isoDateTime(`${match[3]}-${two(match[1])}-${two(match[2])}T${two(match[4])}:${match[5]}:${two(match[6])}`);
}

function positive(value: string | undefined): number | undefined {
  const number = finiteNumber(unquote(value));
  return number !== undefined && number > 0 ? number : undefined;
}

function readVersion3(b: AcquisitionBuilder, values: Map<string, string>): void {
  const version = unquote(values.get('state.software.version'));
  b.top('software', version === undefined ? undefined : `ScanImage ${version}`, 'state.software.version');
  b.top('acquired_at', triggerTime(values.get('state.internal.triggerTimeString')), 'state.internal.triggerTimeString');
  if ((positive(values.get('state.acq.numberOfZSlices')) ?? 1) > 1)
    b.group('pixel_size_um', 'z', positive(values.get('state.acq.zStepSize')), 'state.acq.zStepSize');
}

function readLater(b: AcquisitionBuilder, values: Map<string, string>): void {
  const major = unquote(values.get('SI.VERSION_MAJOR'));
  const minor = unquote(values.get('SI.VERSION_MINOR'));
  if (major !== undefined)
    b.top('software', `ScanImage ${major}${minor === undefined ? '' : `.${minor}`}`, 'SI.VERSION_MAJOR');
  if ((positive(values.get('SI.hStackManager.numSlices')) ?? 1) > 1)
    b.group(
      'pixel_size_um',
      'z',
      positive(values.get('SI.hStackManager.stackZStepSize')),
      'SI.hStackManager.stackZStepSize',
    );
  // one saved frame is one period only when frames are not averaged
  if ((positive(values.get('SI.hScan2D.logAverageFactor')) ?? 1) === 1)
    b.top('time_increment_s', positive(values.get('SI.hRoiManager.scanFramePeriod')), 'SI.hRoiManager.scanFramePeriod');
  const saved = numbers(values.get('SI.hChannels.channelSave'));
  const names = cellStrings(values.get('SI.hChannels.channelName'));
  if (saved === undefined || saved.length === 0 || names.length === 0) return;
  b.channelCount(saved.length);
  saved.forEach((channel, i) => b.channel(i, 'name', names[channel - 1], `SI.hChannels.channelName{${channel}}`));
}

/** The acquisition of ScanImage's values (see {@link scanImageValues}). */
export function scanImageAcquisition(values: Map<string, string>): Acquisition {
  const b = new AcquisitionBuilder('scanimage');
  readVersion3(b, values);
  readLater(b, values);
  return b.build();
}
