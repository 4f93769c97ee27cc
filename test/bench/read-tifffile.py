#!/usr/bin/python3
"""Reads every TIFF header under a folder the way CloudScope does (the benchmark's reference).

For each file: tifffile's series[0] shape, axes and dtype and the number of series.
Prints one summary line: files read, files that failed.
"""
import logging
import os
import sys

import tifffile

logging.disable(logging.CRITICAL)
EXTENSIONS = ('.tif', '.tiff', '.btf', '.lsm')

read = failed = 0
for folder, _, names in os.walk(sys.argv[1]):
    for name in names:
        if not name.lower().endswith(EXTENSIONS):
            continue
        try:
            with tifffile.TiffFile(os.path.join(folder, name)) as tif:
                series = tif.series
                first = series[0]
                (first.shape, first.axes, first.dtype, len(series))
            read += 1
        except Exception:
            failed += 1
print(f'{read} read, {failed} failed')
