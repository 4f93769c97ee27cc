#!/usr/bin/python3
"""Writes the TIFF fixtures and the expected header values of every fixture.

Run with Debian's python3-tifffile (the reference CloudScope reads headers with), numpy and
Pillow, from anywhere:

    /usr/bin/python3 build/scripts/make-tiff-fixtures.py [--expected-only]

1. writes small images of the kinds microscopists keep into test/fixtures/tiff/generated/,
2. runs make-tiff-hostile.py: broken files into test/fixtures/tiff/hostile/,
3. runs make-tiff-expected.py: test/fixtures/tiff/expected.json from tifffile.

The expected values are checked in; tests compare the TypeScript reader against them.
Re-running rewrites the files with the same pixels (tifffile's OME writer gives every run new
UUIDs, so the OME files change in those bytes only).
"""
import os
import runpy
import shutil
import struct
import sys

import numpy as np
import tifffile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
FIXTURES = os.path.join(ROOT, 'test', 'fixtures', 'tiff')
GENERATED = os.path.join(FIXTURES, 'generated')


def ramp(shape, dtype):
    """A deterministic gradient so previews have something to show."""
    size = int(np.prod(shape))
    values = np.linspace(0, 1, size).reshape(shape)
    info = np.iinfo(dtype) if np.dtype(dtype).kind in 'ui' else None
    if info is None:
        return (values * 100 - 20).astype(dtype)
    return (values * (min(info.max, 4000) - max(info.min, -1000)) + max(info.min, -1000)).astype(dtype)


