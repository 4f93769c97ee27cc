/**
 * A bounded reader of OLE2 compound documents (Microsoft's Compound File Binary format, the
 * container of Olympus OIB files): a 512-byte header, sectors of 512 or 4096 bytes chained
 * through the FAT (whose sectors the header's DIFAT lists), a directory of 128-byte entries
 * forming a red-black tree per storage, and small streams kept in 64-byte mini sectors inside
 * the root entry's stream. FAT sectors are read only when a chain reaches them, chains are
 * cut at the file's sector count (a loop is an error), and a stream is read as a
 * {@link ByteSource}, so a TIFF inside one is read by the TIFF reader without copying it.
 */
import type { BoundedReader } from '../tiff/bounded-reader';
import type { ByteSource } from '../tiff/types';
import { checkRange, fail, startsWith, u64, utf16, view } from './bytes';

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const NO_STREAM = 0xffffffff;
/** Most directory entries read. */
const MAX_ENTRIES = 100_000;

/** Whether the bytes start like a compound document. */
export function looksLikeOle2(head: Uint8Array): boolean {
  return startsWith(head, SIGNATURE);
}

/** One stream of the document, by its path of storage names. */
export interface Ole2Stream {
  path: string;
  start: number;
  size: number;
}

/** An open compound document. */
export class Ole2File {
  private readonly sectorSize: number;
  private readonly miniCutoff: number;
  private readonly maxSectors: number;
  private readonly difat: number[];
  private readonly fatCache = new Map<number, Uint8Array>();
  private readonly chains = new Map<number, { sectors: number[]; seen: Set<number>; ended: boolean }>();
  private miniFat: number[] | null = null;
  private rootStream: Ole2Stream | null = null;
  /** Streams by path, `/`-separated below the root. */
  readonly streams = new Map<string, Ole2Stream>();

  constructor(private readonly reader: BoundedReader) {
    const h = reader.bytes(0, 512, 'the compound document header');
    if (!looksLikeOle2(h)) fail('not an OLE2 compound document (no D0CF11E0 signature)');
    const v = view(h);
    const shift = v.getUint16(0x1e, true);
    if (shift !== 9 && shift !== 12) fail(`compound document sector size 2^${shift} is not 512 or 4096`);
    this.sectorSize = 2 ** shift;
    if (v.getUint16(0x20, true) !== 6) fail('compound document mini sectors are not 64 bytes');
    this.miniCutoff = v.getUint32(0x38, true);
    this.maxSectors = Math.ceil(reader.size / this.sectorSize);
    const fatSectors = checkRange(v.getUint32(0x2c, true), 0, this.maxSectors, 'compound document FAT sector count');
    this.difat = [];
    for (let i = 0; i < 109 && this.difat.length < fatSectors; i++) this.difat.push(v.getUint32(0x4c + i * 4, true));
    let next = v.getUint32(0x44, true);
    const perSector = this.sectorSize / 4 - 1;
    for (let steps = 0; this.difat.length < fatSectors && next !== END_OF_CHAIN && next !== FREE; steps++) {
      if (steps > this.maxSectors) fail('the compound document DIFAT chain loops');
      const s = this.sector(next, 'a DIFAT sector');
      const sv = view(s);
      for (let i = 0; i < perSector && this.difat.length < fatSectors; i++) this.difat.push(sv.getUint32(i * 4, true));
      next = sv.getUint32(perSector * 4, true);
    }
    this.readDirectory(v.getUint32(0x30, true));
  }

  private sector(index: number, what: string): Uint8Array {
    if (index >= this.maxSectors) fail(`${what}: sector ${index} is past the end of the compound document`);
    return this.reader.bytes((index + 1) * this.sectorSize, this.sectorSize, what);
  }

  /** The FAT entry of `sector`: the next sector of its chain. */
  private nextSector(sector: number): number {
    const perSector = this.sectorSize / 4;
    const fatIndex = Math.floor(sector / perSector);
    let fat = this.fatCache.get(fatIndex);
    if (fat === undefined) {
      const at = this.difat[fatIndex];
      if (at === undefined) fail(`compound document sector ${sector} is outside the FAT`);
      fat = this.sector(at, 'a FAT sector');
      this.fatCache.set(fatIndex, fat);
    }
    return view(fat).getUint32((sector % perSector) * 4, true);
  }

  /** The first `limit` sectors of the chain from `start` (fewer when it ends), walked once and kept. */
  private chain(start: number, limit: number, what: string): number[] {
    let known = this.chains.get(start);
    if (known === undefined) {
      known = { sectors: [], seen: new Set(), ended: start === END_OF_CHAIN };
      this.chains.set(start, known);
    }
    const out = known.sectors;
    while (!known.ended && out.length < limit) {
      const s = out.length === 0 ? start : this.nextSector(out[out.length - 1] as number);
      if (s === END_OF_CHAIN) {
        known.ended = true;
        break;
      }
      if (s === FREE || s >= this.maxSectors) fail(`${what}: its sector chain is broken at ${s}`);
      if (known.seen.has(s)) fail(`${what}: its sector chain loops back to sector ${s}`);
      known.seen.add(s);
      out.push(s);
    }
    return out;
  }

