#!/usr/bin/python3
"""Writes a folder for the UI benchmark (run by suites/ui.mjs; needs python3-tifffile and numpy).

    make-ui-corpus.py <folder> <images>            the uniform folder
    make-ui-corpus.py --mixed <folder> <images>    a lab's folder

Uniform: nested folders of small TIFFs copied from four templates (plain, ImageJ 2-channel,
OME 3-channel, RGB), 500 to a folder, 20 folders to a group; every other image has a sidecar
written as CloudScope writes it, with a few experiment values that vary (species, genotype,
region, depth, note), so that filtering has something to find.

Mixed (see write_mixed): `animal-NNN/session-NN/` folders of images of six kinds, from a single
page to stacks of 1,000 pages, cycled and hard-linked to one template of each kind; half of
them with sidecars, as above.
"""
import os
import shutil
import sys

import numpy as np
import tifffile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures'))
from cloudscope_sidecar import CALIBRATION, EXPERIMENT, dumps, header  # noqa: E402

PER_FOLDER = 500
FOLDERS_PER_GROUP = 20
SPECIES = ['mouse', 'rat', 'zebrafish', 'human']
GENOTYPES = ['Thy1-GFP', 'wild type', 'PV-Cre', 'SST-Cre', 'VIP-Cre']
REGIONS = ['V1', 'S1', 'CA1', 'M1', 'PFC', 'striatum']


def templates(scratch):
    """(suffix, tiff bytes, header values) of each kind of image."""
    plane = (np.arange(32 * 32, dtype='uint16').reshape(32, 32) * 11) % 4096
    writers = [
        ('.tif', lambda f: tifffile.imwrite(f, plane, metadata=None)),
        ('.tif', lambda f: tifffile.imwrite(f, np.stack([plane, plane]), imagej=True, metadata={'axes': 'CYX'})),
        ('.ome.tif', lambda f: tifffile.imwrite(f, np.stack([plane, plane, plane]), ome=True, metadata={'axes': 'CYX'})),
        ('.tif', lambda f: tifffile.imwrite(f, np.stack([plane, plane, plane], -1).astype('uint8'), photometric='rgb', metadata=None)),
    ]
    out = []
    for i, (suffix, write) in enumerate(writers):
        path = os.path.join(scratch, f'template-{i}{suffix}')
        write(path)
        with open(path, 'rb') as f:
            out.append((suffix, f.read(), header(path)))
        os.remove(path)
    return out


def sidecar(i, head):
    experiment = {**EXPERIMENT, 'species': SPECIES[i % 4], 'genotype': GENOTYPES[i % 5], 'region': REGIONS[i % 6],
                  'depth': float(50 + i % 400), 'note': f'session {i // 1000}, cell {i % 1000}'}
    return dumps(dict(version=2, accepted=i % 3 == 0, experiment_metadata=experiment,
                      image_header_metadata={**head, **CALIBRATION}, rois=[], analysis=[]))


# the mixed folder: images to a session, sessions to an animal
PER_SESSION = 50
SESSIONS_PER_ANIMAL = 10


def mixed_templates(scratch):
    """(name, suffix, path, header values) of each kind of image of the mixed folder, written into `scratch`.

    64x64 uint16 planes (8 KB a page), so that even the long stacks stay a few MB on disk.
    """
    plane = (np.arange(64 * 64, dtype='uint16').reshape(64, 64) * 7) % 4096

    def stack(*shape):
        return np.broadcast_to(plane, (*shape, 64, 64))

    writers = [
        ('single page', '.tif', lambda f: tifffile.imwrite(f, plane, metadata=None)),
        ('ImageJ hyperstack TZCYX, 5x8x2 (80 pages)', '.tif',
         lambda f: tifffile.imwrite(f, stack(5, 8, 2), imagej=True, metadata={'axes': 'TZCYX'})),
        ('OME-TIFF ZCYX, 40x3 (120 pages)', '.ome.tif',
         lambda f: tifffile.imwrite(f, stack(40, 3), ome=True, metadata={'axes': 'ZCYX'})),
        ('ImageJ 2-channel single plane', '.tif',
         lambda f: tifffile.imwrite(f, stack(2), imagej=True, metadata={'axes': 'CYX'})),
        ('ImageJ time series TYX (600 pages)', '.tif',
         lambda f: tifffile.imwrite(f, stack(600), imagej=True, metadata={'axes': 'TYX'})),
        ('plain multi-page stack, no description (1,000 pages)', '.tif',
         lambda f: tifffile.imwrite(f, stack(1000), metadata=None)),
    ]
    out = []
    for i, (name, suffix, write) in enumerate(writers):
        path = os.path.join(scratch, f'template-{i}{suffix}')
        write(path)
        out.append((name, suffix, path, header(path)))
    return out


def link_or_copy(source, target):
    """A hard link to `source` at `target`, or a copy where a link cannot be made."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def nested_folder(root, i, names, per_folder, folders_per_group):
    """The folder of image i, `<group>/<folder>` named by `names`; made when its first image comes."""
    folder = os.path.join(root, names[0].format(i // (per_folder * folders_per_group)),
                          names[1].format((i // per_folder) % folders_per_group))
    if i % per_folder == 0:
        os.makedirs(folder, exist_ok=True)
    return folder


def write_mixed(root, count):
    """The mixed folder: image i is of kind i % 6 (hard-linked to its template), in
    `animal-NNN/session-NN/`; the images of every other cycle of kinds have a sidecar (written,
    not linked: the app edits sidecars). Prints the count and size of each kind."""
    scratch = os.path.join(root, '.templates')
    os.makedirs(scratch, exist_ok=True)
    kinds = mixed_templates(scratch)
    for i in range(count):
        folder = nested_folder(root, i, ('animal-{:03d}', 'session-{:02d}'), PER_SESSION, SESSIONS_PER_ANIMAL)
        _, suffix, template, head = kinds[i % len(kinds)]
        path = os.path.join(folder, f'img-{i:06d}{suffix}')
        link_or_copy(template, path)
        if (i // len(kinds)) % 2 == 0:
            with open(path + '.json', 'w', encoding='utf-8') as f:
                f.write(sidecar(i, head))
    for k, (name, _, template, _) in enumerate(kinds):
        images = len(range(k, count, len(kinds)))
        print(f'  {images:>7,} x {name}: {os.path.getsize(template) / 1024:,.0f} KB each')
    shutil.rmtree(scratch)


def main():
    if sys.argv[1] == '--mixed':
        write_mixed(sys.argv[2], int(sys.argv[3]))
        return
    root, count = sys.argv[1], int(sys.argv[2])
    os.makedirs(root, exist_ok=True)
    kinds = templates(root)
    for i in range(count):
        folder = nested_folder(root, i, ('group-{:02d}', 'day-{:02d}'), PER_FOLDER, FOLDERS_PER_GROUP)
        suffix, data, head = kinds[i % len(kinds)]
        path = os.path.join(folder, f'cell-{i:06d}{suffix}')
        with open(path, 'wb') as f:
            f.write(data)
        if i % 2 == 0:
            with open(path + '.json', 'w', encoding='utf-8') as f:
                f.write(sidecar(i, head))


main()
