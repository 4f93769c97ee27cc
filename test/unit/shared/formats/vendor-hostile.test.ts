import { describe, expect, it } from 'vitest';
import { readVendorHeader, VendorReadError } from '../../../../shared/formats';
import { decodeLite } from '../../../../shared/formats/nd2-lite';
import { billionLaughs, buildCzi, buildLif, LIF_XML, lifBlock } from './vendor-builders';
import { EXPECTED, fixtureBytes, recordingSource } from './vendor-source';

/** Reads `bytes` as `name`; returns the error message, checking the read stayed within budget. */
function failure(bytes: Uint8Array, name: string): string {
  const source = recordingSource(bytes);
  let message = '';
  try {
    readVendorHeader(source, name);
  } catch (error) {
    expect(error).toBeInstanceOf(VendorReadError);
    message = (error as Error).message;
  }
  expect(source.bytesRead).toBeLessThanOrEqual(2 * bytes.length + 64 * 1024);
  return message;
}

function patched(bytes: Uint8Array, edit: (view: DataView, bytes: Uint8Array) => void): Uint8Array {
  const copy = bytes.slice();
  edit(new DataView(copy.buffer), copy);
  return copy;
}

describe('the hand-built files the hostile tests start from are read', () => {
  it('a minimal CZI and a minimal LIF give their headers', () => {
    expect(readVendorHeader(recordingSource(buildCzi()), 'a.czi').header.shape).toBe('(4, 4)');
    expect(readVendorHeader(recordingSource(buildLif()), 'a.lif').header).toMatchObject({
      shape: '(4, 4)',
      dims: "('Y', 'X')",
      num_scenes: 1,
    });
  });
});

describe('every fixture cut short fails with a clear error or still reads, never anything else', () => {
  const cuts = (size: number): number[] => [
    0,
    15,
    16,
    100,
    600,
    4096,
    Math.floor(size / 4),
    Math.floor(size / 2),
    Math.floor((size * 9) / 10),
    size - 41,
    size - 1,
  ];
  it.each(Object.keys(EXPECTED))('%s', (relative) => {
    const bytes = fixtureBytes(relative);
    const name = relative.split('/')[1] as string;
    let failed = 0;
    for (const cut of cuts(bytes.length)) {
      const message = failure(bytes.subarray(0, cut), name);
      if (message !== '') failed++;
      if (cut < Math.min(4096, bytes.length / 2)) expect(message, `cut at ${cut}`).not.toBe('');
    }
    expect(failed).toBeGreaterThan(4);
  });

  it('names the format and the missing part', () => {
    expect(failure(fixtureBytes('nd2/pims_nd2_cluster.nd2').subarray(0, 300_000), 'x.nd2')).toBe(
      'ND2: truncated or corrupt ND2 file: no chunk map signature at its end',
    );
    expect(failure(fixtureBytes('czi/czitools_DAPI_GFP.czi').subarray(0, 600), 'x.czi')).toMatch(
      /^CZI: truncated file: .* past the end \(size 600\)$/,
    );
    expect(failure(new Uint8Array(10), 'x.lif')).toBe('LIF: the file is 10 bytes, too short for any image header');
  });
});

describe('wrong magic', () => {
  it('a file whose bytes match no vendor format fails naming what its extension promised', () => {
    const text = new TextEncoder().encode('this is a text file, not a microscope image at all');
    expect(failure(text, 'cells.czi')).toBe('not a CZI file: its first bytes are not the CZI signature');
    expect(failure(text, 'cells.oib')).toBe('not a OIB file: its first bytes are not the OIB signature');
    expect(failure(text, 'cells.dat')).toBe('not a CZI, ND2, LIF or OIB file (unknown first bytes)');
  });

  it('the first bytes decide, not the extension', () => {
    const nd2 = readVendorHeader(recordingSource(fixtureBytes('nd2/pims_nd2_cluster.nd2')), 'renamed.czi');
    expect(nd2.format).toBe('nd2');
  });

  it('an old JPEG 2000 ND2 is named as not supported', () => {
    const jp2 = new Uint8Array(512);
    jp2.set([0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a]);
    expect(failure(jp2, 'old.nd2')).toBe(
      'ND2: this is an old ND2 file stored as JPEG 2000 (written before NIS-Elements 4), which is not supported',
    );
  });

  it('an OLE2 document that is not an OIB (a Word file, say) is named', () => {
    const oib = fixtureBytes('oib/oiffile_test.oib');
    const word = patched(oib, (_, b) => {
      const name = new TextEncoder().encode('O\0i\0b\0I\0n\0f\0o\0');
      for (let i = 0; i < b.length - name.length; i++) if (name.every((c, k) => b[i + k] === c)) b[i] = 0x58;
    });
    expect(failure(word, 'x.oib')).toBe('OIB: the compound document has no OibInfo.txt: not an OIB file');
  });
});

