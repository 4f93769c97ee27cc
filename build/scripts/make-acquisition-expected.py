#!/usr/bin/python3
"""Writes test/fixtures/acquisition/expected.json: the acquisition metadata of every fixture
in test/fixtures/acquisition/ and of the TIFF fixtures in test/fixtures/tiff/ that carry
some, read by independent readers: Debian's python3-tifffile 2023.2.3 (LSM, ScanImage,
Micro-Manager and ImageJ metadata, the plain tags) and Python's xml.etree (OME-XML).

The rules are AcqMeta's (docs/acquisition.md), restated here from the formats' documentation,
not from AcqMeta's code: each flavour read on its own, then merged in the order OME, LSM,
ScanImage, Micro-Manager, ImageJ, plain tags (the first value of a key wins; channels come
from the first flavour that lists any). Values only; where each came from is not compared.

Run from the repository root with Debian's Python: /usr/bin/python3 build/scripts/make-acquisition-expected.py
"""
import datetime
import json
import math
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

import tifffile
from tifffile.tifffile import matlabstr2py, scanimage_description_metadata

ROOT = pathlib.Path('test/fixtures')
OUT = ROOT / 'acquisition' / 'expected.json'
TIFF_FILES = [
    'tiff/zeiss/jimpipeline_test.lsm',
    'tiff/generated/synthetic.lsm',
    'tiff/generated/scanimage-zc.tif',
    'tiff/generated/imagej-hyperstack-tzcyx-u16.tif',
    'tiff/generated/imagej-2ch-u16.tif',
    'tiff/generated/imagej-stack-4z.tif',
    'tiff/generated/ome-3ch-u16.ome.tif',
    'tiff/generated/ome-tzcyx-u8.ome.tif',
    'tiff/generated/plain-dpi-rgb.tif',
    'tiff/bioformats/multi-channel.ome.tif',
    'tiff/imagej/multi-tiff_Channel_0.tif',
    'tiff/skimage/_blobs_3d_fiji_skeleton.tif',
]

LENGTH = {'m': 0, 'meter': 0, 'metre': 0, 'dm': -1, 'cm': -2, 'mm': -3, 'µm': -6, 'μm': -6, 'um': -6,
          'micron': -6, 'microns': -6, 'micrometer': -6, 'micrometre': -6, 'nm': -9, 'nanometer': -9,
          'Å': -10, 'angstrom': -10, 'pm': -12}
TIME = {'s': 1, 'sec': 1, 'second': 1, 'seconds': 1, 'ms': 1e-3, 'msec': 1e-3, 'µs': 1e-6, 'μs': 1e-6,
        'us': 1e-6, 'ns': 1e-9, 'min': 60, 'h': 3600, 'hr': 3600}


def tidy(value):
    return float(f'{value:.12g}')


def number(text):
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) and value > 0 else None


def length(text, unit, exponent):
    value = number(text)
    if value is None or unit.strip() not in LENGTH:
        return None
    return tidy(value * 10.0 ** (LENGTH[unit.strip()] - exponent))


def seconds(text, unit):
    value = number(text)
    if value is None or unit.strip() not in TIME:
        return None
    return tidy(value * TIME[unit.strip()])


def iso(text):
    m = re.match(r'^\s*(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:?\d{2})?\s*$', text or '')
    if not m:
        return None
    datetime.date.fromisoformat(m.group(1))
    return f'{m.group(1)}T{m.group(2)}{m.group(3) or ""}'


class Part:
    """One flavour's values: dotted keys, and the channel list."""

    def __init__(self):
        self.values = {}
        self.channels = None

    def set(self, key, value):
        if value is None or (isinstance(value, str) and value.strip() == ''):
            return
        self.values[key] = value.strip() if isinstance(value, str) else value

    def channel(self, index, field, value):
        if value is None or (isinstance(value, str) and value.strip() == ''):
            return
        self.channels[index][field] = value.strip() if isinstance(value, str) else value


def local(tag):
    return tag.rsplit('}', 1)[-1]


