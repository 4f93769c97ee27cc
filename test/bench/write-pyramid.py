#!/usr/bin/python3
"""The convert suite's peer and corpus (run by suites/convert.mjs; needs python3-tifffile, numpy).

    write-pyramid.py <source.tif> <out.ome.tif> [--flat] [--uncompressed]
        reads the source's first series with tifffile, page by page (a memory map where the
        source is uncompressed), and writes it as AcqMeta's archival copy is written: tiles of
        512, SubIFD levels halving (every 2nd pixel) until the largest side is under 1,024,
        zlib (or none), BigTIFF when it may pass 4 GiB, OME-XML of the shape.
    write-pyramid.py --stack <out.tif> <planes> <side>
        writes a uint16 stack of <planes> planes of <side> x <side>: a microscope-like image
        (dim cells on a noisy background, drifting from plane to plane), uncompressed.
"""
import sys

import numpy as np
import tifffile

TILE = 512
SMALLEST = 1024


def levels_of(height, width):
    """How many reduced levels: halving until the largest side is under SMALLEST."""
    levels = 0
    while max(height, width) >= SMALLEST:
        height, width = (height + 1) // 2, (width + 1) // 2
        levels += 1
    return levels


def write_pyramid(source, out, flat, compression):
    with tifffile.TiffFile(source) as tif:
        series = tif.series[0]
        data = series.asarray(out='memmap') if series.dataoffset is not None else series.asarray()
        axes = series.axes
    planes = data.reshape((-1,) + data.shape[-2:]) if axes[-1] != 'S' else data.reshape((-1,) + data.shape[-3:])
    height, width = planes.shape[1], planes.shape[2]
    levels = 0 if flat else levels_of(height, width)
    bigtiff = planes.nbytes * 4 // 3 + (1 << 20) > 2**32 - 1
    options = dict(compression=compression, photometric='rgb' if axes[-1] == 'S' else 'minisblack')
    if not flat:
        options['tile'] = (TILE, TILE)
    with tifffile.TiffWriter(out, bigtiff=bigtiff, ome=True) as writer:
        writer.write(planes, subifds=levels, metadata={'axes': 'QYXS' if axes[-1] == 'S' else 'QYX'}, **options)
        for k in range(1, levels + 1):
            step = 2**k
            writer.write(planes[:, ::step, ::step], subfiletype=1, **options)


def write_stack(out, planes, side):
    rng = np.random.default_rng(7)
    yy, xx = np.mgrid[0:side, 0:side]
    cells = np.zeros((side, side), dtype=np.float32)
    for cy, cx, r in zip(rng.integers(0, side, 60), rng.integers(0, side, 60), rng.integers(20, 80, 60)):
        cells += 900 * np.exp(-((yy - cy) ** 2 + (xx - cx) ** 2) / (2.0 * r * r))
    # 17 noisy planes, cycled: drawing Poisson noise for every plane of 2 GiB would take minutes
    drawn = [rng.poisson(np.roll(cells, i, axis=1) + 100).astype(np.uint16) for i in range(min(planes, 17))]
    with tifffile.TiffWriter(out, bigtiff=planes * side * side * 2 > 2**32 - 2**24) as writer:
        for i in range(planes):
            writer.write(drawn[i % len(drawn)], contiguous=True, metadata=None if i else {'axes': 'ZYX'})


if __name__ == '__main__':
    if sys.argv[1] == '--stack':
        write_stack(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        flags = sys.argv[3:]
        write_pyramid(sys.argv[1], sys.argv[2], '--flat' in flags, None if '--uncompressed' in flags else 'zlib')