describe('absurd sizes are refused before anything is allocated', () => {
  it('CZI: subblock count, dimension count, metadata size, directory position', () => {
    expect(failure(buildCzi({ subblockCount: 0x7fffffff }), 'a.czi')).toBe(
      'CZI: subblock count is 2147483647, outside 0..500000',
    );
    expect(failure(buildCzi({ dimensionCount: 1_000_000 }), 'a.czi')).toBe(
      'CZI: dimension count of the subblock entry at 672 is 1000000, outside 0..32',
    );
    expect(failure(buildCzi({ xmlSize: 0x7fffffff }), 'a.czi')).toBe(
      'CZI: metadata XML size is 2147483647, outside 0..33554432',
    );
    expect(failure(buildCzi({ xmlSize: 1_000_000 }), 'a.czi')).toMatch(
      /^CZI: truncated file: the metadata XML at 1312 \(1000000 bytes\) runs past the end/,
    );
    expect(failure(buildCzi({ directoryPosition: 2 ** 40 }), 'a.czi')).toMatch(
      /^CZI: truncated file: ZISRAWDIRECTORY segment header at 1099511627776 is past the end/,
    );
    expect(failure(buildCzi({ directoryPosition: 1024 }), 'a.czi')).toBe(
      'CZI: expected a ZISRAWDIRECTORY segment at 1024, found "ZISRAWMETADATA"',
    );
  });

  it('ND2: a chunk that claims a terabyte, a chunk map past the end or on the wrong chunk', () => {
    const nd2 = fixtureBytes('nd2/pims_nd2_cluster.nd2');
    const huge = patched(nd2, (v) => v.setBigUint64(548864 + 8, 2n ** 40n, true));
    expect(failure(huge, 'x.nd2')).toBe(
      'ND2: ND2 chunk ImageAttributesLV! claims 1099511627776 bytes, more than 16777216',
    );
    const far = patched(nd2, (v, b) => v.setBigUint64(b.length - 8, 2n ** 40n, true));
    expect(failure(far, 'x.nd2')).toMatch(
      /^ND2: truncated file: the chunk header of the chunk map at 1099511627776 is past the end/,
    );
    const wrong = patched(nd2, (v, b) => v.setBigUint64(b.length - 8, 0n, true));
    expect(failure(wrong, 'x.nd2')).toBe('ND2: corrupt ND2 file: no chunk map at 0');
    const v2 = patched(nd2, (_, b) => (b[51] = 0x32));
    expect(failure(v2, 'x.nd2')).toBe(
      'ND2: ND2 version 2.0 (XML metadata chunks) is not supported; only version 3 and later',
    );
  });

  it('ND2: metadata nested a thousand levels deep', () => {
    const levels = 1000;
    const bytes = new Uint8Array(levels * 16);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < levels; i++) {
      const at = i * 16;
      bytes[at] = 11;
      bytes[at + 1] = 1;
      view.setUint32(at + 4, 1, true);
      view.setBigUint64(at + 8, BigInt(bytes.length - at), true);
    }
    expect(() => decodeLite(bytes, 'a chunk')).toThrow('a chunk nests deeper than 64 levels');
  });

  it('LIF: an XML header claiming 2^31 characters, a memory block past the end, 100,001 empty blocks', () => {
    expect(failure(buildLif(LIF_XML, [], 0x7fffffff), 'a.lif')).toBe(
      'LIF: LIF XML header length is 2147483647, outside 1..16777216',
    );
    const short = buildLif(LIF_XML, [lifBlock('MemBlock_2', new Uint8Array(16), 1_000_000)]);
    expect(failure(short, 'a.lif')).toMatch(
      /^LIF: truncated file: the data of LIF memory block MemBlock_2 at \d+ \(1000000 bytes\) runs past the end/,
    );
    const empty = lifBlock('MemBlock_0', new Uint8Array(0));
    const many = buildLif(
      LIF_XML,
      Array.from({ length: 100_001 }, () => empty),
    );
    expect(failure(many, 'a.lif')).toBe('LIF: the LIF file has more than 100000 memory blocks');
  });
});