def kids(node, name):
    return [child for child in list(node) if local(child.tag) == name] if node is not None else []


def kid(node, name):
    found = kids(node, name)
    return found[0] if found else None


def attr_or_child(node, name):
    if node is None:
        return None
    if name in node.attrib:
        return node.attrib[name]
    child = kid(node, name)
    return None if child is None else (child.text or '').strip()


def referenced_or_only(candidates, ref):
    # the element the reference names; with no reference, the only candidate when there is one
    if ref is None:
        return candidates[0] if len(candidates) == 1 else None
    return next((c for c in candidates if c.get('ID') == ref.get('ID')), None)


DIMENSION_ORDERS = ('XYZCT', 'XYZTC', 'XYCTZ', 'XYCZT', 'XYTCZ', 'XYTZC')
LIGHT_SOURCE_KINDS = ('Laser', 'LightEmittingDiode', 'Arc', 'Filament')


def rgba_color(text):
    """OME's Channel Color (a signed 32-bit RGBA integer) as RRGGBB."""
    try:
        value = int(text)
    except (TypeError, ValueError):
        return None
    return f'{value & 0xFFFFFFFF:08X}'[:6] if -2**31 <= value < 2**32 else None


def ome_part(root):
    part = Part()
    image = kid(root, 'Image')
    if image is None:
        return part
    instrument = referenced_or_only(kids(root, 'Instrument'), kid(image, 'InstrumentRef'))
    microscope = kid(instrument, 'Microscope')
    if microscope is not None:
        part.set('instrument.manufacturer', microscope.get('Manufacturer'))
        part.set('instrument.model', microscope.get('Model'))
    settings = kid(image, 'ObjectiveSettings')
    if settings is None:
        settings = kid(image, 'ObjectiveRef')
    objective = referenced_or_only(kids(instrument, 'Objective'), settings) if instrument is not None else None
    if objective is not None:
        part.set('objective.name', objective.get('Model'))
        part.set('objective.magnification', number(attr_or_child(objective, 'NominalMagnification')))
        part.set('objective.na', number(attr_or_child(objective, 'LensNA')))
        part.set('objective.immersion', attr_or_child(objective, 'Immersion'))
        distance = length(objective.get('WorkingDistance'), objective.get('WorkingDistanceUnit', 'µm'), -6)
        part.set('objective.working_distance_um', distance if distance is not None and distance > 0 else None)
    pixels = kid(image, 'Pixels')
    if pixels is not None:
        for axis in 'XYZ':
            part.set(f'pixel_size_um.{axis.lower()}', length(pixels.get(f'PhysicalSize{axis}'), pixels.get(f'PhysicalSize{axis}Unit', 'µm'), -6))
        part.set('time_increment_s', seconds(pixels.get('TimeIncrement'), pixels.get('TimeIncrementUnit', 's')))
        # the order as stated; BigEndian is left to the TIFF header, whose order the samples are in
        order = pixels.get('DimensionOrder')
        part.set('storage.dimension_order', order if order in DIMENSION_ORDERS else None)
    channels = kids(pixels, 'Channel') or kids(image, 'LogicalChannel')
    part.channels = [{} for _ in channels]
    exposure = {}
    for plane in kids(pixels, 'Plane'):
        c = plane.get('TheC', '0')
        if c not in exposure and plane.get('ExposureTime') is not None:
            value = seconds(plane.get('ExposureTime'), plane.get('ExposureTimeUnit', 's'))
            if value is not None:
                exposure[c] = value
    for i, channel in enumerate(channels):
        part.channel(i, 'name', channel.get('Name'))
        part.channel(i, 'fluor', channel.get('Fluor'))
        ex = length(channel.get('ExcitationWavelength'), channel.get('ExcitationWavelengthUnit', 'nm'), -9) or length(channel.get('ExWave'), 'nm', -9)
        if ex is None:
            light = kid(channel, 'LightSourceSettings')
            if light is not None:
                ex = length(light.get('Wavelength'), light.get('WavelengthUnit', 'nm'), -9)
                if ex is None and instrument is not None:
                    source = next((s for s in list(instrument) if s.get('ID') == light.get('ID')), None)
                    laser = source if source is not None and local(source.tag) == 'Laser' else kid(source, 'Laser')
                    if laser is not None:
                        ex = length(laser.get('Wavelength'), laser.get('WavelengthUnit', 'nm'), -9)
        part.channel(i, 'excitation_nm', ex)
        part.channel(i, 'emission_nm', length(channel.get('EmissionWavelength'), channel.get('EmissionWavelengthUnit', 'nm'), -9) or length(channel.get('EmWave'), 'nm', -9))
        part.channel(i, 'exposure_s', exposure.get(str(i)))
        part.channel(i, 'color', rgba_color(channel.get('Color')))
        # the kind of the light source LightSourceSettings names: its element, or (2008) the LightSource's child
        light = kid(channel, 'LightSourceSettings')
        source = None if light is None or instrument is None else next((s for s in list(instrument) if s.get('ID') == light.get('ID')), None)
        elements = [] if source is None else list(source) if local(source.tag) == 'LightSource' else [source]
        part.channel(i, 'light_source_kind', next((k for k in LIGHT_SOURCE_KINDS if any(local(e.tag) == k for e in elements)), None))
        # the detector the channel's DetectorSettings (2008: DetectorRef) names, none guessed
        ref = kid(channel, 'DetectorSettings')
        if ref is None:
            ref = kid(channel, 'DetectorRef')
        detector = None if ref is None else next((d for d in kids(instrument, 'Detector') if d.get('ID') == ref.get('ID')), None)
        if detector is not None:
            for field, attribute in (('manufacturer', 'Manufacturer'), ('model', 'Model'), ('type', 'Type'), ('serial', 'SerialNumber')):
                part.channel(i, f'detector_{field}', detector.get(attribute))
    date = kid(image, 'AcquisitionDate')
    if date is None:
        date = kid(image, 'CreationDate')
    if date is not None:
        part.set('acquired_at', iso((date.text or '').strip()))
    return part


