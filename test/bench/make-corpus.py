#!/usr/bin/python3
"""Writes the benchmark corpus (run by run-bench.mjs; needs python3-tifffile and numpy).

    make-corpus.py <folder> [--big]     the header corpus (below)
    make-corpus.py --lab <folder> [--real]
                                        a lab's folder for the acquisition suite (see write_lab)
    make-corpus.py --sized <folder> <bytes>...
                                        one TIFF stack of each size, <bytes>.tif (the formats suite)

small/         10,000 single-page files of nine kinds (plain, shaped, ImageJ LE/BE, OME, RGB,
               BigTIFF, tiled, Deflate)
multi/stacks/  160 stacks of 200 pages (ImageJ LE, ImageJ BE, OME, plain)
multi/long/    10 files of 1,000 pages (plain, ImageJ, OME, shaped)
multi/big/     with --big: one 1.1 GB BigTIFF of 1,100 pages (written sparse: headers only)
"""
import json
import os
import struct
import sys
from typing import NamedTuple

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


LAB_FILES = 10_000
LAB_SESSION = 100
# the kind of each of twenty sessions, over and over: the share of each kind in a lab's folder
LAB_PLAN = ['ome'] * 5 + ['imagej'] * 5 + ['si3'] * 2 + ['si5', 'lsm', 'lsm', 'mm', 'mm', 'camera', 'camera', 'plain']
SCOPES = [('Carl Zeiss', 'Axio Observer 7'), ('Nikon', 'Eclipse Ti2'), ('Leica', 'DMi8'), ('Olympus', 'IX83')]
OBJECTIVES = [('Plan-Apochromat 20x/0.8 M27', 20, 0.8, 'Air'), ('Plan-Apochromat 40x/1.3 Oil DIC', 40, 1.3, 'Oil'),
              ('C-Apochromat 63x/1.2 W Corr', 63, 1.2, 'Water')]
DYES = [('DAPI', 'DAPI', 405, 461), ('GFP', 'EGFP', 488, 510), ('RFP', 'mCherry', 561, 610), ('Cy5', 'Cy5', 640, 670)]
PLANE = (np.arange(64 * 64, dtype='uint16').reshape(64, 64) * 13) % 4096


def ome_xml(i, sizec, sizez, side=64):
    """Bio-Formats-style OME-XML: instrument, objective, lasers, channels, planes with exposures."""
    maker, model = SCOPES[i % len(SCOPES)]
    objective, magnification, na, immersion = OBJECTIVES[i % len(OBJECTIVES)]
    dyes = DYES[:sizec]
    lasers = ''.join(f'<Laser ID="LightSource:{c}" Wavelength="{d[2]}" Type="SemiconductorLaser"/>'
                     for c, d in enumerate(dyes))
    channels = ''.join(
        f'<Channel ID="Channel:0:{c}" Name="{d[0]}" Fluor="{d[1]}" ExcitationWavelength="{d[2]}" '
        f'EmissionWavelength="{d[3]}" SamplesPerPixel="1"><LightSourceSettings ID="LightSource:{c}"/>'
        '<DetectorSettings ID="Detector:0" Binning="1x1"/></Channel>' for c, d in enumerate(dyes))
    planes = [(z, c) for z in range(sizez) for c in range(sizec)]
    tiffdata = ''.join(f'<TiffData FirstC="{c}" FirstT="0" FirstZ="{z}" IFD="{n}" PlaneCount="1"/>'
                       for n, (z, c) in enumerate(planes))
    plane = ''.join(f'<Plane TheC="{c}" TheT="0" TheZ="{z}" DeltaT="{0.3 * n:.3f}" ExposureTime="{0.05 * (c + 1)}" '
                    f'PositionZ="{0.5 * z}"/>' for n, (z, c) in enumerate(planes))
    return ('<?xml version="1.0" encoding="UTF-8"?><OME xmlns="http://www.openmicroscopy.org/Schemas/OME/2016-06" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" Creator="OME Bio-Formats 6.11.1" '
            'xsi:schemaLocation="http://www.openmicroscopy.org/Schemas/OME/2016-06 '
            'http://www.openmicroscopy.org/Schemas/OME/2016-06/ome.xsd">'
            f'<Instrument ID="Instrument:0"><Microscope Manufacturer="{maker}" Model="{model}" Type="Inverted"/>'
            f'{lasers}<Detector ID="Detector:0" Model="ORCA-Flash4.0 V3" Type="CMOS"/>'
            f'<Objective ID="Objective:0" Model="{objective}" NominalMagnification="{magnification}" '
            f'LensNA="{na}" Immersion="{immersion}"/></Instrument>'
            f'<Image ID="Image:0" Name="img_{i:05d}"><AcquisitionDate>2026-03-{1 + i % 28:02d}T10:{i % 60:02d}:12'
            '</AcquisitionDate><InstrumentRef ID="Instrument:0"/><ObjectiveSettings ID="Objective:0"/>'
            '<Pixels BigEndian="false" DimensionOrder="XYCZT" ID="Pixels:0" PhysicalSizeX="0.1625" '
            f'PhysicalSizeY="0.1625" PhysicalSizeZ="0.5" SizeC="{sizec}" SizeT="1" SizeX="{side}" SizeY="{side}" '
            f'SizeZ="{sizez}" TimeIncrement="0.3" Type="uint16">{channels}{tiffdata}{plane}</Pixels></Image></OME>')


