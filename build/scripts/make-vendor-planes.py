#!/usr/bin/env python3
"""Writes test/fixtures/formats/expected-planes.json: the raw samples of a few planes (c, z, t)
of every CZI, ND2, LIF and OIB fixture, read here again by an independent reader, for the
preview decoder's tests (test/unit/electron/services/tiff/decode-vendor-plane.test.ts).

    python3 build/scripts/make-vendor-planes.py

Needs numpy and the `zstd` command-line tool (no Python zstd module is assumed). Each reader
below is written from the format facts in docs/formats.md, not from AcqMeta's TypeScript:

- CZI: the ZISRAW file header, the subblock directory (DV entries) and each subblock segment's
  head, which gives where its pixels start; scene 0 at pyramid level 0, mosaic tiles placed at
  their X/Y start in M-index order (a later tile over an earlier one). Compression 0 is raw,
  5 (zstd) one zstd frame, 6 (ZSTD1) a header (its first byte the header size, 1 or 3; with 3,
  chunk type 1 whose flag bit 0 asks for hi/lo byte unpacking: the low bytes of all 16-bit
  samples, then the high bytes) followed by a zstd frame, as libCZI's decoder reads it.
- ND2: the chunk map at the end of the file; frame N is chunk `ImageDataSeq|N!`, an 8-byte
  time stamp then the pixels, channels interleaved per pixel. The frame of (z, t) is
  t * Z + z: the loops of the fixture are T then Z (its dims in expected.json).
- LIF: the XML header, image 0 (the first image element in document order), its dimensions'
  byte increments and its channels' byte offsets, and its memory block.
- OIB: the OLE2 compound document (FAT, mini FAT, directory), OibInfo.txt mapping stream names
  to OIF file names (`s_C001.tif`), and the plane's uncompressed TIFF strips.

For each plane it records the size, the sample type, the samples per pixel, the minimum,
maximum and sum, a few samples at fixed places and the SHA-256 of the samples in (y, x,
sample) order, little-endian: what the decoder must give before any contrast.
"""
import hashlib
import json
import os
import re
import struct
import subprocess
import xml.etree.ElementTree as ET

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
FIXTURES = os.path.join(ROOT, 'test', 'fixtures', 'formats')
OUT = os.path.join(FIXTURES, 'expected-planes.json')

CZI_PIXEL_TYPES = {0: ('u1', 1), 1: ('<u2', 1), 2: ('<f4', 1), 3: ('u1', 3), 4: ('<u2', 3), 8: ('<f4', 3),
                   9: ('u1', 4), 12: ('<i4', 1), 13: ('<f8', 1)}


def zstd_decompress(data):
    """One zstd frame, through the zstd command-line tool."""
    return subprocess.run(['zstd', '-d', '-c', '-q'], input=data, stdout=subprocess.PIPE, check=True).stdout


# ---------------------------------------------------------------- CZI

def czi_entries(data):
    """The DV entries of the subblock directory: dict per entry."""
    directory = struct.unpack_from('<q', data, 32 + 52)[0]
    assert data[directory:directory + 16].rstrip(b'\0') == b'ZISRAWDIRECTORY'
    count = struct.unpack_from('<i', data, directory + 32)[0]
    at = directory + 32 + 128
    entries = []
    for _ in range(count):
        assert data[at:at + 2] == b'DV'
        pixel_type, position, _part, compression = struct.unpack_from('<iqii', data, at + 2)
        pyramid = data[at + 22]
        ndims = struct.unpack_from('<i', data, at + 28)[0]
        dims = {}
        for k in range(ndims):
            d = at + 32 + 20 * k
            name = data[d:d + 4].rstrip(b'\0').decode()
            start, size, _coord, stored = struct.unpack_from('<iifi', data, d + 4)
            dims[name] = (start, size, stored or size)
        entries.append({'pixel_type': pixel_type, 'position': position, 'compression': compression,
                        'pyramid': pyramid, 'dims': dims})
        at += 32 + 20 * ndims
    return entries


