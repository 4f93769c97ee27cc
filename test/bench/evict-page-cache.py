#!/usr/bin/python3
"""Drops every file under a folder from the page cache (run by ui-kit.mjs when it may not drop
the whole cache): posix_fadvise(DONTNEED) on each file, as a folder not read for a while is.

    evict-page-cache.py <folder>

Prints how many files it evicted.
"""
import os
import sys

evicted = 0
for folder, _, names in os.walk(sys.argv[1]):
    for name in names:
        try:
            fd = os.open(os.path.join(folder, name), os.O_RDONLY)
        except OSError:
            continue
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            evicted += 1
        finally:
            os.close(fd)
print(f'{evicted} files evicted')