def lsm_scan_info(objective, dyes):
    """LSM scan information: the recording's objective and start, one track, its laser and detectors."""
    def entry(code, kind=0, value=b''):
        return struct.pack('<III', code, kind, len(value)) + value
    text = lambda code, value: entry(code, 2, value.encode() + b'\0')
    end = entry(0xFFFFFFFF)
    detectors = b''.join(entry(0x70000000) + entry(0x7000000B, 4, struct.pack('<i', 1))
                         + text(0x70000014, f'Ch{c + 1}-T1') + text(0x70000026, d[1]) + end
                         for c, d in enumerate(dyes))
    return (entry(0x10000000) + text(0x10000004, objective) + entry(0x10000036, 5, struct.pack('<d', 46085.4375))
            + entry(0x20000000) + entry(0x40000000) + entry(0x40000006, 4, struct.pack('<i', 1))
            + entry(0x80000000) + entry(0x90000000) + entry(0x90000003, 5, struct.pack('<d', 488.0))
            + entry(0x90000004, 4, struct.pack('<i', 1)) + end + end
            + entry(0x60000000) + detectors + end + end + end + end)


class Geometry(NamedTuple):
    """The planes and page counts of a lab folder's files. `sparse`: the pixels are left as holes
    (only headers and metadata take disk space); else they are a pattern."""
    side: int  # planes of side x side uint16
    ome_z: int  # an OME stack has ome_z, 2 * ome_z or 3 * ome_z slices of 2 or 3 channels
    hyperstack: int  # an ImageJ hyperstack has this many slices (or time points) of 2 channels
    si3_frames: int
    si5_frames: int
    lsm_z: int  # an LSM stack has this many slices of 2 channels, a thumbnail after each
    mm_z: int  # a Micro-Manager file has this many slices of 2 channels
    sparse: bool


# small planes, 1 to 9 pages: the metadata is most of each file (the worst case for its cost)
SMALL_PLANES = Geometry(64, 1, 3, 5, 4, 2, 1, False)
# a microscope's sizes: 512 x 512 planes, 1 to 100 pages, as stacks, hyperstacks and series are
MICROSCOPE = Geometry(512, 10, 20, 30, 30, 20, 10, True)


def pixels(g, shape):
    """The pixel arguments of a tifffile write of `shape`: the pattern, or (sparse) the shape alone."""
    return {'shape': shape, 'dtype': 'uint16'} if g.sparse else {'data': np.broadcast_to(PLANE, shape)}


def first_ifd_value_offset(fh, code):
    """Where the value of tag `code` of a little-endian classic TIFF's first IFD is."""
    fh.seek(4)
    (ifd,) = struct.unpack('<I', fh.read(4))
    fh.seek(ifd)
    (count,) = struct.unpack('<H', fh.read(2))
    for _ in range(count):
        tag, _type, _count, value = struct.unpack('<HHII', fh.read(12))
        if tag == code:
            return value
    raise ValueError(f'tag {code} not in the first IFD')