def objective_from_name(name):
    out = {}
    m = re.search(r'(?:^|[\s(])(\d{1,3}(?:\.\d+)?)\s*[x×]\s*/\s*(\d(?:\.\d+)?)(?=$|[\s,)])', name, re.I)
    if m:
        out['magnification'] = float(m.group(1))
        if 0 < float(m.group(2)) < 2:
            out['na'] = float(m.group(2))
    media = {'oil': 'Oil', 'water': 'Water', 'glycerol': 'Glycerol', 'glycerin': 'Glycerol', 'silicone': 'Silicone', 'air': 'Air'}
    for word in re.split(r'[^a-z]+', name.lower()):
        if word in media:
            out['immersion'] = media[word]
            break
    return out


def lsm_part(meta):
    part = Part()
    for axis in 'XY':
        value = meta.get(f'VoxelSize{axis}', 0)
        part.set(f'pixel_size_um.{axis.lower()}', tidy(value * 1e6) if value > 0 else None)
    if meta.get('DimensionZ', 1) > 1 and meta.get('VoxelSizeZ', 0) > 0:
        part.set('pixel_size_um.z', tidy(meta['VoxelSizeZ'] * 1e6))
    if meta.get('DimensionTime', 1) > 1 and meta.get('TimeIntervall', 0) > 0:
        part.set('time_increment_s', meta['TimeIntervall'])
    info = meta.get('ScanInformation') or {}
    objective = info.get('Objective')
    if isinstance(objective, str):
        part.set('objective.name', objective)
        for field, value in objective_from_name(objective).items():
            part.set(f'objective.{field}', value)
    start = info.get('Sample0time')
    if isinstance(start, float) and start > 1:
        when = datetime.datetime(1899, 12, 30) + datetime.timedelta(days=start)
        part.set('acquired_at', when.replace(microsecond=0).isoformat())
    channels = []
    for track in info.get('Tracks', []):
        if track.get('Acquire', 1) == 0:
            continue
        lines = [l for l in track.get('IlluminationChannels', []) if l.get('Aquire', 1) != 0]
        wavelength = lines[0].get('Wavelength') if len(lines) == 1 else None
        for detector in track.get('DetectionChannels', []):
            if detector.get('Acquire', 1) != 0:
                channels.append((detector.get('ChannelName'), detector.get('DyeName'), wavelength if wavelength and wavelength > 0 else None, detector.get('PointDetectorName')))
    if len(channels) == meta.get('DimensionChannels'):
        part.channels = [{} for _ in channels]
        for i, (name, dye, ex, detector) in enumerate(channels):
            part.channel(i, 'name', name)
            part.channel(i, 'fluor', dye)
            part.channel(i, 'excitation_nm', ex)
            part.channel(i, 'detector_name', detector)
    return part


