/**
 * Result keys and the compact summary values a table row carries: one number per analysis,
 * ROI, channel and summary key, so a folder can be sorted by a result.
 */
import type { AnalysisEntry, ResultNumber, ResultValues } from './analysis-types';

/** What a result key names. */
export interface ResultKeyParts {
  analysis: string;
  roiId: number | null;
  channel: number | null;
  /** The summary key, e.g. `velocity_mean`. */
  key: string;
  /** 1 for the first record of this analysis, ROI and channel; 2, 3, ... for repeats. */
  occurrence: number;
}

/** A result key: `radon_velocity/1/0/velocity_mean` (parts URI-encoded; `/2` ends a repeat). */
export function resultKey(parts: ResultKeyParts): string {
  const key = `${encodePart(parts.analysis)}/${encodePart(parts.roiId)}/${encodePart(parts.channel)}/${encodePart(parts.key)}`;
  return parts.occurrence > 1 ? `${key}/${parts.occurrence}` : key;
}

/** What `encodeURIComponent` leaves as it is. */
const UNRESERVED = /^[A-Za-z0-9\-_.!~*'()]*$/;

/** A key part URI-encoded (null: empty); most parts need no encoding, and are not copied. */
function encodePart(part: string | number | null): string {
  if (part === null) return '';
  const text = String(part);
  return UNRESERVED.test(text) ? text : encodeURIComponent(text);
}

/** The parts of a result key; null when the text is not one. */
export function parseResultKey(text: string): ResultKeyParts | null {
  const fields = text.split('/');
  if (fields.length !== 4 && fields.length !== 5) return null;
  try {
    const [analysis = '', roi = '', channel = '', key = '', occurrence = '1'] = fields.map(decodeURIComponent);
    const count = Number(occurrence);
    const number = (s: string): number | null | undefined =>
      s === '' ? null : Number.isFinite(Number(s)) ? Number(s) : undefined;
    const roiId = number(roi);
    const channelNumber = number(channel);
    if (roiId === undefined || channelNumber === undefined || !Number.isInteger(count) || count < 1 || key === '')
      return null;
    return { analysis, roiId, channel: channelNumber, key, occurrence: count };
  } catch {
    return null;
  }
}

/** A number's text as a row value; null for text that is not a number. */
export function resultNumber(text: string): ResultNumber | null {
  if (text === 'NaN' || text === 'Infinity' || text === '-Infinity') return text;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** A row value as a JavaScript number (NaN and the infinities decoded). */
export function decodeResultNumber(value: ResultNumber): number {
  return typeof value === 'number' ? value : Number(value);
}

/**
 * The numeric summary values of an image's analysis records; null when there are none. A
 * repeated record (same analysis, ROI and channel) gets its own keys (occurrence 2, 3, ...).
 */
export function resultValues(records: readonly AnalysisEntry[]): ResultValues | null {
  const values: Record<string, ResultNumber> = {};
  const seen = new Map<string, number>();
  let any = false;
  for (const record of records) {
    const slot = `${record.name}\u0000${record.roiId}\u0000${record.channel}`;
    const occurrence = (seen.get(slot) ?? 0) + 1;
    seen.set(slot, occurrence);
    for (const { key, value } of record.summary) {
      if (value.kind !== 'number') continue;
      const number = resultNumber(value.text);
      if (number === null) continue;
      values[resultKey({ analysis: record.name, roiId: record.roiId, channel: record.channel, key, occurrence })] =
        number;
      any = true;
    }
  }
  return any ? values : null;
}
