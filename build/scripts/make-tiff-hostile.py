#!/usr/bin/python3
"""Writes the hostile TIFF fixtures: hand-built broken files in test/fixtures/tiff/hostile/.

Run by make-tiff-fixtures.py (after the generated files, one of which it truncates), or alone:

    /usr/bin/python3 build/scripts/make-tiff-hostile.py
"""
import os
import struct

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
FIXTURES = os.path.join(ROOT, 'test', 'fixtures', 'tiff')
GENERATED = os.path.join(FIXTURES, 'generated')
HOSTILE = os.path.join(FIXTURES, 'hostile')


def tiff_header(byteorder='<', first_ifd=8):
    return (b'II' if byteorder == '<' else b'MM') + struct.pack(byteorder + 'HI', 42, first_ifd)


def ifd(entries, next_offset=0, byteorder='<'):
    """Classic IFD from (code, type, count, value-or-offset) with inline 4-byte values."""
    out = struct.pack(byteorder + 'H', len(entries))
    for code, dtype, count, value in sorted(entries):
        if dtype == 3 and count == 1:
            out += struct.pack(byteorder + 'HHIHH', code, dtype, count, value, 0)
        else:
            out += struct.pack(byteorder + 'HHII', code, dtype, count, value)
    return out + struct.pack(byteorder + 'I', next_offset)


def basic_entries(width=4, height=4, strip_offset=200):
    return [(256, 3, 1, width), (257, 3, 1, height), (258, 3, 1, 8), (259, 3, 1, 1),
            (262, 3, 1, 1), (273, 4, 1, strip_offset), (277, 3, 1, 1), (278, 3, 1, height),
            (279, 4, 1, width * height)]


def pad(data, size):
    return data + bytes(size - len(data))


def write_hostile():
    os.makedirs(HOSTILE, exist_ok=True)
    h = lambda name: os.path.join(HOSTILE, name)
    files = {
        # the first IFD offset points far past the end of a 288-byte file
        'ifd-offset-past-eof.tif': pad(tiff_header(first_ifd=99999), 288),
        # an ImageDescription claiming 2^31-1 bytes in a 288-byte file
        'huge-description.tif': pad(
            tiff_header() + ifd(basic_entries() + [(270, 2, 2**31 - 1, 150)]), 288),
        # StripOffsets claiming 200 million entries
        'strip-offsets-200m.tif': pad(
            tiff_header() + ifd([e for e in basic_entries() if e[0] != 273]
                                + [(273, 4, 200_000_000, 150)]), 288),
        # an IFD that claims 60,000 entries
        'huge-entry-count.tif': pad(tiff_header() + struct.pack('<H', 60000), 288),
        # a good first page whose next-IFD offset points past the end
        'next-ifd-past-eof.tif': pad(tiff_header() + ifd(basic_entries(), 5000), 288),
        # a page that points back to itself
        'self-loop.tif': pad(tiff_header() + ifd(basic_entries(), 8), 288),
        # big-endian, two pages pointing at each other
        'two-page-loop-be.tif': pad(
            tiff_header('>') + ifd(basic_entries(), 130, '>') + bytes(130 - 8 - 114)
            + ifd(basic_entries(), 8, '>'), 288),
        'not-a-tiff.tif': b'This is a text file with a .tif name.\n',
        'empty.tif': b'',
        'bad-version.tif': b'II\x2b\x00\x08\x00\x00\x00' + bytes(280),
    }
    # a real file cut in the middle of its first IFD
    src = os.path.join(GENERATED, 'plain-single-u16.tif')
    with open(src, 'rb') as fh:
        whole = fh.read()
    first = struct.unpack('<I', whole[4:8])[0]
    files['truncated-in-ifd.tif'] = whole[: first + 40]
    for name, data in files.items():
        with open(h(name), 'wb') as fh:
            fh.write(data)


if __name__ == '__main__':
    write_hostile()
