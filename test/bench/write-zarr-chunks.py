#!/usr/bin/python3
"""The zarr suite's peer (run by suites/zarr.mjs; needs python3-tifffile, numpy, numcodecs).

    write-zarr-chunks.py <source folder> <out folder>

Does the pixel work of a collection export with numpy and c-blosc: each TIFF under the folder
(sorted) read with tifffile, each plane halved (every other pixel) while both sides stay 16 or
more, cut into 256 x 256 chunks padded with zeros, each written as a Blosc frame (Zstandard,
level 3, bit shuffle) to <out>/<image>/<level>/c/<plane>/<row>/<column>. No JSON, no check.
"""
import os
import sys

import numpy as np
import tifffile
from numcodecs import Blosc

CHUNK = 256
MIN_SIDE = 16
CODEC = Blosc(cname='zstd', clevel=3, shuffle=Blosc.BITSHUFFLE)


def planes_of(path):
    with tifffile.TiffFile(path) as tif:
        series = tif.series[0]
        data, axes = series.asarray(), series.axes
    if axes.endswith('S'):
        data = np.moveaxis(data, -1, -3)
    return data.reshape((-1,) + data.shape[-2:]).astype(data.dtype.newbyteorder('<'))


def write_plane(folder, plane):
    level = 0
    while True:
        height, width = plane.shape
        for cy in range(0, height, CHUNK):
            for cx in range(0, width, CHUNK):
                block = np.zeros((CHUNK, CHUNK) if height >= CHUNK and width >= CHUNK else
                                 (min(CHUNK, height), min(CHUNK, width)), dtype=plane.dtype)
                part = plane[cy:cy + CHUNK, cx:cx + CHUNK]
                block[:part.shape[0], :part.shape[1]] = part
                out = os.path.join(folder, str(level), f'{cy // CHUNK}')
                os.makedirs(out, exist_ok=True)
                with open(os.path.join(out, str(cx // CHUNK)), 'wb') as f:
                    f.write(CODEC.encode(np.ascontiguousarray(block)))
        if height // 2 < MIN_SIDE or width // 2 < MIN_SIDE:
            return
        plane = plane[::2, ::2]
        level += 1


def main():
    source, out = sys.argv[1], sys.argv[2]
    paths = sorted(
        os.path.join(d, n) for d, _, names in os.walk(source) for n in names if n.lower().endswith(('.tif', '.tiff'))
    )
    for i, path in enumerate(paths):
        for p, plane in enumerate(planes_of(path)):
            write_plane(os.path.join(out, str(i), str(p)), plane)


main()
