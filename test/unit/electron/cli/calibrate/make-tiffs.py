"""Writes the TIFFs the calibrate tests write into, with Debian's tifffile: one of each kind a lab
folder holds. Usage: make-tiffs.py <folder>. Prints nothing; the names are the tests' own."""
import struct
import sys

import numpy
import tifffile

folder = sys.argv[1]
rng = numpy.random.default_rng(7)


def data(shape, dtype=numpy.uint16):
    return rng.integers(0, 4000, size=shape).astype(dtype)


# Fiji's hyperstack: 3 frames, 4 slices, 2 channels, ImageJ description, micron already set
tifffile.imwrite(f'{folder}/hyperstack.tif', data((3, 4, 2, 32, 48)), imagej=True,
                 resolution=(1 / 0.9, 1 / 0.9),
                 metadata={'axes': 'TZCYX', 'unit': 'micron', 'spacing': 3.0, 'finterval': 10.0})
# an ImageJ stack of one channel, no calibration (tifffile's ImageJ writer without resolution)
tifffile.imwrite(f'{folder}/imagej-stack.tif', data((5, 40, 30), numpy.uint8), imagej=True,
                 metadata={'axes': 'ZYX'})
# tifffile's OME-TIFF: 2 channels, 3 Z planes, 2 time points
tifffile.imwrite(f'{folder}/ome.ome.tif', data((2, 3, 2, 24, 20)), ome=True,
                 metadata={'axes': 'TZCYX', 'PhysicalSizeX': 0.3, 'PhysicalSizeY': 0.3,
                           'Channel': {'Name': ['a', 'b']}})
# a plain export: 72 dpi, one page
tifffile.imwrite(f'{folder}/plain-72dpi.tif', data((50, 60), numpy.uint8), resolution=(72, 72),
                 resolutionunit='INCH', metadata=None)


def without_resolution(path, width, height):
    """A classic little-endian TIFF of one 8-bit strip and no resolution tags (tifffile always writes them)."""
    pixels = data((height, width), numpy.uint8).tobytes()
    entries = [(256, 3, width), (257, 3, height), (258, 3, 8), (259, 3, 1), (262, 3, 1),
               (273, 4, 8), (277, 3, 1), (278, 3, height), (279, 4, len(pixels))]
    ifd = struct.pack('<H', len(entries))
    for code, kind, value in entries:
        ifd += struct.pack('<HHI', code, kind, 1) + struct.pack('<HH' if kind == 3 else '<I', *((value, 0) if kind == 3 else (value,)))
    ifd += struct.pack('<I', 0)
    with open(path, 'wb') as out:
        out.write(b'II' + struct.pack('<HI', 42, 8 + len(pixels) + len(pixels) % 2) + pixels + b'\0' * (len(pixels) % 2) + ifd)


# no resolution tags at all
without_resolution(f'{folder}/no-resolution.tif', 30, 31)
# BigTIFF, big-endian and tiled stacks
tifffile.imwrite(f'{folder}/bigtiff.tif', data((3, 40, 40)), bigtiff=True, metadata=None)
tifffile.imwrite(f'{folder}/big-endian.tif', data((2, 40, 36)), byteorder='>', metadata=None)
tifffile.imwrite(f'{folder}/tiled.tif', data((64, 80)), tile=(32, 32), metadata=None)
tifffile.imwrite(f'{folder}/tiled-ome.ome.tif', data((2, 64, 64)), tile=(32, 32), ome=True,
                 metadata={'axes': 'CYX'})
# an ImageJ hyperstack in big-endian byte order, as ImageJ itself writes
tifffile.imwrite(f'{folder}/imagej-big-endian.tif', data((2, 3, 20, 20)), imagej=True, byteorder='>',
                 metadata={'axes': 'ZCYX'})
