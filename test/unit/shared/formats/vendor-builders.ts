/**
 * Hand-built vendor files for the hostile-input tests: the smallest CZI and LIF files the
 * readers accept, with every field a test may want to break given as an option.
 */

function ascii(bytes: Uint8Array, at: number, text: string): void {
  [...text].forEach((c, i) => (bytes[at + i] = c.charCodeAt(0)));
}

function utf16(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  const view = new DataView(out.buffer);
  [...text].forEach((c, i) => view.setUint16(i * 2, c.charCodeAt(0), true));
  return out;
}

/** What a hand-built CZI may break. */
export interface CziOptions {
  xml?: string;
  subblockCount?: number;
  dimensionCount?: number;
  xmlSize?: number;
  directoryPosition?: number;
}

/** A CZI with one 4 × 4 gray8 subblock entry and the given metadata XML. */
export function buildCzi(options: CziOptions = {}): Uint8Array {
  const xml = new TextEncoder().encode(options.xml ?? '<ImageDocument><Metadata/></ImageDocument>');
  const bytes = new Uint8Array(1024 + 512 + xml.length);
  const view = new DataView(bytes.buffer);
  ascii(bytes, 0, 'ZISRAWFILE');
  view.setBigInt64(32 + 52, BigInt(options.directoryPosition ?? 512), true);
  view.setBigInt64(32 + 60, 1024n, true);
  ascii(bytes, 512, 'ZISRAWDIRECTORY');
  view.setInt32(512 + 32, options.subblockCount ?? 1, true);
  const entry = 512 + 32 + 128;
  ascii(bytes, entry, 'DV');
  view.setInt32(entry + 2, 0, true);
  view.setBigInt64(entry + 6, 2000n, true);
  view.setInt32(entry + 28, options.dimensionCount ?? 2, true);
  ['X', 'Y'].forEach((name, i) => {
    const d = entry + 32 + i * 20;
    ascii(bytes, d, name);
    view.setInt32(d + 8, 4, true);
    view.setInt32(d + 16, 4, true);
  });
  ascii(bytes, 1024, 'ZISRAWMETADATA');
  view.setInt32(1024 + 32, options.xmlSize ?? xml.length, true);
  bytes.set(xml, 1024 + 32 + 256);
  return bytes;
}

/** The XML header of a LIF with one 4 × 4 gray8 image in memory block `MemBlock_2`. */
export const LIF_XML =
  '<LMSDataContainerHeader Version="2"><Element Name="f"><Data><Experiment/></Data><Memory Size="0" MemoryBlockID="MemBlock_1"/><Children>' +
  '<Element Name="img"><Data><Image><ImageDescription><Channels><ChannelDescription Resolution="8" BytesInc="0"/></Channels><Dimensions>' +
  '<DimensionDescription DimID="1" NumberOfElements="4" Length="3e-6" Unit="m" BytesInc="1"/>' +
  '<DimensionDescription DimID="2" NumberOfElements="4" Length="3e-6" Unit="m" BytesInc="4"/>' +
  '</Dimensions></ImageDescription></Image></Data><Memory Size="16" MemoryBlockID="MemBlock_2"/><Children/></Element></Children></Element></LMSDataContainerHeader>';

/** One LIF memory block: magic, length, 0x2A, size, 0x2A, id, data. */
export function lifBlock(id: string, data: Uint8Array, size = data.length): Uint8Array {
  const name = utf16(id);
  const out = new Uint8Array(18 + name.length + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x70, true);
  out[8] = 0x2a;
  view.setUint32(9, size, true);
  out[13] = 0x2a;
  view.setUint32(14, id.length, true);
  out.set(name, 18);
  out.set(data, 18 + name.length);
  return out;
}

/** A LIF: the XML header block (its length in UTF-16 units overridable), then the blocks. */
export function buildLif(
  xml = LIF_XML,
  blocks: Uint8Array[] = [lifBlock('MemBlock_1', new Uint8Array(0)), lifBlock('MemBlock_2', new Uint8Array(16))],
  xmlUnits = xml.length,
): Uint8Array {
  const text = utf16(xml);
  const parts = [new Uint8Array(13 + text.length), ...blocks];
  const head = parts[0] as Uint8Array;
  const view = new DataView(head.buffer);
  view.setUint32(0, 0x70, true);
  head[8] = 0x2a;
  view.setUint32(9, xmlUnits, true);
  head.set(text, 13);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** An XML document whose nine nested entities would expand to a billion `lol`s. */
export function billionLaughs(root: string): string {
  const entities = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?><!DOCTYPE ${root} [${entities.join('')}]><${root}>&lol9;</${root}>`;
}
