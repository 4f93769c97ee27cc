#!/usr/bin/python3
"""Writes the benchmark corpus (run by run-bench.mjs; needs python3-tifffile and numpy).

    make-corpus.py <folder> [--big]

small/         10,000 single-page files of nine kinds (plain, shaped, ImageJ LE/BE, OME, RGB,
               BigTIFF, tiled, Deflate)
multi/stacks/  160 stacks of 200 pages (ImageJ LE, ImageJ BE, OME, plain)
multi/long/    10 files of 1,000 pages (plain, ImageJ, OME, shaped)
multi/big/     with --big: one 1.1 GB BigTIFF of 1,100 pages (written sparse: headers only)
"""
import os
import sys

import numpy as np
import tifffile

SMALL_FILES = 10_000
STACKS = 160
LONG_FILES = 10


def small_writers():
    """(name, write(path, data)) for each kind of single-page file."""
    return [
        ('plain', lambda p, a: tifffile.imwrite(p, a, metadata=None)),
        ('shaped', lambda p, a: tifffile.imwrite(p, a)),
        ('imagej', lambda p, a: tifffile.imwrite(p, np.stack([a, a]), imagej=True,
                                                 metadata={'axes': 'CYX', 'unit': 'um'},
                                                 resolution=(2.0, 2.0))),
        ('imagej-be', lambda p, a: tifffile.imwrite(p, a, imagej=True, byteorder='>')),
        ('ome', lambda p, a: tifffile.imwrite(p, np.stack([a, a, a]), ome=True,
                                              metadata={'axes': 'CYX', 'PhysicalSizeX': 0.2})),
        ('rgb', lambda p, a: tifffile.imwrite(p, np.stack([a, a, a], -1).astype('uint8'),
                                              photometric='rgb', metadata=None)),
        ('bigtiff', lambda p, a: tifffile.imwrite(p, a, bigtiff=True, metadata=None)),
        ('tiled', lambda p, a: tifffile.imwrite(p, a, tile=(32, 32), metadata=None)),
        ('deflate', lambda p, a: tifffile.imwrite(p, a, compression='zlib', metadata=None)),
    ]


def write_small(root):
    data = (np.arange(64 * 64, dtype='uint16').reshape(64, 64) * 7) % 4096
    writers = small_writers()
    for i in range(SMALL_FILES):
        kind, write = writers[i % len(writers)]
        folder = os.path.join(root, 'small', kind, f'{i // 1000:02d}')
        os.makedirs(folder, exist_ok=True)
        suffix = '.ome.tif' if kind == 'ome' else '.tif'
        write(os.path.join(folder, f'{kind}-{i:05d}{suffix}'), data)


def write_stacks(root):
    folder = os.path.join(root, 'multi', 'stacks')
    os.makedirs(folder, exist_ok=True)
    stack = np.zeros((200, 32, 32), 'uint16')
    kinds = [
        ('imagej', lambda p: tifffile.imwrite(p, stack.reshape(20, 10, 32, 32), imagej=True,
                                              metadata={'axes': 'ZCYX'})),
        ('imagej-be', lambda p: tifffile.imwrite(p, stack, imagej=True, byteorder='>',
                                                 metadata={'axes': 'TYX'})),
        ('ome', lambda p: tifffile.imwrite(p, stack.reshape(50, 4, 32, 32), ome=True,
                                           metadata={'axes': 'TCYX'})),
        ('plain', lambda p: tifffile.imwrite(p, stack, metadata=None, photometric='minisblack')),
    ]
    write_each(folder, kinds, STACKS, 3)


def write_long(root):
    folder = os.path.join(root, 'multi', 'long')
    os.makedirs(folder, exist_ok=True)
    stack = np.zeros((1000, 32, 32), 'uint16')
    kinds = [
        ('plain', lambda p: tifffile.imwrite(p, stack, metadata=None, photometric='minisblack')),
        ('imagej', lambda p: tifffile.imwrite(p, stack, imagej=True, metadata={'axes': 'TYX'})),
        ('ome', lambda p: tifffile.imwrite(p, stack, ome=True, metadata={'axes': 'TYX'})),
        ('shaped', lambda p: tifffile.imwrite(p, stack)),
    ]
    write_each(folder, kinds, LONG_FILES, 2)


def write_each(folder, kinds, count, digits):
    """Writes `count` files, taking turns through the (kind, write) pairs."""
    for i in range(count):
        kind, write = kinds[i % len(kinds)]
        suffix = '.ome.tif' if kind == 'ome' else '.tif'
        write(os.path.join(folder, f'{kind}-{i:0{digits}d}{suffix}'))


def write_big(root):
    folder = os.path.join(root, 'multi', 'big')
    os.makedirs(folder, exist_ok=True)
    # shape/dtype without data: tifffile writes every IFD and leaves the pixels as a hole
    tifffile.imwrite(os.path.join(folder, 'big-1100x1024x1024.tif'), shape=(1100, 1024, 1024),
                     dtype='uint8', bigtiff=True, metadata=None, photometric='minisblack')


if __name__ == '__main__':
    target = sys.argv[1]
    write_small(target)
    write_stacks(target)
    write_long(target)
    if '--big' in sys.argv:
        write_big(target)
