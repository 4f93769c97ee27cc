"""Prints, as JSON, each image of a LIF file beside the OME-TIFF copy made of it (argv[2:], in the
LIF's image order): the sizes and physical sizes per axis its DimensionDescriptions give (DimID
1 X, 2 Y, 3 Z, 4 T, 5 and 9 wavelength sweeps as channels; a missing axis has one element), the
same read from the copy's OME-XML by tifffile, and whether the copy's pixels, read by tifffile
as T, Z, C, Y, X, equal the LIF's memory block read at the strides its XML gives."""
import json
import struct
import sys
import xml.etree.ElementTree as ET

import numpy as np
import tifffile

AXES = {1: 'X', 2: 'Y', 3: 'Z', 4: 'T'}


def lif_header(data):
    assert struct.unpack_from('<i', data, 0)[0] == 0x70 and data[8] == 0x2A
    chars = struct.unpack_from('<i', data, 9)[0]
    return ET.fromstring(data[13:13 + 2 * chars].decode('utf-16-le')), 13 + 2 * chars


def memory_blocks(data, at):
    """Each memory block's id and the offset of its data."""
    blocks = {}
    while at < len(data):
        assert struct.unpack_from('<i', data, at)[0] == 0x70 and data[at + 8] == 0x2A
        wide = data[at + 13] != 0x2A
        size = struct.unpack_from('<q' if wide else '<i', data, at + 9)[0]
        at += 18 if wide else 14
        id_chars = struct.unpack_from('<i', data, at)[0]
        blocks[data[at + 4:at + 4 + 2 * id_chars].decode('utf-16-le')] = at + 4 + 2 * id_chars
        at += 4 + 2 * id_chars + size
    return blocks


def described(image):
    """Sizes and µm per element of each axis, as the image's DimensionDescriptions give them."""
    description = image.find('Data/Image/ImageDescription')
    dims = description.findall('Dimensions/DimensionDescription')
    channels = description.findall('Channels/ChannelDescription')
    sizes = {'X': 1, 'Y': 1, 'Z': 1, 'T': 1, 'C': len(channels)}
    physical = {}
    for d in dims:
        dim_id, count = int(d.get('DimID')), int(d.get('NumberOfElements'))
        if dim_id in (5, 9):
            sizes['C'] *= count
        elif dim_id in AXES:
            sizes[AXES[dim_id]] = count
            if dim_id < 4 and d.get('Unit') == 'm' and count > 1:
                physical[AXES[dim_id]] = float(d.get('Length')) / (count - 1) * 1e6
    return sizes, physical, dims, channels


def lif_pixels(data, block, sizes, dims, channels):
    """The image's samples as T, Z, C, Y, X, read at the strides its XML gives."""
    bits = max(int(ch.get('Resolution')) for ch in channels)
    dtype = np.dtype('u1' if bits <= 8 else '<u2')
    steps = {AXES[int(d.get('DimID'))]: int(d.get('BytesInc')) for d in dims if int(d.get('DimID')) in AXES}
    sweep = next((int(d.get('BytesInc')) for d in dims if int(d.get('DimID')) in (5, 9)), 0)
    out = np.zeros([sizes[a] for a in 'TZCYX'], dtype)
    raw = np.frombuffer(data, np.uint8)
    for c in range(sizes['C']):
        start = block + int(channels[c % len(channels)].get('BytesInc')) + (c // len(channels)) * sweep
        strides = [steps.get(a, 0) for a in 'TZYX']
        shape = [sizes[a] for a in 'TZYX']
        view = np.lib.stride_tricks.as_strided(raw[start:], shape + [dtype.itemsize], strides + [1])
        out[:, :, c] = view.copy().view(dtype)[..., 0]
    return out


def copy_of(path, shape):
    with tifffile.TiffFile(path) as tif:
        pixels = ET.fromstring(tif.ome_metadata).find('{*}Image/{*}Pixels')
        values = tif.series[0].asarray().reshape(shape)
    sizes = {a: int(pixels.get(f'Size{a}')) for a in 'XYZTC'}
    physical = {}
    for a in 'XYZ':
        if pixels.get(f'PhysicalSize{a}') is not None:
            assert pixels.get(f'PhysicalSize{a}Unit') == 'µm'
            physical[a] = float(pixels.get(f'PhysicalSize{a}'))
    return sizes, physical, values


data = open(sys.argv[1], 'rb').read()
root, after = lif_header(data)
blocks = memory_blocks(data, after)
images = [e for e in root.iter('Element') if e.find('Data/Image') is not None]
report = []
for element, copy in zip(images, sys.argv[2:]):
    sizes, physical, dims, channels = described(element)
    expected = lif_pixels(data, blocks[element.find('Memory').get('MemoryBlockID')], sizes, dims, channels)
    copy_sizes, copy_physical, values = copy_of(copy, expected.shape)
    report.append({
        'name': element.get('Name'),
        'lif': {'sizes': sizes, 'physical_um': physical},
        'copy': {'sizes': copy_sizes, 'physical_um': copy_physical},
        'same_pixels': bool(np.array_equal(values, expected)),
    })
print(json.dumps(report))
