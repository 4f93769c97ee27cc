/**
 * Nikon's XML variant encoding, used by ND2 chunks such as `CustomDataVar|AppInfo_V1_0!`: each
 * element is named after its key and carries `runtype` and `value` attributes, or children;
 * list items are called `no_name`. Decoded into the same shape as the CLX Lite chunks.
 */
import type { XmlElement } from '../tiff/xml';
import { utf8 } from './bytes';
import type { LiteRecord, LiteValue } from './nd2-lite';
import { parseVendorXml } from './xml-tools';

/** Element names that stand for list items (nd2's list of them), keyed by position instead. */
const ITEM_NAMES = new Set(['no_name', '', 'BinaryItem', 'TextInfoItem', 'Wavelength', 'MinSrc', 'MaxSrc']);

function cast(runtype: string, value: string): LiteValue | undefined {
  if (runtype === 'bool') return ['true', '1'].includes(value.toLowerCase());
  if (runtype === 'CLxStringW' || runtype === 'unknown' || runtype === 'CLxByteArray') return value;
  if (runtype === 'double' || runtype === 'float') return value.trim() === '' ? Number.NaN : Number(value);
  if (/^lx_u?int(32|64)$/.test(runtype)) return Number.parseInt(value, 10);
  return undefined;
}

function isEmpty(value: LiteValue): boolean {
  return (
    typeof value === 'object' &&
    !(value instanceof Uint8Array) &&
    (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0)
  );
}

function decode(element: XmlElement): LiteValue {
  const runtype = element.attributes.runtype;
  const scalar = runtype === undefined ? undefined : cast(runtype, element.attributes.value ?? '');
  if (scalar !== undefined) return scalar;
  const out: LiteRecord = {};
  element.children.forEach((child, i) => {
    const value = decode(child);
    if (ITEM_NAMES.has(child.name)) {
      if (!isEmpty(value)) out[`i${String(i).padStart(10, '0')}`] = value;
    } else out[child.name] = value;
  });
  return out;
}

/** Decodes one XML variant chunk: the root `variant` element's value, a lone list item unwrapped. */
export function decodeVariantXml(bytes: Uint8Array, what: string): LiteRecord {
  const root = parseVendorXml(utf8(bytes), what);
  const value = decode(root);
  const record = typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array) ? value : {};
  const only = Object.keys(record);
  const unwrapped = only.length === 1 && only[0] === 'i0000000000' ? record.i0000000000 : record;
  return typeof unwrapped === 'object' && !Array.isArray(unwrapped) && !(unwrapped instanceof Uint8Array)
    ? unwrapped
    : {};
}
