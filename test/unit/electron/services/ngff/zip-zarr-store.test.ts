/**
 * A zipped store's keys read from the zip's central directory: the fixtures (stored, deflated)
 * equal their folders, and every zip a writer would not write is refused with the reason.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ZipZarrStore } from '../../../../../electron/services/ngff/zip-zarr-store';
import type { ByteSource } from '../../../../../shared/tiff';

const NGFF = fileURLToPath(new URL('../../../../fixtures/ngff/', import.meta.url));
const MiB = 1024 * 1024;

/** A byte source over `bytes` that fails, as a file source does, on a read past the end. */
function sourceOf(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read(offset, length) {
      if (offset < 0 || offset + length > bytes.length) throw new Error(`read past the end at ${offset}`);
      return bytes.slice(offset, offset + length);
    },
  };
}

/** One entry to zip: its data, stored or deflated, and what its headers may lie about. */
interface Entry {
  name: string;
  data: Uint8Array;
  deflate?: boolean;
  size?: number;
  crc?: number;
  flags?: number;
  method?: number;
}

/**
 * A zip of `entries`, local headers then the central directory, as zipfile writes it; with
 * `zip64`, its end records and entry offsets the ZIP64 way (as for more than 65,535 entries).
 */
function zipOf(entries: Entry[], directoryCount = entries.length, zip64 = false): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let at = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const body = entry.deflate ? deflateRawSync(entry.data) : Buffer.from(entry.data);
    const method = entry.method ?? (entry.deflate ? 8 : 0);
    const crc = entry.crc ?? crc32(entry.data);
    const size = entry.size ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(entry.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(entry.flags ?? 0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(zip64 ? 0xffffffff : at, 42);
    const extra = Buffer.alloc(zip64 ? 12 : 0);
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8, 2);
      extra.writeBigUInt64LE(BigInt(at), 4);
      central.writeUInt16LE(extra.length, 30);
    }
    locals.push(local, name, body);
    centrals.push(central, name, extra);
    at += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const wide: Buffer[] = [];
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeBigUInt64LE(BigInt(directoryCount), 24);
    record.writeBigUInt64LE(BigInt(directoryCount), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(at), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(at + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    wide.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : directoryCount, 8);
  end.writeUInt16LE(zip64 ? 0xffff : directoryCount, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(zip64 ? 0xffffffff : at, 16);
  return Buffer.concat([...locals, directory, ...wide, end]);
}

const storeOf = (zip: Uint8Array): ZipZarrStore => new ZipZarrStore(sourceOf(zip));
/** What reading a key of `zip` fails with (its directory is read at the first key asked for). */
const openFails = (zip: Uint8Array) => expect(storeOf(zip).get('zarr.json', MiB)).rejects;
const text = (s: string): Uint8Array => Buffer.from(s);

describe('a zipped store', () => {
  it('reads the keys of a stored and a deflated zip as their folders hold them, whole or in part', async () => {
    for (const [zip, key] of [
      ['cells-04.ome.zarr.zip', '0/.zarray'],
      ['sharded-05.ome.zarr.zip', 'zarr.json'],
      ['sharded-05.ome.zarr.zip', '0/c/0/0/0'],
    ] as const) {
      const store = storeOf(readFileSync(path.join(NGFF, zip)));
      const expected = readFileSync(path.join(NGFF, zip.replace(/\.zip$/, ''), key));
      expect(Buffer.from((await store.get(key, MiB)) ?? [])).toEqual(expected);
      const tail = await store.getRange(key, { suffixLength: 10 }, MiB);
      expect(Buffer.from(tail ?? [])).toEqual(expected.subarray(expected.length - 10));
      expect(Buffer.from((await store.getRange(key, { offset: 2, length: 5 }, MiB)) ?? [])).toEqual(
        expected.subarray(2, 7),
      );
      expect(await store.get('0/missing', MiB)).toBeNull();
    }
  });

  it('reads a ZIP64 zip (end records and offsets in their 64-bit fields)', async () => {
    const data = text('{"zarr_format": 3}');
    const zip = zipOf(
      [
        { name: 'zarr.json', data },
        { name: '0/zarr.json', data, deflate: true },
      ],
      2,
      true,
    );
    const store = storeOf(zip);
    expect(Buffer.from((await store.get('0/zarr.json', MiB)) ?? [])).toEqual(Buffer.from(data));
    // the locator pointing elsewhere than the ZIP64 end record
    zip.writeUInt32LE(1, zip.length - 22 - 20 + 8);
    await openFails(zip).toThrow('zip: ZIP64 end record not where its locator says');
  });

  it('refuses a file that is no zip, or a zip cut short', async () => {
    await openFails(text('not a zip at all, but long enough to look at')).toThrow('zip: no end of central directory');
    const zip = zipOf([{ name: 'zarr.json', data: text('{}') }]);
    await openFails(zip.subarray(0, zip.length - 1)).toThrow('zip: no end of central directory');
    await openFails(zipOf([{ name: 'zarr.json', data: text('{}') }], 2)).toThrow(
      'zip: central directory entry 1 is damaged',
    );
  });

  it('refuses two entries of one name, whichever a reader would take', async () => {
    const twice = zipOf([
      { name: 'zarr.json', data: text('{"a": 1}') },
      { name: 'zarr.json', data: text('{"a": 2}') },
    ]);
    await openFails(twice).toThrow('zip: two entries named "zarr.json"');
  });

  it('inflates no further than the size declared, and no entry larger than allowed', async () => {
    // compressed 1,000 to 1: fewer bytes than deflate may write for the size declared
    const bomb = zipOf([{ name: 'c/0', data: new Uint8Array(64 * MiB), deflate: true, size: MiB / 2 }]);
    expect(bomb.length).toBeLessThan(128 * 1024);
    await expect(storeOf(bomb).get('c/0', MiB)).rejects.toThrow(
      `c/0 inflates to more than the ${MiB / 2} bytes declared`,
    );
    const large = zipOf([{ name: 'c/0', data: new Uint8Array(2 * MiB), deflate: true }]);
    await expect(storeOf(large).get('c/0', MiB)).rejects.toThrow(
      `c/0: ${2 * MiB} bytes to read, more than the ${MiB} allowed`,
    );
    const short = zipOf([{ name: 'c/0', data: new Uint8Array(100), deflate: true, size: 200 }]);
    await expect(storeOf(short).get('c/0', MiB)).rejects.toThrow('c/0 inflates to 100 bytes, not the 200 declared');
  });

  it('refuses bytes that fail their CRC-32, encrypted entries and other compressions', async () => {
    const data = text('{"zarr_format": 3}');
    await expect(storeOf(zipOf([{ name: 'zarr.json', data, crc: 1 }])).get('zarr.json', MiB)).rejects.toThrow(
      "zarr.json: its bytes fail the zip's CRC-32 check",
    );
    await expect(storeOf(zipOf([{ name: 'zarr.json', data, flags: 1 }])).get('zarr.json', MiB)).rejects.toThrow(
      'zarr.json is encrypted in the zip',
    );
    await expect(storeOf(zipOf([{ name: 'zarr.json', data, method: 12 }])).get('zarr.json', MiB)).rejects.toThrow(
      'zarr.json is compressed in the zip by method 12, not stored or deflated',
    );
  });

  it('refuses an entry whose bytes run into the directory, and keys that are not plain paths', async () => {
    const zip = zipOf([{ name: 'zarr.json', data: text('{}') }]);
    // the central entry's compressed size made larger than what lies before the directory
    const directoryAt = zip.readUInt32LE(zip.length - 6);
    zip.writeUInt32LE(4000, directoryAt + 20);
    zip.writeUInt32LE(4000, directoryAt + 24);
    await expect(storeOf(zip).get('zarr.json', MiB)).rejects.toThrow(
      "zarr.json: its bytes run into the zip's central directory",
    );
    const store = storeOf(zipOf([{ name: '../zarr.json', data: text('{}') }]));
    await expect(store.get('../zarr.json', MiB)).rejects.toThrow('"../zarr.json" is not a plain path inside the store');
  });

  it('refuses a central directory larger than it reads, or outside the file', async () => {
    const zip = zipOf([{ name: 'zarr.json', data: text('{}') }]);
    zip.writeUInt32LE(100 * MiB, zip.length - 10);
    await openFails(zip).toThrow(`zip: central directory of ${100 * MiB} bytes, more than the ${16 * MiB} read`);
    zip.writeUInt32LE(1000, zip.length - 10);
    await openFails(zip).toThrow('zip: central directory outside the file');
  });

  it('refuses a second end record hidden in the first one’s comment, which readers would take differently', async () => {
    const zip = zipOf([{ name: 'zarr.json', data: text('{}') }]);
    const fake = Buffer.from(zip.subarray(zip.length - 22));
    // the real record's comment is a copy of the record (whose own comment is empty): both end the file
    zip.writeUInt16LE(22, zip.length - 2);
    await openFails(Buffer.concat([zip, fake])).toThrow('zip: two end records, each of which could be the zip’s');
  });

  it('reads a zip of exactly 65,535 entries, which needs no ZIP64 records', async () => {
    const entries = Array.from({ length: 0xffff }, (_, i) => ({ name: `0/c/${i}`, data: text('ab') }));
    const store = storeOf(zipOf([...entries.slice(1), { name: 'zarr.json', data: text('{}') }]));
    expect(Buffer.from((await store.get('0/c/65534', MiB)) ?? []).toString()).toBe('ab');
  });

  it('refuses an entry whose local header names another file, or that claims more deflated bytes than it needs', async () => {
    const zip = zipOf([{ name: 'zarr.json', data: text('{}') }]);
    zip.write('Z', 30);
    await expect(storeOf(zip).get('zarr.json', MiB)).rejects.toThrow('zarr.json: its local header names another file');
    // 2 bytes declared, some 3 MiB of deflated bytes claimed (what follows the stream is never inflated)
    const padded = zipOf([
      { name: 'zarr.json', data: text('{}'), deflate: true },
      { name: 'padding', data: new Uint8Array(3 * MiB) },
    ]);
    const directoryAt = padded.readUInt32LE(padded.length - 6);
    padded.writeUInt32LE(3 * MiB, directoryAt + 20);
    await expect(storeOf(padded).get('zarr.json', MiB)).rejects.toThrow(
      `zarr.json: ${3 * MiB} bytes deflated, more than 2 bytes need`,
    );
  });

  it('refuses a ZIP64 extra field longer than the entry holds', async () => {
    const zip = zipOf([{ name: 'zarr.json', data: text('{}') }], 1, true);
    const directoryAt = zip.readUInt32LE(zip.length - 22 - 20 - 56 + 48);
    // the extra field (12 bytes after the 9-byte name) declares 16 bytes of values
    zip.writeUInt16LE(16, directoryAt + 46 + 9 + 2);
    await openFails(zip).toThrow('zip: ZIP64 extra field runs past its entry');
  });

  it('inflates a deflated entry once for the ranges read of it, and stops past a budget', async () => {
    const data = new Uint8Array(96 * MiB).fill(7);
    const ranges = storeOf(zipOf([{ name: 'shard', data, deflate: true }]));
    for (let i = 0; i < 8; i++) {
      const part = await ranges.getRange('shard', { offset: i * MiB, length: 16 }, MiB);
      // a copy: the inflated entry is not kept alive by the parts handed out
      expect(part?.buffer.byteLength).toBe(16);
    }
    const three = storeOf(zipOf(['a', 'b', 'c'].map((name) => ({ name, data, deflate: true }))));
    await three.getRange('a', { suffixLength: 16 }, MiB);
    await three.getRange('b', { suffixLength: 16 }, MiB);
    await expect(three.getRange('c', { suffixLength: 16 }, MiB)).rejects.toThrow(
      `c: more than ${256 * MiB} bytes inflated to read parts of entries`,
    );
  });
});
