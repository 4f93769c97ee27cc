#!/usr/bin/python3
"""Writes a folder for the UI benchmark (run by suites/ui.mjs; needs python3-tifffile and numpy).

    make-ui-corpus.py <folder> <images>

Nested folders of small TIFFs copied from four templates (plain, ImageJ 2-channel, OME
3-channel, RGB), 500 to a folder, 20 folders to a group; every other image has a sidecar
written as CloudScope writes it, with a few experiment values that vary (species, genotype,
region, depth, note), so that filtering has something to find.
"""
import io
import os
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


def main():
    root, count = sys.argv[1], int(sys.argv[2])
    os.makedirs(root, exist_ok=True)
    kinds = templates(root)
    for i in range(count):
        folder = os.path.join(root, f'group-{i // (PER_FOLDER * FOLDERS_PER_GROUP):02d}',
                              f'day-{(i // PER_FOLDER) % FOLDERS_PER_GROUP:02d}')
        if i % PER_FOLDER == 0:
            os.makedirs(folder, exist_ok=True)
        suffix, data, head = kinds[i % len(kinds)]
        path = os.path.join(folder, f'cell-{i:06d}{suffix}')
        with open(path, 'wb') as f:
            f.write(data)
        if i % 2 == 0:
            with open(path + '.json', 'w', encoding='utf-8') as f:
                f.write(sidecar(i, head))


main()
