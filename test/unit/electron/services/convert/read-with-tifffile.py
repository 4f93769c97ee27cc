"""Prints what tifffile reads of an OME-TIFF as JSON: the series' shape, dtype, axes and levels,
the file's format and compression, and the SHA-256 of each plane of each level (C order, little-endian).

Debian has no imagecodecs, which tifffile needs for LZW: without it, LZW is decoded here (TIFF's
LZW, codes most significant bit first, the code width growing one code early)."""
import hashlib
import json
import sys

import numpy
import tifffile


def lzw_decode(data, *args, **kwargs):
    table = [bytes([i]) for i in range(256)] + [b'', b'']
    out = bytearray()
    data = bytes(data) + b'\0\0'
    total = (len(data) - 2) * 8
    at = 0
    width = 9
    previous = None
    while at + width <= total:
        three = int.from_bytes(data[at >> 3:(at >> 3) + 3], 'big')
        code = (three >> (24 - (at & 7) - width)) & ((1 << width) - 1)
        at += width
        if code == 257:
            break
        if code == 256:
            del table[258:]
            width = 9
            previous = None
            continue
        if previous is None:
            entry = table[code]
        else:
            entry = table[code] if code < len(table) else previous + previous[:1]
            table.append(previous + entry[:1])
        out += entry
        previous = entry
        if len(table) + 1 >= 1 << width and width < 12:
            width += 1
    return bytes(out)


try:
    import imagecodecs  # noqa: F401
except ImportError:
    tifffile.TIFF.DECOMPRESSORS._codecs[5] = lzw_decode


def plane_hashes(array, samples):
    planes = array.reshape((-1,) + array.shape[-(3 if samples > 1 else 2):])
    little = planes.astype(planes.dtype.newbyteorder('<'), copy=False)
    return [hashlib.sha256(numpy.ascontiguousarray(p).tobytes()).hexdigest() for p in little]


with tifffile.TiffFile(sys.argv[1]) as tif:
    series = tif.series[0]
    samples = int(sys.argv[2])
    page = tif.pages[0]
    print(json.dumps({
        'is_ome': tif.is_ome,
        'is_bigtiff': tif.is_bigtiff,
        'pages': len(tif.pages),
        'shape': list(series.shape),
        'dtype': str(series.dtype),
        'axes': series.axes,
        'compression': page.compression.name,
        'tiled': page.is_tiled,
        'tile': [page.tilelength, page.tilewidth] if page.is_tiled else None,
        'software': page.software,
        'image_name': tifffile.xml2dict(tif.ome_metadata)['OME']['Image']['Name'],
        'levels': [
            {'shape': list(level.shape), 'planes': plane_hashes(level.asarray(), samples)}
            for level in series.levels
        ],
    }))
