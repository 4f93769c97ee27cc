"""Prints what tifffile reads of series 0 of each TIFF named: shape, axes, dtype, pyramid levels,
whether it is BigTIFF, the OME-XML, and the SHA-256 of each plane's little-endian bytes in OME's
XYCZT order (C fastest, then Z, then T; colour samples interleaved), as JSON, one object per file.
Axes other than C, Z and T go to the free slots Z, T, C in that order, as AcqMeta's sliders do."""
import hashlib
import json
import sys

import numpy
import tifffile


def planes(series, array):
    axes = series.axes
    page = series.keyframe
    rgb = page.photometric in (2, 6) and page.samplesperpixel >= 3
    # the colour samples: the page's first axis when planar, else its last
    colour = (len(axes) - 3 if page.planarconfig == 2 else len(axes) - 1) if rgb else None
    slots = {}
    unnamed = []
    for i, axis in enumerate(axes):
        if axis in 'YX' or i == colour:
            continue
        slot = 'C' if axis in 'CS' else axis if axis in 'ZT' else None
        if slot is not None and slot not in slots:
            slots[slot] = i
        else:
            unnamed.append(i)
    for i in unnamed:
        free = next(s for s in 'ZTC' if s not in slots)
        slots[free] = i
    order = [slots[s] for s in 'TZC' if s in slots] + [axes.index('Y'), axes.index('X')]
    if rgb:
        order.append(colour)
    moved = numpy.transpose(array, order)
    height, width = array.shape[axes.index('Y')], array.shape[axes.index('X')]
    flat = moved.reshape((-1, height, width) + ((array.shape[colour],) if rgb else ()))
    little = flat.astype(flat.dtype.newbyteorder('<'))
    return [hashlib.sha256(numpy.ascontiguousarray(p).tobytes()).hexdigest() for p in little]


for name in sys.argv[1:]:
    with tifffile.TiffFile(name) as tif:
        series = tif.series[0]
        array = series.asarray()
        print(json.dumps({
            'shape': list(series.shape),
            'axes': series.axes,
            'dtype': str(series.dtype),
            'levels': len(series.levels) - 1,
            'tiled': tif.pages[0].is_tiled,
            'bigtiff': tif.is_bigtiff,
            'ome': tif.ome_metadata,
            'planes': planes(series, array),
        }))
