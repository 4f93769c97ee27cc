#!/usr/bin/python3
"""Writes the lab folder of the first-rows benchmark (issue 51; run by suites/first-rows.mjs;
needs python3-tifffile and numpy).

    make-lab-corpus.py sources <folder>            the 4,320 files, written with tifffile
    make-lab-corpus.py links <sources> <folder> <images>
                                                   <images> hard links to them, with sidecars

Sources: 4,000 single 64x64 uint16 pages of four kinds (plain; ImageJ with a resolution in
micrometres; OME-TIFF with PhysicalSizeX; big-endian) in 20 day folders `day-NN/`; 300 stacks of
200 64x64 pages of three kinds (ImageJ ZYX, OME-TIFF CZYX, plain) in `stacks/`; 20 plain stacks
of 1,000 16x16 pages in `long/`.

Links: the sources in sorted order, cycled into `animalNN/sessionN/imgNNNNNN.tif` (25 animals
of 8 sessions, the images spread evenly); every other image (the even ones) has a CloudScope
sidecar, written as CloudScope writes it (the header of its source, a few experiment values
that vary, so that filtering has something to find).
"""
import os
import shutil
import sys

import numpy as np
import tifffile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures'))
from cloudscope_sidecar import CALIBRATION, EXPERIMENT, dumps, header  # noqa: E402

DAYS = 20
SINGLES_PER_KIND = 1000
STACKS_PER_KIND = 100
LONG_STACKS = 20
ANIMALS = 25
SESSIONS = 8
SPECIES = ['mouse', 'rat', 'zebrafish', 'human']
REGIONS = ['V1', 'S1', 'CA1', 'M1', 'PFC']


def single_writers(plane):
    """The four kinds of single page: (name, writer of a file)."""
    return [
        ('plain', lambda f: tifffile.imwrite(f, plane, metadata=None)),
        ('imagej-um', lambda f: tifffile.imwrite(f, plane, imagej=True, resolution=(1 / 0.25, 1 / 0.25),
                                                 metadata={'axes': 'YX', 'unit': 'um'})),
        ('ome', lambda f: tifffile.imwrite(f, plane, ome=True,
                                           metadata={'axes': 'YX', 'PhysicalSizeX': 0.325,
                                                     'PhysicalSizeXUnit': 'µm', 'PhysicalSizeY': 0.325,
                                                     'PhysicalSizeYUnit': 'µm'})),
        ('big-endian', lambda f: tifffile.imwrite(f, plane, byteorder='>', metadata=None)),
    ]


def stack_writers(plane):
    """The three kinds of 200-page stack: (name, writer of a file)."""
    zyx = np.broadcast_to(plane, (200, 64, 64))
    czyx = np.broadcast_to(plane, (2, 100, 64, 64))
    return [
        ('imagej-zyx', lambda f: tifffile.imwrite(f, zyx, imagej=True, metadata={'axes': 'ZYX'})),
        ('ome-czyx', lambda f: tifffile.imwrite(f, czyx, ome=True, metadata={'axes': 'CZYX'})),
        ('plain', lambda f: tifffile.imwrite(f, zyx, metadata=None)),
    ]


def write_sources(root):
    """The 4,320 source files (see the module's doc)."""
    plane = (np.arange(64 * 64, dtype='uint16').reshape(64, 64) * 7) % 4096
    singles = single_writers(plane)
    for day in range(DAYS):
        os.makedirs(os.path.join(root, f'day-{day:02d}'), exist_ok=True)
    for k, (name, write) in enumerate(singles):
        for i in range(SINGLES_PER_KIND):
            n = k * SINGLES_PER_KIND + i
            write(os.path.join(root, f'day-{n % DAYS:02d}', f'{name}-{n:05d}.tif'))
    os.makedirs(os.path.join(root, 'stacks'), exist_ok=True)
    for name, write in stack_writers(plane):
        for i in range(STACKS_PER_KIND):
            write(os.path.join(root, 'stacks', f'{name}-{i:03d}.tif'))
    os.makedirs(os.path.join(root, 'long'), exist_ok=True)
    small = np.broadcast_to(plane[:16, :16], (1000, 16, 16))
    for i in range(LONG_STACKS):
        tifffile.imwrite(os.path.join(root, 'long', f'plain-1000-{i:02d}.tif'), small, metadata=None)


def sorted_sources(root):
    """The source files, in sorted order of their paths."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        found.extend(os.path.join(folder, f) for f in files if f.endswith('.tif'))
    return sorted(found)


def sidecar(i, head):
    """The CloudScope sidecar of image i with the header `head` of its source."""
    experiment = {**EXPERIMENT, 'species': SPECIES[(i // 2) % 4], 'region': REGIONS[(i // 2) % 5],
                  'depth': float(50 + i % 400), 'note': f'cell {i}'}
    return dumps(dict(version=2, accepted=i % 3 == 0, experiment_metadata=experiment,
                      image_header_metadata={**head, **CALIBRATION}, rois=[], analysis=[]))


def link(source, target):
    """A hard link to `source` at `target`, or a copy where a link cannot be made."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def write_links(sources_root, root, count):
    """`count` images cycled over the sorted sources (see the module's doc)."""
    sources = sorted_sources(sources_root)
    headers = {}
    per_animal = count // ANIMALS
    per_session = per_animal // SESSIONS
    for i in range(count):
        folder = os.path.join(root, f'animal{i // per_animal:02d}', f'session{(i // per_session) % SESSIONS}')
        if i % per_session == 0:
            os.makedirs(folder, exist_ok=True)
        source = sources[i % len(sources)]
        path = os.path.join(folder, f'img{i:06d}.tif')
        link(source, path)
        if i % 2 == 0:
            if source not in headers:
                headers[source] = header(source)
            with open(path + '.json', 'w', encoding='utf-8') as f:
                f.write(sidecar(i, headers[source]))
    print(f'  {count:,} images over {len(sources):,} sources, {count // 2:,} sidecars')


def main():
    if sys.argv[1] == 'sources':
        write_sources(sys.argv[2])
    else:
        write_links(sys.argv[2], sys.argv[3], int(sys.argv[4]))


main()