def write_lsm(path, i, g):
    """A Zeiss LSM-like stack: CZ_LSMINFO, scan information, 2 channels per slice, thumbnails between pages."""
    info = bytearray(500)
    struct.pack_into('<IiiiiiiiII', info, 0, 0x0400494C, 500, g.side, g.side, g.lsm_z, 2, 1, 2, 32, 32)
    struct.pack_into('<ddd', info, 40, 0.1318e-6, 0.1318e-6, 0.5e-6)
    with tifffile.TiffWriter(path) as tif:
        for z in range(g.lsm_z):
            extratags = [(34412, 4, 125, bytes(info), True)] if z == 0 else []
            tif.write(**pixels(g, (2, g.side, g.side)), photometric='minisblack', planarconfig='separate',
                      metadata=None, software=False, extratags=extratags, contiguous=False)
            tif.write(np.zeros((32, 32, 3), 'uint8'), photometric='rgb', subfiletype=1,
                      metadata=None, software=False, contiguous=False)
    with open(path, 'r+b') as fh:
        at = first_ifd_value_offset(fh, 34412)
        end = fh.seek(0, 2)
        fh.write(lsm_scan_info(OBJECTIVES[i % 3][0], DYES[1:3]))
        fh.seek(at + 124)
        fh.write(struct.pack('<I', end))


def scanimage_text(prefix, keys, filler):
    """ScanImage's header lines: the keys read and the many others it writes (`filler` of them)."""
    lines = [f'{prefix}{key}{value}' for key, value in keys]
    groups = ['acq', 'init', 'motor', 'internal', 'hScan2D', 'hPmts', 'hBeams', 'hDisplay']
    lines += [f'{prefix}{groups[n % 8]}.setting{n} = {n * 0.25}' for n in range(filler)]
    return '\n'.join(lines) + '\n'


def write_scanimage(path, i, version, g):
    """ScanImage-like frames: 3's `state.*` description on every frame, or 5's (2015) `SI.*` Software tag."""
    if version == 3:
        header = scanimage_text('state.', [
            ('software.version=', '3.8'), ('internal.triggerTimeString=', f"'3/{1 + i % 28}/2026 10:11:12.345'"),
            ('acq.numberOfZSlices=', '5'), ('acq.zStepSize=', '1.5')], 200).replace(' = ', '=')
        texts = {'description': header, 'software': False}
    else:
        header = scanimage_text('SI.', [
            ('VERSION_MAJOR = ', "'2016b'"), ('VERSION_MINOR = ', "'0'"), ('hStackManager.numSlices = ', '2'),
            ('hStackManager.stackZStepSize = ', '2'), ('hScan2D.logAverageFactor = ', '1'),
            ('hRoiManager.scanFramePeriod = ', '0.033'), ('hChannels.channelSave = ', '[1;2]'),
            ('hChannels.channelName = ', "{'Ch1' 'Ch2' 'Ch3' 'Ch4'}")], 300)
        texts = {'software': header}
    with tifffile.TiffWriter(path) as tif:
        for frame in range(g.si3_frames if version == 3 else g.si5_frames):
            frame_data = f'frameNumbers = {frame + 1}\nframeTimestamps_sec = {frame * 0.033}\n'
            description = texts.get('description', frame_data)
            tif.write(**pixels(g, (g.side, g.side)), metadata=None, description=description,
                      software=texts['software'], contiguous=False)


def write_micromanager(path, i, g):
    """Micro-Manager-like pages: the MicroManagerMetadata tag (JSON) on each page, 2 channels a slice."""
    with tifffile.TiffWriter(path) as tif:
        for _ in range(g.mm_z):
            for c in range(2):
                values = {'PixelSizeUm': 0.108, 'Objective-Label': OBJECTIVES[i % 3][0], 'Channel': DYES[c][0],
                          'Time': f'2026-03-{1 + i % 28:02d} 10:11:12.{c}45 +0100',
                          'MicroManagerVersion': '2.0.1 20220523'}
                values.update({f'Device{n}-Property{n}': str(n) for n in range(80)})
                tif.write(**pixels(g, (g.side, g.side)), metadata=None, software=False, contiguous=False,
                          extratags=[(51123, 's', 0, json.dumps(values), True)])