describe('looping offsets are detected', () => {
  const oib = fixtureBytes('oib/oiffile_test.oib');
  const header = new DataView(oib.buffer, oib.byteOffset, 512);
  const dirStart = header.getUint32(0x30, true);
  const fat0 = header.getUint32(0x4c, true);
  const sector = 2 ** header.getUint16(0x1e, true);

  it('OIB: a FAT chain that points back into itself', () => {
    const looped = patched(oib, (v) => v.setUint32((fat0 + 1) * sector + dirStart * 4, dirStart, true));
    expect(failure(looped, 'x.oib')).toBe(`OIB: the directory: its sector chain loops back to sector ${dirStart}`);
  });

  it('OIB: a directory tree whose entry is its own sibling', () => {
    const looped = patched(oib, (v) => v.setUint32((dirStart + 1) * sector + 128 + 0x44, 1, true));
    expect(failure(looped, 'x.oib')).toBe('OIB: the compound document directory tree loops');
  });

  it('OIB: a FAT sector number past the end of the file', () => {
    const broken = patched(oib, (v) => v.setUint32((fat0 + 1) * sector + dirStart * 4, 0x7ffffff0, true));
    expect(failure(broken, 'x.oib')).toBe('OIB: the directory: its sector chain is broken at 2147483632');
  });
});

describe('bad XML and entity expansion', () => {
  it('CZI: a billion-laughs metadata document is refused without expanding an entity', () => {
    const source = recordingSource(buildCzi({ xml: billionLaughs('ImageDocument') }));
    expect(() => readVendorHeader(source, 'a.czi')).toThrow(
      'CZI: the CZI metadata is not well-formed XML (or uses entities other than the five predefined ones)',
    );
  });

  it('LIF: a billion-laughs header and a header that is not XML', () => {
    expect(failure(buildLif(billionLaughs('LMSDataContainerHeader')), 'a.lif')).toBe(
      'LIF: the LIF XML header is not well-formed XML (or uses entities other than the five predefined ones)',
    );
    expect(failure(buildLif('<LMSDataContainerHeader><Element>'), 'a.lif')).toBe(
      'LIF: the LIF XML header is not well-formed XML (or uses entities other than the five predefined ones)',
    );
  });

  it('LIF: an XML header that describes no image', () => {
    expect(
      failure(buildLif('<LMSDataContainerHeader Version="2"><Element Name="f"/></LMSDataContainerHeader>'), 'a.lif'),
    ).toBe('LIF: the LIF file describes no image');
  });

  it('CZI: a directory with no image subblocks', () => {
    expect(failure(buildCzi({ subblockCount: 0 }), 'a.czi')).toBe('CZI: the CZI file holds no image subblocks');
  });
});

describe('LIF dimensions whose counts are not numbers', () => {
  it('a hand-built LIF names the dimension, the attribute as the file gives it and what it must be', () => {
    const withY = (attributes: string): Uint8Array =>
      buildLif(LIF_XML.replace('DimID="2" NumberOfElements="4" Length="3e-6" Unit="m" BytesInc="4"', attributes));
    expect(failure(withY('DimID="2" NumberOfElements="four" BytesInc="4"'), 'a.lif')).toBe(
      'LIF: LIF image img: its Y dimension gives NumberOfElements="four"; its number of elements must be a whole number, 1 or more',
    );
    expect(failure(withY('DimID="2" BytesInc="4"'), 'a.lif')).toBe(
      'LIF: LIF image img: its Y dimension gives no NumberOfElements; its number of elements must be a whole number, 1 or more',
    );
    expect(failure(withY('DimID="2" NumberOfElements="4" BytesInc="-4"'), 'a.lif')).toBe(
      'LIF: LIF image img: its Y dimension gives BytesInc="-4"; the bytes between its elements must be a whole number, 0 or more',
    );
  });

  it('a fixture whose first element count is overwritten with a letter says so in words', () => {
    const bytes = fixtureBytes('lif/readlif_testdata_2channel_xz.lif').slice();
    const attribute = new Uint8Array(Buffer.from('NumberOfElements="', 'utf16le'));
    const at = Buffer.from(bytes).indexOf(attribute) + attribute.length;
    bytes[at] = 'x'.charCodeAt(0);
    expect(failure(bytes, 'a.lif')).toMatch(
      /^LIF: LIF image .*: its [XYZTCM] dimension gives NumberOfElements="x\d*"; its number of elements must be a whole number, 1 or more$/,
    );
  });
});
