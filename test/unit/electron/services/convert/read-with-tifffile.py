"""For each line `samples<TAB>path` read from stdin, prints one line of JSON: what tifffile reads
of that OME-TIFF (the series' shape, dtype, axes and levels, the file's format and compression, its
OME-XML, and the SHA-256 of each plane of each level, C order, little-endian) and whatever tifffile
wrote to stderr while reading it; or the error, when it could not. One Python serves a whole test
file: starting it with numpy and tifffile costs more than reading a small file.

Debian has no imagecodecs, which tifffile needs for LZW: without it, LZW is decoded here (TIFF's
LZW, codes most significant bit first, the code width growing one code early)."""
import contextlib
import hashlib
import io
import json
import sys
import traceback

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


def read(path, samples):
    with tifffile.TiffFile(path) as tif:
        series = tif.series[0]
        page = tif.pages[0]
        return {
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
            'ome_metadata': tif.ome_metadata,
            'levels': [
                {'shape': list(level.shape), 'planes': plane_hashes(level.asarray(), samples)}
                for level in series.levels
            ],
        }


for line in sys.stdin:
    samples, path = line.rstrip('\n').split('\t', 1)
    written = io.StringIO()
    try:
        with contextlib.redirect_stderr(written):
            answer = read(path, int(samples))
    except Exception:
        answer = {'error': traceback.format_exc()}
    answer['stderr'] = written.getvalue()
    print(json.dumps(answer), flush=True)
