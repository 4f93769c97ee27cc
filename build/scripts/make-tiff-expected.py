#!/usr/bin/python3
"""Writes test/fixtures/tiff/expected.json: what tifffile reports for every TIFF fixture.

For each file: tifffile's series[0] shape, axes and dtype and the number of series, turned
into CloudScope's header strings by its axis rules (docs/tiff-headers.md), plus what
the file declares (date, calibration, compression, page count) read straight from the tags.
A file tifffile refuses is recorded with its error. Run by make-tiff-fixtures.py, or alone:

    /usr/bin/python3 build/scripts/make-tiff-expected.py
"""
import json
import logging
import math
import os
import re
from fractions import Fraction

import tifffile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
FIXTURES = os.path.join(ROOT, 'test', 'fixtures', 'tiff')


def cloudscope_header(shape, axes, dtype, scenes):
    """CloudScope's header strings from tifffile's series[0] (the rules of docs/tiff-headers.md)."""
    letters = axes.replace('S', 'C')
    if all(a in 'TCZYX' for a in letters):
        dims = letters
    else:
        dims = {2: 'YX', 3: 'ZYX', 4: 'CZYX', 5: 'TCZYX'}.get(len(shape), letters)
    sizes = dict(zip(dims, shape))
    return {
        'shape': repr(tuple(int(s) for s in shape)),
        'dims': repr(tuple(dims)),
        'sizes': repr({k: int(v) for k, v in sizes.items()}),
        'dtype': str(dtype),
        'num_channels': int(sizes.get('C', 1)),
        'num_scenes': scenes,
    }


def tag_value(page, code):
    tag = page.tags.get(code)
    return None if tag is None else tag.value


def declared_date(page, ome):
    value = tag_value(page, 306)
    match = re.match(r'(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}:\d{2}:\d{2})', value or '')
    if isinstance(value, str) and match:
        return ''.join(match.groups()[:3]), match.group(4)
    if ome is not None:
        import xml.etree.ElementTree as etree
        for element in etree.fromstring(ome).iter():
            if element.tag.endswith('}AcquisitionDate') and element.text:
                match = re.match(r'\s*(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})', element.text)
                if match:
                    return ''.join(match.groups()[:3]), match.group(4)
    return '', ''


UNIT_LABELS = {'micron': 'um', 'um': 'um', 'µm': 'um', '\\u00B5m': 'um', 'μm': 'um'}
OME_EXPONENTS = {'m': 0, 'cm': -2, 'mm': -3, 'µm': -6, 'μm': -6, 'um': -6, 'nm': -9, 'Å': -10, 'pm': -12}


def declared_calibration(tif, page):
    """Pixel size the file declares, by the rules the TypeScript reader documents."""
    def res(code):
        value = tag_value(page, code)
        if not isinstance(value, tuple) or len(value) != 2 or value[0] == 0 or value[1] == 0:
            return None
        return Fraction(value[1], value[0])  # pixel size = 1 / resolution
    xres, yres = res(282), res(283)
    meta = tif.imagej_metadata
    if meta is not None and xres is not None and yres is not None:
        unit = str(meta.get('unit', '')).strip()
        if unit and unit.lower() not in ('pixel', 'pixels', 'inch'):
            return {'x': float(xres), 'y': float(yres), 'unit': UNIT_LABELS.get(unit, unit), 'source': 'imagej'}
    if tif.is_ome:
        import xml.etree.ElementTree as etree
        for element in etree.fromstring(tif.pages[0].description).iter():
            if element.tag.endswith('}Pixels') and 'PhysicalSizeX' in element.attrib:
                a = element.attrib
                x = float(a['PhysicalSizeX'])
                unit = a.get('PhysicalSizeXUnit', 'µm')
                y = x
                if 'PhysicalSizeY' in a:  # Y in X's unit
                    y = float(a['PhysicalSizeY'])
                    y_unit = a.get('PhysicalSizeYUnit', 'µm')
                    if y_unit != unit:
                        shift = OME_EXPONENTS.get(y_unit, math.nan) - OME_EXPONENTS.get(unit, math.nan)
                        y = y * 10 ** shift if shift >= 0 else y / 10 ** -shift
                if x > 0 and y > 0:
                    return {'x': x, 'y': y, 'unit': UNIT_LABELS.get(unit, unit), 'source': 'ome'}
                break
            if element.tag.endswith('}Pixels'):
                break
    if tif.is_lsm:  # CZ_LSMINFO's voxel size, in metres
        lsm = tif.lsm_metadata
        x, y = lsm['VoxelSizeX'], lsm['VoxelSizeY']
        if x > 0 and y > 0:
            return {'x': x * 1e6, 'y': y * 1e6, 'unit': 'um', 'source': 'lsm'}
    unit = tag_value(page, 296)
    factor = {2: 25400, 3: 10000}.get(int(unit) if unit is not None else 2)
    if factor and xres is not None and yres is not None:
        if factor == 25400 and 1 / xres in (72, 96) and 1 / yres in (72, 96):
            return None  # a library's default dpi, not a calibration
        source = 'resolution-inch' if factor == 25400 else 'resolution-cm'
        return {'x': float(xres * factor), 'y': float(yres * factor), 'unit': 'um', 'source': source}
    return None


def compression_name(value):
    try:
        return tifffile.COMPRESSION(value).name
    except ValueError:
        return str(int(value))


def expected_for(path):
    try:
        with tifffile.TiffFile(path) as tif:
            series = tif.series
            s = series[0]
            page = tif.pages[0]
            header = cloudscope_header(s.shape, s.axes, s.dtype, len(series))
            date, time = declared_date(page, tif.pages[0].description if tif.is_ome else None)
            header.update({'date': date, 'time': time})
            return {
                'header': header,
                'tifffile': {'shape': list(s.shape), 'axes': s.axes, 'kind': s.kind, 'levels': len(s.levels)},
                'pageCount': len(tif.pages),
                'compression': compression_name(page.compression),
                'tiled': page.is_tiled,
                'byteOrder': 'little' if tif.byteorder == '<' else 'big',
                'bigTiff': tif.is_bigtiff,
                'fileCalibration': declared_calibration(tif, page),
            }
    except Exception as exc:  # tifffile refuses the file: the reader must refuse it too
        return {'error': f'{type(exc).__name__}: {exc}'}


def write_expected():
    result = {}
    for folder, _, names in sorted(os.walk(FIXTURES)):
        for name in sorted(names):
            if not name.lower().endswith(('.tif', '.tiff', '.lsm', '.btf')):
                continue
            path = os.path.join(folder, name)
            result[os.path.relpath(path, FIXTURES).replace(os.sep, '/')] = expected_for(path)
    with open(os.path.join(FIXTURES, 'expected.json'), 'w', encoding='utf-8') as fh:
        json.dump(result, fh, indent=2, sort_keys=True, ensure_ascii=False)
        fh.write('\n')


if __name__ == '__main__':
    logging.disable(logging.CRITICAL)
    write_expected()