def czi_tile(data, entry):
    """The decoded samples of one subblock as an array (height, width, samples)."""
    seg = entry['position']
    assert data[seg:seg + 16].rstrip(b'\0') == b'ZISRAWSUBBLOCK'
    head = seg + 32
    metadata_size, _attachment_size, data_size = struct.unpack_from('<iiq', data, head)
    ndims = struct.unpack_from('<i', data, head + 16 + 28)[0]
    start = head + 16 + max(240, 32 + 20 * ndims) + metadata_size
    raw = data[start:start + data_size]
    dtype, samples = CZI_PIXEL_TYPES[entry['pixel_type']]
    width, height = entry['dims']['X'][1], entry['dims']['Y'][1]
    expected = width * height * samples * np.dtype(dtype).itemsize
    if entry['compression'] == 0:
        pixels = raw[:expected]
    elif entry['compression'] == 5:
        pixels = zstd_decompress(raw)
    elif entry['compression'] == 6:
        size = raw[0]
        assert size in (1, 3), f'ZSTD1 header size {size}'
        hilo = size == 3 and raw[1] == 1 and (raw[2] & 1) == 1
        pixels = zstd_decompress(raw[size:])
        if hilo:
            half = len(pixels) // 2
            lo = np.frombuffer(pixels[:half], np.uint8).astype(np.uint16)
            hi = np.frombuffer(pixels[half:], np.uint8).astype(np.uint16)
            pixels = (lo | (hi << 8)).astype('<u2').tobytes()
    else:
        raise ValueError(f'compression {entry["compression"]}')
    assert len(pixels) == expected, (len(pixels), expected)
    return np.frombuffer(pixels, dtype).reshape(height, width, samples)


def czi_plane(path, c, z, t):
    data = open(path, 'rb').read()
    entries = [e for e in czi_entries(data) if e['pyramid'] == 0
               and e['dims']['X'][1] == e['dims']['X'][2] and e['dims']['Y'][1] == e['dims']['Y'][2]]
    scenes = sorted({e['dims']['S'][0] for e in entries if 'S' in e['dims']})
    if scenes:
        entries = [e for e in entries if 'S' not in e['dims'] or e['dims']['S'][0] == scenes[0]]
    lowest = {}
    for e in entries:
        for name, (start, _size, _stored) in e['dims'].items():
            lowest[name] = min(lowest.get(name, start), start)
    want = {'C': c, 'Z': z, 'T': t}

    def at_plane(e):
        for name, (start, _size, _stored) in e['dims'].items():
            if name in ('X', 'Y', 'M', 'S'):
                continue
            if start - lowest[name] != want.get(name, 0):
                return False
        return all(want[n] == 0 for n in want if n not in e['dims'])

    tiles = [e for e in entries if at_plane(e)]
    tiles.sort(key=lambda e: e['dims']['M'][0] if 'M' in e['dims'] else -1)
    width = max(e['dims']['X'][0] + e['dims']['X'][1] for e in entries) - lowest['X']
    height = max(e['dims']['Y'][0] + e['dims']['Y'][1] for e in entries) - lowest['Y']
    dtype, samples = CZI_PIXEL_TYPES[entries[0]['pixel_type']]
    plane = np.zeros((height, width, samples), dtype)
    for e in tiles:
        x, y = e['dims']['X'][0] - lowest['X'], e['dims']['Y'][0] - lowest['Y']
        tile = czi_tile(data, e)
        plane[y:y + tile.shape[0], x:x + tile.shape[1]] = tile
    return plane


# ---------------------------------------------------------------- ND2

def nd2_plane(path, c, z, t, sizes):
    data = open(path, 'rb').read()
    assert data[-40:-8] == b'ND2 CHUNK MAP SIGNATURE 0000001!'
    at = struct.unpack_from('<Q', data, len(data) - 8)[0]
    name_length, data_length = struct.unpack_from('<IQ', data, at + 4)
    body = data[at + 16 + name_length:at + 16 + name_length + data_length]
    chunks, pos = {}, 0
    while True:
        bang = body.index(b'!', pos)
        name = body[pos:bang + 1]
        if name == b'ND2 CHUNK MAP SIGNATURE 0000001!':
            break
        chunks[name] = struct.unpack_from('<QQ', body, bang + 1)
        pos = bang + 17
    seq = t * sizes.get('Z', 1) + z if 'T' in sizes else z
    offset, _size = chunks[f'ImageDataSeq|{seq}!'.encode()]
    name_length, data_length = struct.unpack_from('<IQ', data, offset + 4)
    start = offset + 16 + name_length + 8
    channels, height, width = sizes.get('C', 1), sizes['Y'], sizes['X']
    assert data_length - 8 == height * width * channels * 2, 'the fixture has no row padding'
    frame = np.frombuffer(data[start:start + data_length - 8], '<u2').reshape(height, width, channels)
    return frame[:, :, c:c + 1]