def lab_writers(g):
    """write(path, i) of each kind of file of the lab folder, and its suffix."""
    plane = (g.side, g.side)
    return {
        'ome': ('.ome.tif', lambda p, i: tifffile.imwrite(
            p, **pixels(g, (g.ome_z * (1 + i % 3), 2 + i % 2, *plane)), metadata=None, software=False,
            photometric='minisblack', description=ome_xml(i, 2 + i % 2, g.ome_z * (1 + i % 3), g.side))),
        'imagej': ('.tif', lambda p, i: tifffile.imwrite(
            p, **pixels(g, (g.hyperstack, 2, *plane)), imagej=True, resolution=(1 / 0.2, 1 / 0.2),
            metadata={'axes': 'ZCYX', 'unit': 'um', 'spacing': 0.5} if i % 2 else
            {'axes': 'TCYX', 'unit': 'um', 'finterval': 2.0})),
        'si3': ('.tif', lambda p, i: write_scanimage(p, i, 3, g)),
        'si5': ('.tif', lambda p, i: write_scanimage(p, i, 5, g)),
        'lsm': ('.lsm', lambda p, i: write_lsm(p, i, g)),
        'mm': ('_MMStack.ome.tif', lambda p, i: write_micromanager(p, i, g)),
        'camera': ('.tif', lambda p, i: tifffile.imwrite(
            p, **pixels(g, plane), metadata=None, software='NIS-Elements AR 5.21.03', datetime='2026:03:04 10:11:12',
            resolution=(61538.46, 61538.46), resolutionunit='CENTIMETER',
            extratags=[(271, 's', 0, 'Nikon', True), (272, 's', 0, 'DS-Qi2', True)])),
        'plain': ('.tif', lambda p, i: tifffile.imwrite(p, **pixels(g, plane), metadata=None, software=False)),
    }


def write_lab(root, g):
    """10,000 images in sessions of 100 (<user>/<date>_<kind>/), each kind as LAB_PLAN shares them out."""
    writers = lab_writers(g)
    counts = {}
    for session in range(LAB_FILES // LAB_SESSION):
        kind = LAB_PLAN[session % len(LAB_PLAN)]
        suffix, write = writers[kind]
        user = ['ana', 'ben', 'chen', 'dara'][session % 4]
        folder = os.path.join(root, user, f'2026-{1 + session // 28:02d}-{1 + session % 28:02d}_{kind}')
        os.makedirs(folder, exist_ok=True)
        for n in range(LAB_SESSION):
            write(os.path.join(folder, f'img_{n:04d}{suffix}'), session * LAB_SESSION + n)
        counts[kind] = counts.get(kind, 0) + LAB_SESSION
    print(json.dumps(counts))


def write_sized(folder, sizes):
    """A tifffile stack of 64 KiB pages (fewer rows for a small file) of each size, padded to the byte."""
    os.makedirs(folder, exist_ok=True)
    for size in sizes:
        path = os.path.join(folder, f'{size}.tif')
        rows = max(size // 256, 1)
        pages, height = max(rows // 256, 1), min(rows, 256)
        while True:
            tifffile.imwrite(path, np.zeros((pages, height, 128), 'uint16'), photometric='minisblack')
            if os.path.getsize(path) <= size:
                break
            if pages == 1 and height == 1:
                raise ValueError(f"no TIFF fits in {size} bytes")
            pages, height = (pages - 1, height) if pages > 1 else (1, height - 1)
        with open(path, 'ab') as fh:
            fh.write(bytes(size - os.path.getsize(path)))


if __name__ == '__main__' and sys.argv[1] == '--lab':
    write_lab(sys.argv[2], MICROSCOPE if sys.argv[3:] == ['--real'] else SMALL_PLANES)
elif __name__ == '__main__' and sys.argv[1] == '--sized':
    write_sized(sys.argv[2], [int(size) for size in sys.argv[3:]])
elif __name__ == '__main__':
    target = sys.argv[1]
    write_small(target)
    write_stacks(target)
    write_long(target)
    if '--big' in sys.argv:
        write_big(target)
