/**
 * The acquisition Micro-Manager records in each page's MicroManagerMetadata tag (51123), a
 * JSON object: the pixel size, the camera's exposure, the objective's label, the time of the
 * image and the Micro-Manager version. Text that is not a JSON object is a problem, not an error.
 */
import { AcquisitionBuilder } from './acquisition-builder';
import type { Acquisition } from './acquisition-types';
import { isoDateTime } from './dates';
import { finiteNumber } from './units';

/** Most characters of the tag parsed (its objects are a few kB). */
const MAX_TEXT = 1024 * 1024;

function value(items: Record<string, unknown>, key: string): string | number | undefined {
  const item = items[key];
  if (typeof item === 'number' || typeof item === 'string') return item;
  // Micro-Manager 2 nests property values as {"PropVal": …}
  if (typeof item === 'object' && item !== null && 'PropVal' in item) {
    const nested = (item as { PropVal: unknown }).PropVal;
    return typeof nested === 'number' || typeof nested === 'string' ? nested : undefined;
  }
  return undefined;
}

function positive(text: string | number | undefined): number | undefined {
  const number = finiteNumber(text);
  return number !== undefined && number > 0 ? number : undefined;
}

/** `2014-06-12 14:50:21 +0200` (or ISO 8601) as ISO 8601. */
function mmTime(text: string | number | undefined): string | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)\s*([+-]\d{2}):?(\d{2})?$/.exec(text.trim());
  if (match === null) return isoDateTime(text);
  return isoDateTime(`${match[1]}T${match[2]}${match[3]}:${match[4] ?? '00'}`);
}

/** The acquisition of a MicroManagerMetadata tag's text. */
export function microManagerAcquisition(text: string): Acquisition {
  const b = new AcquisitionBuilder('micromanager');
  if (text.length > MAX_TEXT) {
    b.problem(`Micro-Manager: its metadata is over ${MAX_TEXT} characters and is not read`);
    return b.build();
  }
  let items: unknown;
  try {
    items = JSON.parse(text);
  } catch {
    items = null;
  }
  if (typeof items !== 'object' || items === null || Array.isArray(items)) {
    b.problem('Micro-Manager: its metadata is not a JSON object');
    return b.build();
  }
  const record = items as Record<string, unknown>;
  const version = value(record, 'MicroManagerVersion');
  b.top('software', version === undefined ? undefined : `Micro-Manager ${version}`, 'MicroManagerVersion');
  b.group('pixel_size_um', 'x', positive(value(record, 'PixelSizeUm')), 'PixelSizeUm');
  b.group('pixel_size_um', 'y', positive(value(record, 'PixelSizeUm')), 'PixelSizeUm');
  b.group('objective', 'name', value(record, 'Objective-Label'), 'Objective-Label');
  b.top('acquired_at', mmTime(value(record, 'Time')), 'Time');
  return b.build();
}