def write_generated():
    os.makedirs(GENERATED, exist_ok=True)
    g = lambda name: os.path.join(GENERATED, name)
    # ImageJ hyperstack TZCYX uint16, 0.5 um pixels, z spacing 2 um, acquisition date
    tifffile.imwrite(
        g('imagej-hyperstack-tzcyx-u16.tif'), ramp((2, 3, 2, 16, 16), 'uint16'), imagej=True,
        metadata={'axes': 'TZCYX', 'unit': 'um', 'spacing': 2.0}, resolution=(2.0, 2.0),
        datetime='2023:11:05 14:22:07')
    # ImageJ 2-channel, as in the spec's example
    tifffile.imwrite(g('imagej-2ch-u16.tif'), ramp((2, 32, 24), 'uint16'), imagej=True,
                     metadata={'axes': 'CYX', 'unit': 'micron'}, resolution=(1 / 0.3, 1 / 0.3))
    # ImageJ RGB stack (Z of RGB)
    tifffile.imwrite(g('imagej-rgb-stack.tif'), ramp((3, 16, 20, 3), 'uint8'), imagej=True,
                     photometric='rgb', metadata={'axes': 'ZYXS'})
    # ImageJ big-endian hyperstack (as Fiji writes them)
    tifffile.imwrite(g('imagej-be-zcyx-u16.tif'), ramp((4, 2, 16, 16), 'uint16'), imagej=True,
                     byteorder='>', metadata={'axes': 'ZCYX', 'unit': 'nm'}, resolution=(0.01, 0.01))
    # OME multi-channel with physical size
    tifffile.imwrite(g('ome-3ch-u16.ome.tif'), ramp((3, 16, 24), 'uint16'), ome=True,
                     metadata={'axes': 'CYX', 'PhysicalSizeX': 0.25, 'PhysicalSizeY': 0.4,
                               'PhysicalSizeXUnit': 'µm', 'PhysicalSizeYUnit': 'µm'})
    # OME TCZYX with a non-default dimension order in the file
    tifffile.imwrite(g('ome-tzcyx-u8.ome.tif'), ramp((2, 3, 2, 8, 8), 'uint8'), ome=True,
                     metadata={'axes': 'TZCYX'})
    # OME with two series (scenes)
    with tifffile.TiffWriter(g('ome-2-series.ome.tif'), ome=True) as tif:
        tif.write(ramp((2, 16, 16), 'uint16'), metadata={'axes': 'CYX'})
        tif.write(ramp((3, 8, 12), 'uint8'), metadata={'axes': 'ZYX'})
    # OME BigTIFF, float32
    tifffile.imwrite(g('ome-bigtiff-f32.ome.tif'), ramp((2, 16, 16), 'float32'), ome=True,
                     bigtiff=True, metadata={'axes': 'ZYX'})
    # tifffile "shaped" JSON descriptions
    tifffile.imwrite(g('shaped-2page-u8.tif'), ramp((2, 16, 16), 'uint8'))
    tifffile.imwrite(g('shaped-axes-tcyx-i16.tif'), ramp((2, 3, 8, 8), 'int16'),
                     metadata={'axes': 'TCYX'})
    tifffile.imwrite(g('shaped-1d.tif'), ramp((5,), 'uint8'))
    # plain single page / multi-page without any description
    tifffile.imwrite(g('plain-single-u16.tif'), ramp((20, 30), 'uint16'), metadata=None,
                     datetime='2021:02:03 04:05:06', resolution=(10000.0, 10000.0),
                     resolutionunit='CENTIMETER')
    tifffile.imwrite(g('plain-3page-u8.tif'), ramp((3, 12, 10), 'uint8'), metadata=None,
                     photometric='minisblack')
    tifffile.imwrite(g('plain-dpi-rgb.tif'), ramp((10, 12, 3), 'uint8'), metadata=None,
                     photometric='rgb', resolution=(300.0, 300.0), resolutionunit='INCH')
    tifffile.imwrite(g('plain-planar-rgb.tif'), ramp((3, 10, 12), 'uint8'), metadata=None,
                     photometric='rgb', planarconfig='separate')
    # BigTIFF, big-endian, tiled, float32, int16, compressed
    tifffile.imwrite(g('bigtiff-2page-u16.tif'), ramp((2, 16, 16), 'uint16'), bigtiff=True,
                     metadata=None)
    tifffile.imwrite(g('big-endian-u16.tif'), ramp((16, 16), 'uint16'), byteorder='>',
                     metadata=None)
    tifffile.imwrite(g('big-endian-2page-u16.tif'), ramp((2, 16, 16), 'uint16'), byteorder='>',
                     metadata=None, rowsperstrip=1)
    tifffile.imwrite(g('tiled-u16.tif'), ramp((40, 48), 'uint16'), tile=(16, 16), metadata=None)
    tifffile.imwrite(g('float32.tif'), ramp((16, 16), 'float32'), metadata=None)
    tifffile.imwrite(g('int16.tif'), ramp((16, 16), 'int16'), metadata=None)
    tifffile.imwrite(g('deflate-predictor-u16.tif'), ramp((16, 16), 'uint16'), metadata=None,
                     compression='zlib', predictor=True)
    # pages of two different shapes: two series
    with tifffile.TiffWriter(g('mixed-pages.tif')) as tif:
        tif.write(ramp((16, 16), 'uint8'), metadata=None)
        tif.write(ramp((8, 8), 'uint16'), metadata=None)
    # pyramid in SubIFDs: one series with levels
    with tifffile.TiffWriter(g('pyramid-subifds.tif')) as tif:
        tif.write(ramp((32, 32), 'uint8'), subifds=1, metadata=None)
        tif.write(ramp((16, 16), 'uint8'), subfiletype=1, metadata=None)
    # 10 alike pages: tifffile's "uniform" series; 9 pages with an odd one: "generic"
    tifffile.imwrite(g('plain-10page-u8.tif'), ramp((10, 6, 5), 'uint8'), metadata=None,
                     photometric='minisblack')
    with tifffile.TiffWriter(g('nonuniform-9page.tif')) as tif:
        for i in range(9):
            tif.write(ramp((6, 5) if i != 7 else (4, 4), 'uint8'), metadata=None)
    # OME RGB (SamplesPerPixel 3) and an OME pyramid in SubIFDs
    tifffile.imwrite(g('ome-rgb.ome.tif'), ramp((2, 16, 16, 3), 'uint8'), ome=True,
                     photometric='rgb', metadata={'axes': 'ZYXS'})
    with tifffile.TiffWriter(g('ome-pyramid.ome.tif'), ome=True) as tif:
        tif.write(ramp((2, 32, 32), 'uint16'), subifds=1, metadata={'axes': 'CYX'})
        tif.write(ramp((2, 16, 16), 'uint16'), subfiletype=1, metadata=None)
    # shaped pyramid in SubIFDs
    with tifffile.TiffWriter(g('shaped-pyramid.tif')) as tif:
        tif.write(ramp((32, 32), 'uint8'), subifds=2)
        tif.write(ramp((16, 16), 'uint8'), subfiletype=1)
        tif.write(ramp((8, 8), 'uint8'), subfiletype=1)
    # an ImageJ description that claims more images than the file holds: generic series
    tifffile.imwrite(g('imagej-claims-too-much.tif'), ramp((8, 8), 'uint8'), metadata=None,
                     description='ImageJ=1.53t\nimages=100\nslices=100\nunit=micron\n')
    write_virtual_imagej(g('imagej-stack-4z.tif'), g('imagej-virtual-stack.tif'))
    write_codec_twins(g)
    write_scanimage(g('scanimage-zc.tif'))
    write_lsm(g('synthetic.lsm'))
    write_multifile_ome(g('multifile-master.ome.tif'), g('multifile-part2.ome.tif'))