# ---------------------------------------------------------------- LIF

def lif_plane(path, c, z, t):
    data = open(path, 'rb').read()
    assert struct.unpack_from('<i', data, 0)[0] == 0x70 and data[8] == 0x2A
    chars = struct.unpack_from('<i', data, 9)[0]
    xml = data[13:13 + 2 * chars].decode('utf-16-le')
    root = ET.fromstring(xml)
    version = int(root.get('Version', '1'))
    element = next(e for e in root.iter('Element') if e.find('Data/Image') is not None)
    image = element.find('Data/Image')
    dims = [(int(d.get('DimID')), int(d.get('NumberOfElements')), int(d.get('BytesInc')))
            for d in image.find('ImageDescription/Dimensions')]
    channels = [int(ch.get('BytesInc')) for ch in image.find('ImageDescription/Channels')]
    bits = max(int(ch.get('Resolution')) for ch in image.find('ImageDescription/Channels'))
    block_id = element.find('Memory').get('MemoryBlockID')
    # memory blocks after the header: magic, length, 0x2A, size (4 or 8 bytes), 0x2A, id
    at = 13 + 2 * chars
    block = None
    while at < len(data):
        assert struct.unpack_from('<i', data, at)[0] == 0x70
        at += 9
        size_bytes = 4 if version < 2 else 8
        size = struct.unpack_from('<i' if size_bytes == 4 else '<q', data, at)[0]
        at += size_bytes + 1
        id_chars = struct.unpack_from('<i', data, at)[0]
        name = data[at + 4:at + 4 + 2 * id_chars].decode('utf-16-le')
        at += 4 + 2 * id_chars
        if name == block_id:
            block = at
            break
        at += size
    (_fx, width, fast_inc), (_sx, height, slow_inc) = dims[0], dims[1]
    rest = dims[2:]
    plane_ids = {dims[0][0], dims[1][0]}
    stack_id = 2 if 3 in plane_ids else 3
    inc = {dim_id: step for dim_id, _n, step in rest}
    sweep = next((step for dim_id, _n, step in rest if dim_id in (5, 9)), 0)
    offset = (block + channels[c % len(channels)] + (c // len(channels)) * sweep
              + z * inc.get(stack_id, 0) + t * inc.get(4, 0))
    dtype = 'u1' if bits <= 8 else '<u2'
    item = np.dtype(dtype).itemsize
    plane = np.zeros((height, width, 1), dtype)
    for y in range(height):
        for x in range(width):
            at = offset + y * slow_inc + x * fast_inc
            plane[y, x, 0] = np.frombuffer(data[at:at + item], dtype)[0]
    return plane


# ---------------------------------------------------------------- OIB

def ole_streams(data):
    """Stream name → bytes of every stream of an OLE2 compound document."""
    assert data[:8] == bytes.fromhex('D0CF11E0A1B11AE1')
    sector = 1 << struct.unpack_from('<H', data, 0x1E)[0]
    fat_count, dir_start = struct.unpack_from('<II', data, 0x2C)
    cutoff, minifat_start, minifat_count = struct.unpack_from('<III', data, 0x38)
    difat = list(struct.unpack_from('<109I', data, 0x4C))[:fat_count]
    assert len(difat) == fat_count, 'the fixture needs no DIFAT sectors'
    fat = []
    for s in difat:
        fat += struct.unpack_from(f'<{sector // 4}I', data, (s + 1) * sector)

    def chain(start, table):
        out, s = [], start
        while s < 0xFFFFFFFA:
            out.append(s)
            s = table[s]
        return out

    def read(start):
        return b''.join(data[(s + 1) * sector:(s + 2) * sector] for s in chain(start, fat))

    directory = read(dir_start)
    entries = [directory[i:i + 128] for i in range(0, len(directory), 128)]
    root = entries[0]
    mini_stream = read(struct.unpack_from('<I', root, 0x74)[0])
    minifat = []
    for s in chain(minifat_start, fat)[:minifat_count]:
        minifat += struct.unpack_from(f'<{sector // 4}I', data, (s + 1) * sector)
    streams = {}
    for e in entries[1:]:
        if e[0x42] != 2:
            continue
        name = e[:struct.unpack_from('<H', e, 0x40)[0] - 2].decode('utf-16-le')
        start, size = struct.unpack_from('<II', e, 0x74)
        if size < cutoff:
            body = b''.join(mini_stream[m * 64:(m + 1) * 64] for m in chain(start, minifat))
        else:
            body = read(start)
        streams[name] = body[:size]
    return streams


def tiff_plane(tif):
    """The samples of an uncompressed little-endian TIFF's first page."""
    assert tif[:4] == b'II*\0'
    ifd = struct.unpack_from('<I', tif, 4)[0]
    tags = {}
    for k in range(struct.unpack_from('<H', tif, ifd)[0]):
        code, kind, count, value = struct.unpack_from('<HHII', tif, ifd + 2 + 12 * k)
        fmt = {3: 'H', 4: 'I'}.get(kind)
        if fmt is None:
            continue
        size = struct.calcsize(fmt) * count
        where = ifd + 2 + 12 * k + 8 if size <= 4 else value
        tags[code] = struct.unpack_from(f'<{count}{fmt}', tif, where)
    assert tags.get(259, (1,))[0] == 1, 'uncompressed planes only'
    width, height, bits = tags[256][0], tags[257][0], tags[258][0]
    pixels = b''.join(tif[o:o + n] for o, n in zip(tags[273], tags[279]))
    dtype = 'u1' if bits == 8 else '<u2'
    return np.frombuffer(pixels, dtype)[:width * height].reshape(height, width, 1)


def oib_plane(path, c, z, t):
    streams = ole_streams(open(path, 'rb').read())
    info = streams['OibInfo.txt'].decode('utf-16')
    names = dict(line.split('=', 1) for line in info.splitlines() if line.startswith('Stream'))
    want = {'C': c, 'Z': z, 'T': t}
    for stream, oif_name in names.items():
        match = re.fullmatch(r's_((?:[A-Z]\d+)+)\.tif', oif_name.split('/')[-1])
        if match is None:
            continue
        letters = {m[0]: int(m[1:]) - 1 for m in re.findall(r'[A-Z]\d+', match.group(1))}
        if all(letters.get(k, 0) == v for k, v in want.items()) and all(
                v == 0 for k, v in letters.items() if k not in want):
            return tiff_plane(streams[stream]), oif_name
    raise KeyError((c, z, t))


# ---------------------------------------------------------------- output

def summary(plane):
    height, width, samples = plane.shape
    flat = plane.astype(plane.dtype.newbyteorder('<'))
    spots = [(0, 0), (height // 2, width // 2), (height - 1, width - 1), (height // 3, (2 * width) // 3)]
    return {
        'width': width,
        'height': height,
        'samples': samples,
        'dtype': np.dtype(plane.dtype).name,
        'min': plane.min().item(),
        'max': plane.max().item(),
        'sum': plane.astype(np.float64).sum().item(),
        'spots': [{'x': x, 'y': y, 'values': plane[y, x].tolist()} for y, x in spots],
        'sha256': hashlib.sha256(np.ascontiguousarray(flat).tobytes()).hexdigest(),
    }


def main():
    expected = json.load(open(os.path.join(FIXTURES, 'expected.json'), encoding='utf-8'))
    out = {}
    for name, entry in sorted(expected.items()):
        counts = entry['planes']
        last = {'c': counts['c'] - 1, 'z': counts['z'] - 1, 't': counts['t'] - 1}
        middle = {k: v // 2 for k, v in last.items()}
        # the last channel in the middle of the stack too: a last plane is often dark
        picks = [{'c': 0, 'z': 0, 't': 0}, middle, last, {**middle, 'c': last['c']}]
        picks = [p for i, p in enumerate(picks) if p not in picks[:i]]
        path = os.path.join(FIXTURES, name)
        planes = []
        for p in picks:
            c, z, t = p['c'], p['z'], p['t']
            extra = {}
            if entry['format'] == 'czi':
                plane = czi_plane(path, c, z, t)
            elif entry['format'] == 'nd2':
                sizes = dict(re.findall(r"'(\w)': (\d+)", entry['header']['sizes']))
                plane = nd2_plane(path, c, z, t, {k: int(v) for k, v in sizes.items()})
            elif entry['format'] == 'lif':
                if 'M' in entry['header']['dims']:
                    continue
                plane = lif_plane(path, c, z, t)
            else:
                plane, stream_name = oib_plane(path, c, z, t)
                extra = {'stream': stream_name}
            planes.append({**p, **extra, **summary(plane)})
        out[name] = planes
    with open(OUT, 'w', encoding='utf-8') as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write('\n')
    print(f'wrote {OUT}: {sum(len(v) for v in out.values())} planes of {len(out)} files')


if __name__ == '__main__':
    main()
