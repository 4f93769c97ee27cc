/**
 * ImageJ's private metadata tags (50838 MetaDataByteCounts, 50839 MetaData): a header (`IJIJ`,
 * then a type and a count per kind of entry) and the entries, one byte count each. Slice labels
 * (type `labl`) are UTF-16 text in the file's byte order, one per plane; ImageJ shows them as the
 * planes' names. The other kinds (info, display ranges, LUTs, ROIs, overlays) are kept as they are.
 */

const MAGIC = 0x494a494a; // "IJIJ"
const LABELS = 0x6c61626c; // "labl"
const INFO = 0x696e666f; // "info"

/** One kind of entry and its entries' bytes, in the file's order. */
export interface MetadataKind {
  type: number;
  entries: Uint8Array[];
}

/** The metadata's kinds, or null when the bytes are not ImageJ's (no magic, counts that do not add up). */
export function readImageJMetadata(
  counts: readonly number[],
  data: Uint8Array,
  littleEndian: boolean,
): MetadataKind[] | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const header = counts[0] ?? 0;
  if (header < 12 || (header - 4) % 8 !== 0 || header > data.length || view.getUint32(0, littleEndian) !== MAGIC)
    return null;
  const kinds: MetadataKind[] = [];
  let entry = 1;
  let at = header;
  for (let k = 4; k < header; k += 8) {
    const type = view.getUint32(k, littleEndian);
    const count = view.getUint32(k + 4, littleEndian);
    const entries: Uint8Array[] = [];
    for (let i = 0; i < count; i++, entry++) {
      const length = counts[entry];
      if (length === undefined || at + length > data.length) return null;
      entries.push(data.subarray(at, at + length));
      at += length;
    }
    kinds.push({ type, entries });
  }
  return kinds;
}

/** The slice labels of the metadata (empty when it has none). */
export function labelsOf(kinds: readonly MetadataKind[], littleEndian: boolean): string[] {
  const labels = kinds.find((kind) => kind.type === LABELS)?.entries ?? [];
  return labels.map((bytes) => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let text = '';
    for (let i = 0; i + 1 < bytes.length; i += 2) text += String.fromCharCode(view.getUint16(i, littleEndian));
    return text;
  });
}

/**
 * The two tags' values with the slice labels replaced by `labels` (the other kinds kept, the
 * labels after the info text as ImageJ writes them): the byte counts and the bytes.
 */
export function withLabels(
  kinds: readonly MetadataKind[],
  labels: readonly string[],
  littleEndian: boolean,
): { counts: number[]; data: Uint8Array } {
  const labelEntries = labels.map((label) => {
    const bytes = new Uint8Array(label.length * 2);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < label.length; i++) view.setUint16(i * 2, label.charCodeAt(i), littleEndian);
    return bytes;
  });
  const kept = kinds.filter((kind) => kind.type !== LABELS);
  const at = kept[0]?.type === INFO ? 1 : 0;
  const all = [...kept.slice(0, at), { type: LABELS, entries: labelEntries }, ...kept.slice(at)];
  const header = 4 + 8 * all.length;
  const entries = all.flatMap((kind) => kind.entries);
  const data = new Uint8Array(header + entries.reduce((sum, bytes) => sum + bytes.length, 0));
  const view = new DataView(data.buffer);
  view.setUint32(0, MAGIC, littleEndian);
  all.forEach((kind, i) => {
    view.setUint32(4 + 8 * i, kind.type, littleEndian);
    view.setUint32(8 + 8 * i, kind.entries.length, littleEndian);
  });
  let offset = header;
  for (const bytes of entries) {
    data.set(bytes, offset);
    offset += bytes.length;
  }
  return { counts: [header, ...entries.map((bytes) => bytes.length)], data };
}