  private readDirectory(start: number): void {
    const sectors = this.chain(start, Math.ceil((MAX_ENTRIES * 128) / this.sectorSize), 'the directory');
    const raw: {
      name: string;
      type: number;
      left: number;
      right: number;
      child: number;
      start: number;
      size: number;
    }[] = [];
    for (const s of sectors) {
      const bytes = this.sector(s, 'a directory sector');
      for (let at = 0; at + 128 <= bytes.length; at += 128) {
        const e = bytes.subarray(at, at + 128);
        const ev = view(e);
        const nameBytes = Math.min(ev.getUint16(0x40, true), 64);
        raw.push({
          name: utf16(e.subarray(0, Math.max(nameBytes - 2, 0))),
          type: e[0x42] as number,
          left: ev.getUint32(0x44, true),
          right: ev.getUint32(0x48, true),
          child: ev.getUint32(0x4c, true),
          start: ev.getUint32(0x74, true),
          size: this.sectorSize === 512 ? ev.getUint32(0x78, true) : u64(e, 0x78),
        });
      }
    }
    const root = raw[0];
    if (root === undefined || root.type !== 5) fail('the compound document has no root entry');
    this.rootStream = { path: '', start: root.start, size: root.size };
    const seen = new Set<number>();
    const stack: { id: number; prefix: string }[] = [{ id: root.child, prefix: '' }];
    while (stack.length > 0) {
      const { id, prefix } = stack.pop() as (typeof stack)[number];
      if (id === NO_STREAM) continue;
      const entry = raw[id];
      if (entry === undefined) fail(`compound document directory entry ${id} does not exist`);
      if (seen.has(id)) fail('the compound document directory tree loops');
      seen.add(id);
      stack.push({ id: entry.left, prefix }, { id: entry.right, prefix });
      const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.type === 1) stack.push({ id: entry.child, prefix: path });
      else if (entry.type === 2) this.streams.set(path, { path, start: entry.start, size: entry.size });
    }
  }

  /** The byte ranges in the file of the stream bytes `[offset, offset + length)`. */
  private ranges(stream: Ole2Stream, offset: number, length: number): { at: number; length: number }[] {
    const mini = stream.size < this.miniCutoff;
    const unit = mini ? 64 : this.sectorSize;
    const first = Math.floor(offset / unit);
    const last = Math.floor((offset + length - 1) / unit);
    const sectors = mini ? this.miniChain(stream.start, last + 1) : this.chain(stream.start, last + 1, stream.path);
    if (sectors.length <= last) fail(`stream ${stream.path} is shorter than its size says`);
    const out: { at: number; length: number }[] = [];
    for (let i = first; i <= last; i++) {
      const from = i === first ? offset - i * unit : 0;
      const to = i === last ? offset + length - i * unit : unit;
      const sector = sectors[i] as number;
      const at = mini ? this.miniOffset(sector * 64) + from : (sector + 1) * this.sectorSize + from;
      const previous = out[out.length - 1];
      if (previous !== undefined && previous.at + previous.length === at) previous.length += to - from;
      else out.push({ at, length: to - from });
    }
    return out;
  }

  private miniChain(start: number, limit: number): number[] {
    if (this.miniFat === null) {
      const h = view(this.reader.bytes(0, 512, 'the compound document header'));
      const count = checkRange(h.getUint32(0x40, true), 0, this.maxSectors, 'compound document mini FAT sector count');
      const table: number[] = [];
      for (const s of this.chain(h.getUint32(0x3c, true), count, 'the mini FAT')) {
        const sv = view(this.sector(s, 'a mini FAT sector'));
        for (let i = 0; i < this.sectorSize / 4; i++) table.push(sv.getUint32(i * 4, true));
      }
      this.miniFat = table;
    }
    const out: number[] = [];
    const seen = new Set<number>();
    for (let s = start; s !== END_OF_CHAIN && out.length < limit; s = this.miniFat[s] ?? FREE) {
      if (s === FREE || s >= this.miniFat.length) fail(`a mini stream chain is broken at mini sector ${s}`);
      if (seen.has(s)) fail(`a mini stream chain loops back to mini sector ${s}`);
      seen.add(s);
      out.push(s);
    }
    return out;
  }

  /** The file offset of byte `offset` of the root entry's mini stream. */
  private miniOffset(offset: number): number {
    const root = this.rootStream as Ole2Stream;
    if (offset >= root.size) fail('a mini sector lies past the end of the mini stream');
    const index = Math.floor(offset / this.sectorSize);
    const sector = this.chain(root.start, index + 1, 'the mini stream')[index];
    if (sector === undefined) fail('the mini stream is shorter than its size says');
    return (sector + 1) * this.sectorSize + (offset % this.sectorSize);
  }

  /** The stream as random-access bytes (reads go through the document's bounded reader). */
  source(stream: Ole2Stream): ByteSource {
    return {
      size: stream.size,
      read: (offset, length) => {
        if (offset < 0 || length < 0 || offset + length > stream.size)
          fail(`read past the end of stream ${stream.path}`);
        if (length === 0) return new Uint8Array(0);
        const parts = this.ranges(stream, offset, length).map((r) =>
          this.reader.bytes(r.at, r.length, () => `stream ${stream.path}`),
        );
        if (parts.length === 1) return parts[0] as Uint8Array;
        const out = new Uint8Array(length);
        let at = 0;
        for (const p of parts) {
          out.set(p, at);
          at += p.length;
        }
        return out;
      },
    };
  }

  /** The whole stream's bytes, failing when it is larger than `max`. */
  readAll(stream: Ole2Stream, max: number): Uint8Array {
    if (stream.size > max)
      fail(`stream ${stream.path} is ${stream.size} bytes, more than the ${max} a header read takes`);
    return this.source(stream).read(0, stream.size);
  }
}