def scanimage_part(tif, page):
    part = Part()
    if page.description.startswith('state.'):
        state = scanimage_description_metadata(page.description)
        version = state.get('state.software.version')
        part.set('software', None if version is None else f'ScanImage {version}')
        trigger = re.match(r'^(\d{1,2})/(\d{1,2})/(\d{4}) (\d{1,2}):(\d{2}):(\d{2}(?:\.\d+)?)$', str(state.get('state.internal.triggerTimeString', '')))
        if trigger:
            mo, d, y, h, mi, s = trigger.groups()
            part.set('acquired_at', iso(f'{y}-{int(mo):02d}-{int(d):02d}T{int(h):02d}:{mi}:{s.zfill(2)}'))
        if (state.get('state.acq.numberOfZSlices') or 1) > 1 and (state.get('state.acq.zStepSize') or 0) > 0:
            part.set('pixel_size_um.z', state['state.acq.zStepSize'])
    meta = tif.scanimage_metadata or {}
    si = dict(meta.get('FrameData') or {})
    if page.software.startswith('SI.'):
        software = matlabstr2py(page.software)
        if isinstance(software, dict):
            si.update(software)
    si = {key.replace('scanimage.SI.', 'SI.'): value for key, value in si.items()}
    if 'SI.VERSION_MAJOR' in si:
        minor = si.get('SI.VERSION_MINOR')
        part.set('software', f"ScanImage {si['SI.VERSION_MAJOR']}" + ('' if minor is None else f'.{minor}'))
    if (si.get('SI.hStackManager.numSlices') or 1) > 1 and (si.get('SI.hStackManager.stackZStepSize') or 0) > 0:
        part.set('pixel_size_um.z', si['SI.hStackManager.stackZStepSize'])
    if (si.get('SI.hScan2D.logAverageFactor') or 1) == 1 and (si.get('SI.hRoiManager.scanFramePeriod') or 0) > 0:
        part.set('time_increment_s', si['SI.hRoiManager.scanFramePeriod'])
    saved = si.get('SI.hChannels.channelSave')
    names = si.get('SI.hChannels.channelName')
    if saved is not None and names:
        saved = [saved] if isinstance(saved, (int, float)) else [int(c[0]) if isinstance(c, list) else int(c) for c in saved]
        part.channels = [{} for _ in saved]
        for i, channel in enumerate(saved):
            part.channel(i, 'name', names[channel - 1] if channel - 1 < len(names) else None)
    return part


def imagej_part(tif, page):
    part = Part()
    meta = tif.imagej_metadata or {}
    unit = str(meta.get('unit', '')).strip().replace('\\u00B5', 'µ')
    if unit.lower() not in ('', 'pixel', 'pixels', 'inch') and unit in LENGTH:
        for axis, code in (('x', 282), ('y', 283)):
            tag = page.tags.get(code)
            if tag is not None and tag.value[0] > 0 and tag.value[1] > 0:
                part.set(f'pixel_size_um.{axis}', length(tag.value[1] / tag.value[0], unit, -6))
        if isinstance(meta.get('spacing'), (int, float)):
            part.set('pixel_size_um.z', length(meta['spacing'], unit, -6))
    if isinstance(meta.get('finterval'), (int, float)):
        tunit = str(meta.get('tunit', '')).strip() or 's'
        part.set('time_increment_s', seconds(meta['finterval'], tunit))
    return part