def write_virtual_imagej(normal, path):
    """An ImageJ stack of 4 planes (a bright bar in column 2z of plane z), and the same bytes
    with the IFD chain cut after the first page, as ImageJ writes files over 4 GB."""
    data = np.full((4, 8, 8), 10, 'uint8')
    for z in range(4):
        data[z, :, 2 * z] = 200
    tifffile.imwrite(normal, data, imagej=True, metadata={'axes': 'ZYX'})
    shutil.copyfile(normal, path)
    with open(path, 'r+b') as fh:
        fh.seek(4)
        first = struct.unpack('<I', fh.read(4))[0]
        fh.seek(first)
        count = struct.unpack('<H', fh.read(2))[0]
        fh.seek(first + 2 + 12 * count)
        fh.write(struct.pack('<I', 0))  # end the IFD chain after the first page


def write_codec_twins(g):
    """The same noisy pixels stored raw and with libtiff's LZW and PackBits (via Pillow)."""
    from PIL import Image
    rng = np.random.default_rng(7)
    rgb = (rng.integers(0, 4, (24, 40, 3)) * 60).astype('uint8')  # repetitive enough for LZW codes
    rgb[::5] = rng.integers(0, 256, (5, 40, 3))
    gray = rgb[:, :, 0].copy()
    tifffile.imwrite(g('twin-raw-rgb.tif'), rgb, photometric='rgb', metadata=None)
    tifffile.imwrite(g('twin-raw-gray.tif'), gray, metadata=None)
    Image.fromarray(rgb).save(g('twin-lzw-rgb.tif'), compression='tiff_lzw')
    Image.fromarray(gray).save(g('twin-packbits-gray.tif'), compression='packbits')
    Image.fromarray(gray).save(g('twin-lzw-gray.tif'), compression='tiff_lzw')


