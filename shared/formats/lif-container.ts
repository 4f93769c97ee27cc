/**
 * The container of a Leica LIF file: a first block (magic 0x70, a length, the byte 0x2A, the
 * XML header's length in UTF-16 units, the XML), then one memory block per stored item (magic,
 * length, 0x2A, the data size as 4 or 8 bytes, 0x2A, the block's id in UTF-16, the data).
 * Blocks are matched to images by that id, the `MemoryBlockID` of the XML's `Memory` element.
 */
import type { BoundedReader } from '../tiff/bounded-reader';
import { checkRange, fail, u64, utf16, view } from './bytes';

/** Longest XML header read, in UTF-16 units. */
const MAX_XML_UNITS = 16 * 1024 * 1024;
/** Most memory blocks walked. */
const MAX_BLOCKS = 100_000;
/** Longest memory block id, in UTF-16 units. */
const MAX_ID_UNITS = 1024;

/** Whether the bytes start like a LIF file. */
export function looksLikeLif(head: Uint8Array): boolean {
  return head.length >= 9 && head[0] === 0x70 && head[1] === 0 && head[2] === 0 && head[3] === 0 && head[8] === 0x2a;
}

/** The XML header and the offset of the first memory block. */
export function readLifXml(reader: BoundedReader): { xml: string; next: number } {
  const head = reader.bytes(0, 13, 'the LIF header');
  if (!looksLikeLif(head)) fail('not a LIF file (no LIF magic 0x70 and memory byte 0x2A at its start)');
  const units = checkRange(view(head).getUint32(9, true), 1, MAX_XML_UNITS, 'LIF XML header length');
  return { xml: utf16(reader.bytes(13, units * 2, 'the LIF XML header')), next: 13 + units * 2 };
}

/** Walks memory blocks from `start` until the one called `id`; its data's offset and size. */
export function findLifBlock(
  reader: BoundedReader,
  start: number,
  id: string,
): { offset: number; size: number } | null {
  let pos = start;
  for (let n = 0; pos < reader.size; n++) {
    if (n >= MAX_BLOCKS) fail(`the LIF file has more than ${MAX_BLOCKS} memory blocks`);
    const head = reader.bytes(pos, 18, () => `the LIF memory block header at ${pos}`);
    if (head[0] !== 0x70 || head[1] !== 0 || head[2] !== 0 || head[3] !== 0 || head[8] !== 0x2a)
      fail(`corrupt LIF file: no memory block magic at ${pos}`);
    let size = view(head).getUint32(9, true);
    let after = pos + 13;
    if (head[13] !== 0x2a) {
      size = u64(head, 9);
      after = pos + 17;
      if (head[17] !== 0x2a) fail(`corrupt LIF file: no memory byte after the block size at ${pos}`);
    }
    const idUnits = checkRange(
      view(reader.bytes(after + 1, 4, 'a LIF memory block id length')).getUint32(0, true),
      0,
      MAX_ID_UNITS,
      'LIF memory block id length',
    );
    const blockId = utf16(reader.bytes(after + 5, idUnits * 2, 'a LIF memory block id'));
    const data = after + 5 + idUnits * 2;
    if (size > 0) reader.check(data, size, () => `the data of LIF memory block ${blockId}`);
    if (blockId === id) return { offset: data, size };
    if (data + size <= pos) fail(`corrupt LIF file: memory block at ${pos} does not advance`);
    pos = data + size;
  }
  return null;
}