# Converters and libraries as they sign the files they write (docs/acquisition.md): a Software tag
# or CZI Application naming one says what wrote the file, not what acquired it.
CONVERSION_PROGRAMS = re.compile(
    r'\b(tifffile|bio-?formats|loci|bfconvert|aicsimageio|bioio|pylibczirw|imagej|fiji|scikit-image|pillow|imageio)\b', re.I)


def tags_part(tif, page):
    part = Part()
    # how the file stores its first image: the header's byte order, its resolution levels
    part.set('storage.byte_order', 'little' if tif.byteorder == '<' else 'big')
    part.set('storage.resolution_levels', len(tif.series[0].levels))
    tags = page.tags
    software = tags.valueof(305)
    writer = isinstance(software, str) and CONVERSION_PROGRAMS.search(software)
    part.set('written_by' if writer else 'software', software)
    date = tags.valueof(306)
    if date:
        m = re.match(r'^\s*(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}:\d{2}:\d{2})', date)
        part.set('acquired_at', iso(f'{m.group(1)}-{m.group(2)}-{m.group(3)}T{m.group(4)}') if m else None)
    part.set('instrument.manufacturer', tags.valueof(271))
    part.set('instrument.model', tags.valueof(272))
    if tags.valueof(296) == 3:
        for axis, code in (('x', 282), ('y', 283)):
            value = tags.valueof(code)
            if value is not None and value[0] > 0 and value[1] > 0:
                part.set(f'pixel_size_um.{axis}', tidy(value[1] / value[0] * 1e4))
    return part


def micromanager_part(page):
    part = Part()
    try:
        meta = json.loads(page.tags.valueof(51123))
    except ValueError:
        return part
    version = meta.get('MicroManagerVersion')
    part.set('software', None if version is None else f'Micro-Manager {version}')
    for axis in 'xy':
        part.set(f'pixel_size_um.{axis}', number(meta.get('PixelSizeUm')))
    part.set('objective.name', meta.get('Objective-Label'))
    return part


def merge(parts):
    out = {}
    values = {}
    channels = None
    for part in parts:
        if part.channels is not None and any(part.channels) and channels is None:
            channels = [{} for _ in part.channels]
        for key, value in part.values.items():
            values.setdefault(key, value)
        if channels is not None and part.channels is not None and len(part.channels) == len(channels):
            for mine, theirs in zip(channels, part.channels):
                for field, value in theirs.items():
                    mine.setdefault(field, value)
    for key, value in values.items():
        group, _, field = key.partition('.')
        if field:
            out.setdefault(group, {})[field] = value
        else:
            out[key] = value
    if channels is not None:
        out['channels'] = channels
    return out or None


def tiff_parts(path):
    with tifffile.TiffFile(path) as tif:
        page = tif.pages[0]
        parts = []
        if tif.is_ome:
            parts.append(ome_part(ET.fromstring(page.description)))
        if tif.is_lsm:
            parts.append(lsm_part(tif.lsm_metadata))
        if tif.is_scanimage:
            parts.append(scanimage_part(tif, page))
        if 51123 in page.tags:
            parts.append(micromanager_part(page))
        if tif.is_imagej:
            parts.append(imagej_part(tif, page))
        parts.append(tags_part(tif, page))
        return parts


def main():
    expected = {}
    for path in sorted((ROOT / 'acquisition').rglob('*')):
        if path.suffix == '.xml':
            expected[str(path.relative_to(ROOT))] = merge([ome_part(ET.parse(path).getroot())])
        elif path.suffix in ('.tif', '.tiff', '.lsm'):
            expected[str(path.relative_to(ROOT))] = merge(tiff_parts(path))
    for name in TIFF_FILES:
        expected[name] = merge(tiff_parts(ROOT / name))
    OUT.write_text(json.dumps(expected, indent=1, ensure_ascii=False, sort_keys=True) + '\n')
    print(f'wrote {OUT} ({len(expected)} files)', file=sys.stderr)


if __name__ == '__main__':
    main()