def write_multifile_ome(master, part2):
    """An OME dataset over two files: image 0 in the master, image 1 in its companion."""
    uuid1, uuid2 = 'urn:uuid:11111111-1111-1111-1111-111111111111', 'urn:uuid:22222222-2222-2222-2222-222222222222'
    tifffile.imwrite(master, ramp((16, 16), 'uint16'), description='x' * 10, metadata=None)
    tifffile.imwrite(part2, ramp((8, 8), 'uint8'), metadata=None)
    pixels = ('<Pixels ID="Pixels:{i}" DimensionOrder="XYCZT" Type="{t}" SizeX="{n}" SizeY="{n}" '
              'SizeC="1" SizeZ="1" SizeT="1"><Channel ID="Channel:{i}:0" SamplesPerPixel="1"/>'
              '<TiffData IFD="0" PlaneCount="1"><UUID FileName="{f}">{u}</UUID></TiffData></Pixels>')
    xml = ('<?xml version="1.0" encoding="UTF-8"?><OME xmlns="http://www.openmicroscopy.org/Schemas/OME/2016-06" '
           f'UUID="{uuid1}"><Image ID="Image:0" Name="master"><AcquisitionDate>2019-06-07T08:09:10</AcquisitionDate>'
           + pixels.format(i=0, t='uint16', n=16, f=os.path.basename(master), u=uuid1)
           + '</Image><Image ID="Image:1" Name="part2">'
           + pixels.format(i=1, t='uint8', n=8, f=os.path.basename(part2), u=uuid2)
           + '</Image></OME>')
    tifffile.tiffcomment(master, xml.encode())


def write_scanimage(path):
    """A ScanImage 2016+ BigTIFF: frame data block after the header, 3 slices x 2 channels."""
    frame_data = ('SI.VERSION_MAJOR = \'2019a\'\nSI.hChannels.channelSave = [1;2]\n'
                  'SI.hStackManager.framesPerSlice = 1\nSI.hStackManager.numSlices = 3\n').encode() + b'\0'
    width, height, pages = 8, 6, 6
    data = ramp((pages, height, width), 'int16')
    out = bytearray(b'II' + struct.pack('<HHHQ', 43, 8, 0, 0))
    out += struct.pack('<IIII', 117637889, 4, len(frame_data), 0) + frame_data
    software = b'SI.LINE_1\0'
    link_at = 8
    for i in range(pages):
        while len(out) % 8:
            out += b'\0'
        strip = len(out)
        out += data[i].tobytes()
        soft_at = len(out)
        out += software
        while len(out) % 8:
            out += b'\0'
        struct.pack_into('<Q', out, link_at, len(out))
        entries = [(256, 3, 1, width), (257, 3, 1, height), (258, 3, 1, 16), (259, 3, 1, 1),
                   (262, 3, 1, 1), (273, 16, 1, strip), (277, 3, 1, 1), (278, 3, 1, height),
                   (279, 16, 1, width * height * 2), (305, 2, len(software), soft_at),
                   (339, 3, 1, 2)]
        out += struct.pack('<Q', len(entries))
        for code, dtype, count, value in entries:
            out += struct.pack('<HHQQ', code, dtype, count, value)
        link_at = len(out)
        out += struct.pack('<Q', 0)
    with open(path, 'wb') as fh:
        fh.write(out)


def write_lsm(path):
    """A Zeiss LSM-like file: CZ_LSMINFO tag, 3 channels x 3 slices, thumbnails between pages."""
    info = bytearray(380)
    struct.pack_into('<IiiiiiiiII', info, 0, 0x0400494C, 380, 16, 12, 3, 3, 1, 1, 8, 6)
    struct.pack_into('<ddd', info, 40, 0.2e-6, 0.2e-6, 1e-6)
    struct.pack_into('<H', info, 88, 0)  # ScanType 0: XYZCT
    data = ramp((3, 3, 12, 16), 'uint8')
    with tifffile.TiffWriter(path) as tif:
        for z in range(3):
            extratags = [(34412, 4, 95, bytes(info), True)] if z == 0 else []
            tif.write(data[z], photometric='minisblack', planarconfig='separate',
                      metadata=None, extratags=extratags, contiguous=False)
            tif.write(np.zeros((6, 8, 3), 'uint8'), photometric='rgb', subfiletype=1,
                      metadata=None, contiguous=False)


if __name__ == '__main__':
    here = os.path.dirname(os.path.abspath(__file__))
    if '--expected-only' not in sys.argv:
        write_generated()
        runpy.run_path(os.path.join(here, 'make-tiff-hostile.py'), run_name='__main__')
    runpy.run_path(os.path.join(here, 'make-tiff-expected.py'), run_name='__main__')
