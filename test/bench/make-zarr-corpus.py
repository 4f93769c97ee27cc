#!/usr/bin/python3
"""The zarr suite's microscope folder (run by suites/zarr.mjs; needs python3-tifffile, numpy).

    make-zarr-corpus.py <folder>

24 uint16 images as a microscope writes them (dim cells on a noisy background): 16 single
planes of 2,048 x 2,048 in `tiles/`, and 8 ImageJ Z stacks of 16 planes of 1,024 x 1,024 in
`stacks/`, each stack with a CloudScope sidecar: 384 MiB of pixels.
"""
import os
import sys

import numpy as np
import tifffile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures'))
from cloudscope_sidecar import EXPERIMENT, dumps, header  # noqa: E402


def cells(rng, side, planes):
    yy, xx = np.mgrid[0:side, 0:side]
    field = np.zeros((side, side), dtype=np.float32)
    for cy, cx, r in zip(rng.integers(0, side, 40), rng.integers(0, side, 40), rng.integers(10, 60, 40)):
        field += 900 * np.exp(-((yy - cy) ** 2 + (xx - cx) ** 2) / (2.0 * r * r))
    return np.stack([rng.poisson(np.roll(field, 3 * i, axis=1) + 100).astype(np.uint16) for i in range(planes)])


def main():
    folder = sys.argv[1]
    rng = np.random.default_rng(11)
    os.makedirs(os.path.join(folder, 'tiles'), exist_ok=True)
    os.makedirs(os.path.join(folder, 'stacks'), exist_ok=True)
    for i in range(16):
        tifffile.imwrite(os.path.join(folder, 'tiles', f'tile_{i:02d}.tif'), cells(rng, 2048, 1)[0])
    for i in range(8):
        path = os.path.join(folder, 'stacks', f'stack_{i:02d}.tif')
        stack = cells(rng, 1024, 16)
        tifffile.imwrite(path, stack, imagej=True, resolution=(1 / 0.2, 1 / 0.2),
                         metadata={'axes': 'ZYX', 'unit': 'um', 'spacing': 1.0})
        calibration = dict(physical_unit_x=0.2, physical_unit_y=0.2, physical_label_x='um', physical_label_y='um')
        payload = dict(accepted=True, analysis=[], experiment_metadata=dict(EXPERIMENT, species='mouse'),
                       image_contrast={}, image_header_metadata=dict(header(path), **calibration), rois=[], version=2)
        with open(f'{path}.json', 'w', encoding='utf-8') as f:
            f.write(dumps(payload))


main()
