#!/usr/bin/env python3
"""Writes test/fixtures/formats/expected.json: what independent readers report for every
vendor-format fixture (test/fixtures/formats/{czi,nd2,lif,oib}).

The readers are not bundled: pass the folders of their sources (a checkout or an unpacked
archive of each project), which are put on sys.path. Needs numpy 2 (czifile requires it).

    python3 build/scripts/make-formats-expected.py --acqstore ACQSTORE/src \
        --czifile CZIFILE --nd2 ND2/src --readlif READLIF --oiffile OIFFILE [--tifffile DIR]

(`--tifffile`: a folder holding a `tifffile` package for oiffile, e.g. one with a link to
Debian's /usr/lib/python3/dist-packages/tifffile, when the Python used lacks one.)

What comes from where:
- CZI and ND2 header values (shape, dims, sizes, dtype, num_channels, num_scenes, date, time)
  and acqstore's own calibration: acqstore's CziFileLoader / Nd2FileLoader, that is what
  CloudScope shows (acqstore reads CZI through czifile and ND2 through nd2).
- CZI scenes and plane counts: czifile's scenes; subblock positions: czifile's directory.
- ND2 plane counts, frame offsets, pixel size, wavelengths: the nd2 package.
- LIF: readlif (image list, dimensions, memory block offsets, scales); the header strings by
  AcqMeta's documented LIF rule (docs/formats.md), written here again independently.
- OIB: oiffile (axes, shape, dtype, settings); header strings by CloudScope's TIFF axis rule.
- Acquisition values: the metadata read again here with xml.etree, nd2's metadata and
  oiffile's settings, by the rules docs/formats.md states; a CZI scene's resolution levels from
  czifile's subblock directory.

Shims, all for running the readers here and none changing what they compute: czifile uses
Python 3.12's `type` statement, rewritten as plain assignments on older Pythons; header reads
need no codecs, so a missing imagecodecs is replaced by a module whose functions fail if
called; acqstore's loader modules import oirfile and platformdirs, and readlif imports PIL,
which are stubbed when absent (none is used for these reads).
"""
import argparse
import datetime
import importlib.util
import json
import os
import re
import sys
import types
import xml.etree.ElementTree as ET

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
FIXTURES = os.path.join(ROOT, 'test', 'fixtures', 'formats')


def stub(name, **attrs):
    """Installs an empty module `name` unless the real one imports."""
    try:
        __import__(name)
    except ImportError:
        module = types.ModuleType(name)
        module.__dict__.update(attrs)
        sys.modules[name] = module


def load_czifile(path):
    """Imports czifile from `path`, rewriting `type X = ...` statements on Python < 3.12."""
    source_path = os.path.join(path, 'czifile', 'czifile.py')
    source = open(source_path, encoding='utf-8').read()
    if sys.version_info < (3, 12):
        import re
        source = re.sub(r'^type (\w+) = .*$', r'\1 = object', source, flags=re.M)
    module = types.ModuleType('czifile')
    module.__file__ = source_path
    sys.modules['czifile'] = module
    exec(compile(source, source_path, 'exec'), module.__dict__)
    return module


def setup(args):
    class _Missing:
        def __getattr__(self, name):
            def missing(*a, **k):
                raise RuntimeError(f'imagecodecs stub: {name}')
            missing.__module__ = 'imagecodecs'
            return missing

    try:
        import imagecodecs  # noqa: F401
    except ImportError:
        sys.modules['imagecodecs'] = _Missing()
    stub('oirfile', METADATA=types.SimpleNamespace(LSMIMAGE='LSMIMAGE'))
    stub('platformdirs', user_config_dir=lambda *a, **k: os.path.join('/tmp', 'acqstore-config'))
    if importlib.util.find_spec('PIL') is None:
        stub('PIL', Image=types.ModuleType('PIL.Image'))
        sys.modules['PIL.Image'] = sys.modules['PIL'].Image
    for path in (args.nd2, args.readlif, args.oiffile, args.tifffile):
        if path:
            sys.path.insert(0, path)
    czifile = load_czifile(args.czifile)
    # acqstore's package __init__ imports the whole application; its loaders need only these
    for name, sub in (('acqstore', 'acqstore'), ('acqstore.acq_image', 'acqstore/acq_image')):
        module = types.ModuleType(name)
        module.__path__ = [os.path.join(args.acqstore, sub)]
        sys.modules[name] = module
    return czifile


def header_strings(sizes, dtype, scenes, date='', time=''):
    """CloudScope's header values from ordered (dim, size) pairs."""
    dims = [d for d, _ in sizes]
    shape = [int(n) for _, n in sizes]
    return {
        'shape': repr(tuple(shape)),
        'dims': repr(tuple(dims)),
        'sizes': repr(dict(zip(dims, shape))),
        'dtype': str(dtype),
        'num_channels': int(dict(sizes).get('C', 1)),
        'num_scenes': int(scenes),
        'date': date,
        'time': time,
    }


def acqstore_header(header):
    """The eight values acqstore writes into a sidecar, and its calibration of X and Y."""
    values = {
        'shape': str(header.shape), 'dims': str(header.dims), 'sizes': str(header.sizes),
        'dtype': str(header.dtype), 'num_channels': int(header.num_channels),
        'num_scenes': int(header.num_scenes), 'date': header.date, 'time': header.time,
    }
    coerced = header.with_coerced_physical_calibration()
    calibration = {}
    for axis in ('X', 'Y'):
        if axis in coerced.dims:
            i = coerced.dims.index(axis)
            calibration[axis.lower()] = [float(coerced.physical_units[i]), str(coerced.physical_units_labels[i])]
    return values, calibration


def number(text):
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if value == value and abs(value) != float('inf') else None


def put(target, key, value):
    if value is None or (isinstance(value, str) and not value.strip()):
        return
    target[key] = value.strip() if isinstance(value, str) else value


def local(tag):
    return tag.rsplit('}', 1)[-1]


# Converters and libraries as they sign the files they write (docs/acquisition.md): a Software tag
# or CZI Application naming one says what wrote the file, not what acquired it.
CONVERSION_PROGRAMS = re.compile(
    r'\b(tifffile|bio-?formats|loci|bfconvert|aicsimageio|bioio|pylibczirw|imagej|fiji|scikit-image|pillow|imageio)\b', re.I)


def czi_part_name(part):
    """A part's Name, else the model its maker gives it (ZEN names lasers and objectives only so)."""
    if part is None:
        return None
    name = part.get('Name')
    return name if name and name.strip() else part.findtext('Manufacturer/Model')


def czi_by_id(info, kind, ref):
    """The instrument's `kind` whose Id the element `ref` names."""
    if info is None or ref is None or ref.get('Id') is None:
        return None
    return next((e for e in info.findall(f'Instrument/{kind}') if e.get('Id') == ref.get('Id')), None)


LIGHT_SOURCE_KINDS = ('Laser', 'LightEmittingDiode', 'Arc', 'Filament')
# LAS X lookup tables of one colour, by name
LUT_COLORS = {'red': 'FF0000', 'green': '00FF00', 'blue': '0000FF', 'cyan': '00FFFF', 'magenta': 'FF00FF',
              'yellow': 'FFFF00', 'gray': 'FFFFFF', 'grey': 'FFFFFF'}


def czi_levels(czi, scene):
    """The resolution levels of a scene: the distinct factors by which its subblocks are stored smaller."""
    factors = {1}
    for e in czi.subblock_directory:
        if e.scene_index in (-1, scene):
            stored = dict(zip(e.dims, e.stored_shape))['X']
            if stored > 0:
                factors.add(max(1, round(dict(zip(e.dims, e.shape))['X'] / stored)))
    return len(factors)


def czi_acquisition(root, channel_count, levels):
    acq = {'sources': ['czi'], 'storage': {'resolution_levels': levels}}
    info = root.find('Metadata/Information') if root is not None else None
    find = (lambda path: info.find(path)) if info is not None else (lambda path: None)
    shown = root.findall('Metadata/DisplaySetting/Channels/Channel') if root is not None else []
    app = [t for t in (info.findtext('Application/Name') if info is not None else None,
                       info.findtext('Application/Version') if info is not None else None) if t]
    program = ' '.join(app) if app else None
    put(acq, 'written_by' if program and CONVERSION_PROGRAMS.search(program) else 'software', program)
    instrument = {}
    # the microscope the image's MicroscopeRef names, else the first; its Name, else its System
    micro = czi_by_id(info, 'Microscopes/Microscope', find('Image/MicroscopeRef'))
    if micro is None:
        micro = find('Instrument/Microscopes/Microscope')
    if micro is not None:
        put(instrument, 'model', micro.get('Name') if (micro.get('Name') or '').strip() else micro.findtext('System'))
    put(instrument, 'manufacturer', micro.findtext('Manufacturer/Manufacturer') if micro is not None else None)
    objective = {}
    objectives = info.findall('Instrument/Objectives/Objective') if info is not None else []
    ref = find('Image/ObjectiveSettings/ObjectiveRef')
    chosen = next((o for o in objectives if ref is not None and o.get('Id') == ref.get('Id')), objectives[0] if objectives else None)
    if chosen is not None:
        put(objective, 'name', czi_part_name(chosen))
        put(objective, 'magnification', number(chosen.findtext('NominalMagnification')))
        put(objective, 'na', number(chosen.findtext('LensNA')))
        put(objective, 'immersion', chosen.findtext('Immersion'))
        # ZEN writes the working distance in µm; 0 stands for none
        distance = number(chosen.findtext('WorkingDistance'))
        put(objective, 'working_distance_um', distance if distance is not None and distance > 0 else None)
    channels = []
    listed = (info.findall('Image/Dimensions/Channels/Channel') if info is not None else [])[:channel_count]
    for i, ch in enumerate(listed):
        c = {}
        # the channel's Name, else its DisplaySetting channel's (by Id, else by place when as many)
        display = next((d for d in shown if ch.get('Id') is not None and d.get('Id') == ch.get('Id')), None)
        if display is None and len(shown) == len(listed):
            display = shown[i]
        own = ch.get('Name')
        put(c, 'name', own if own and own.strip() else (display.get('Name') if display is not None else None))
        # the colour ZEN shows the channel in: #AARRGGBB (or #RRGGBB)
        shown_color = re.fullmatch(r'#(?:[0-9a-fA-F]{2})?([0-9a-fA-F]{6})', (display.findtext('Color') or '').strip()) if display is not None else None
        put(c, 'color', shown_color.group(1).upper() if shown_color else None)
        put(c, 'fluor', ch.findtext('Fluor'))
        # the light used (illumination peak, else the first light source's line); the dye's peak apart
        light = number(ch.findtext('IlluminationWavelength/SinglePeak'))
        if not light or light <= 0:
            light = number(ch.findtext('LightSourcesSettings/LightSourceSettings/Wavelength'))
        put(c, 'excitation_nm', light if light and light > 0 else None)
        put(c, 'dye_excitation_nm', number(ch.findtext('ExcitationWavelength')))
        put(c, 'emission_nm', number(ch.findtext('EmissionWavelength')))
        exposure = number(ch.findtext('ExposureTime'))
        put(c, 'exposure_s', None if exposure is None else exposure / 1e9)
        # the light source the first light source setting names; the emission filters of its filter set
        source = czi_by_id(info, 'LightSources/LightSource', ch.find('LightSourcesSettings/LightSourceSettings/LightSource'))
        put(c, 'light_source', czi_part_name(source))
        kinds = [e.tag for e in (source.find('LightSourceType') if source is not None and source.find('LightSourceType') is not None else [])]
        put(c, 'light_source_kind', next((k for k in LIGHT_SOURCE_KINDS if k in kinds), None))
        filter_set = czi_by_id(info, 'FilterSets/FilterSet', ch.find('FilterSet'))
        filters = [czi_part_name(czi_by_id(info, 'Filters/Filter', ref)) for ref in (filter_set.findall('EmissionFilters/EmissionFilterRef') if filter_set is not None else [])]
        put(c, 'emission_filter', '; '.join(f.strip() for f in filters if f and f.strip()) or None)
        # the detector the channel's DetectorSettings/Detector@Id names among Instrument/Detectors
        ref = ch.find('DetectorSettings/Detector')
        detector = None if ref is None else next((d for d in info.findall('Instrument/Detectors/Detector') if d.get('Id') == ref.get('Id')), None)
        if detector is not None:
            put(c, 'detector_name', detector.get('Name'))
            put(c, 'detector_manufacturer', detector.findtext('Manufacturer/Manufacturer'))
            put(c, 'detector_model', detector.findtext('Manufacturer/Model'))
            put(c, 'detector_serial', detector.findtext('Manufacturer/SerialNumber'))
            put(c, 'detector_type', detector.findtext('Type'))
        channels.append(c)
    channels += [{}] * (channel_count - len(channels))
    pixel = {}
    scaling = next(root.iter('Scaling'), None) if root is not None else None
    distances = {}
    for d in (scaling.findall('Items/Distance') if scaling is not None else []):
        value = number(d.findtext('Value'))
        if d.get('Id') and value is not None:
            distances.setdefault(d.get('Id'), value)
    for axis in 'XYZ':
        if distances.get(axis, 0) > 0:
            pixel[axis.lower()] = distances[axis] * 1e6
    interval = None
    for element in (root.iter('Interval') if root is not None else []):
        text = element.findtext('TimeSpan/Value')
        if text is not None and text.strip():
            interval = number(text)
            break
    put(acq, 'time_increment_s', interval if interval and interval > 0 else None)
    acquired = find('Image/AcquisitionDateAndTime')
    if acquired is not None and acquired.text and not acquired.text.strip().startswith('0001-01-01'):
        acq['acquired_at'] = acquired.text.strip()
    for key, value in (('instrument', instrument), ('objective', objective), ('pixel_size_um', pixel)):
        if value:
            acq[key] = value
    if any(channels):
        acq['channels'] = channels
    return acq


def czi_entry(czifile, path):
    from acqstore.acq_image.file_loaders.czi_file_loader import CziFileLoader
    header, calibration = acqstore_header(CziFileLoader(path).header)
    with czifile.CziFile(path) as czi:
        scenes = list(czi.scenes.values())
        scene = scenes[0]
        xml = czi.metadata()
        root = ET.fromstring(xml) if xml else None
        sizes = scene.sizes
        # the subblocks of plane (0, 0, 0) in czifile's order (mosaic tiles by M index: drawn in turn)
        plane0 = [e.file_position for e in scene.directory_entries
                  if all(e.start[e.dims.index(d)] == min(x.start[x.dims.index(d)] for x in scene.directory_entries if d in x.dims)
                         for d in e.dims if d not in ('X', 'Y', 'S'))]
        channel_count = int(scene._raw_sizes.get('C', 1))
        entry = {
            'format': 'czi',
            'header': header,
            'acqstore_calibration': calibration,
            'calibration_um': None if scene.mpp is None else {'x': scene.mpp[0], 'y': scene.mpp[1]},
            'planes': {k: int(sizes.get(k.upper(), 1)) for k in 'czt'},
            'images': [{'name': s.name, 'shape': repr(tuple(s.shape)), 'dims': repr(tuple(s.dims)), 'dtype': str(s.dtype)} for s in scenes],
            'compression': scene.compression.name,
            'plane0_subblocks': plane0,
            'attachments': [a.name for a in czi.attachment_directory],
            'acquisition': czi_acquisition(root, channel_count, czi_levels(czi, min((e.scene_index for e in scene.directory_entries if e.scene_index >= 0), default=0))),
        }
    return entry


def nd2_entry(path):
    import nd2
    from acqstore.acq_image.file_loaders.nd2_file_loader import Nd2FileLoader
    header, calibration = acqstore_header(Nd2FileLoader(path).header)
    with nd2.ND2File(path) as f:
        rdr = f._rdr
        sizes = {k: v for k, v in f.sizes.items() if k != 'P'}
        meta = f.metadata
        acq = {'sources': ['nd2']}
        app = rdr._app_info()
        put(acq, 'software', ' '.join(x for x in (app.get('SWNameString'), app.get('VersionString')) if x))
        raw = rdr._cached_raw_metadata()
        settings = raw.get('sPicturePlanes', {}).get('sSampleSetting', {})
        device = next(iter(settings.values()), {}).get('pDeviceSetting', {})
        put(acq.setdefault('instrument', {}), 'model', device.get('m_sMicroscopePhysFullName') or device.get('m_sMicroscopeFullName'))
        channels = []
        objective = {}
        for i, ch in enumerate(meta.channels or []):
            c = {}
            put(c, 'name', ch.channel.name)
            plane = list((raw['sPicturePlanes'].get('sPlaneNew') or raw['sPicturePlanes'].get('sPlane')).values())[i]
            put(c, 'fluor', plane.get('pFluorescentProbe', {}).get('m_sName'))
            color = ch.channel.color
            put(c, 'color', None if color is None else f'{color.r:02X}{color.g:02X}{color.b:02X}')
            put(c, 'excitation_nm', ch.channel.excitationLambdaNm)
            put(c, 'emission_nm', ch.channel.emissionLambdaNm)
            k = plane.get('uiSampleIndex') or i
            exposure = settings.get(f'a{k}', {}).get('dExposureTime')
            put(c, 'exposure_s', exposure / 1000 if exposure and exposure > 0 else None)
            channels.append(c)
            objective = {}
            put(objective, 'name', ch.microscope.objectiveName)
            put(objective, 'magnification', ch.microscope.objectiveMagnification)
            put(objective, 'na', ch.microscope.objectiveNumericalAperture)
        acq['objective'] = objective
        if any(channels):
            acq['channels'] = channels
        voxel = f.voxel_size()
        calibrated = raw.get('bCalibrated') and raw.get('dCalibration', 0) > 0
        pixel = {'x': voxel.x, 'y': voxel.y} if calibrated else {}
        z_loops = [loop for loop in f.experiment if loop.type == 'ZStackLoop']
        if z_loops and z_loops[0].parameters.stepUm:
            pixel['z'] = abs(z_loops[0].parameters.stepUm)
        if pixel:
            acq['pixel_size_um'] = pixel
        t_loops = [loop for loop in f.experiment if loop.type == 'TimeLoop']
        if t_loops and t_loops[0].parameters.periodMs > 0:
            acq['time_increment_s'] = t_loops[0].parameters.periodMs / 1000
        jdn = raw.get('dTimeAbsolute', 0)
        if jdn > 0:
            moment = datetime.datetime(1970, 1, 1) + datetime.timedelta(milliseconds=round((jdn - 2440587.5) * 86400000))
            acq['acquired_at'] = moment.isoformat(timespec='milliseconds') + 'Z'
        acq = {k: v for k, v in acq.items() if v != {}}
        return {
            'format': 'nd2',
            'header': header,
            'acqstore_calibration': calibration,
            'calibration_um': {'x': voxel.x, 'y': voxel.y} if calibrated else None,
            'planes': {k: int(sizes.get(k.upper(), 1)) for k in 'czt'},
            'images': [{'name': 'Position 0', 'shape': header['shape'], 'dims': header['dims'], 'dtype': header['dtype']}],
            'compression': f.attributes.compressionType or 'none',
            'frame0_offset': rdr._frame_offsets.get(0),
            'acquisition': acq,
        }


LIF_LETTERS = {1: 'X', 2: 'Y', 3: 'Z', 4: 'T', 5: 'C', 9: 'C', 10: 'M'}


def lif_sizes(dims, channels):
    """AcqMeta's LIF rule: T, M, C (channels × sweeps), Z, Y if not in the plane, then the plane."""
    ids = list(dims)
    plane, rest = ids[:2], ids[2:]
    def size(letter):
        n = 1
        for i in rest:
            if LIF_LETTERS.get(i) == letter:
                n *= dims[i]
        return n
    out = [('T', size('T')), ('M', size('M')), ('C', max(channels, 1) * size('C')), ('Z', size('Z')), ('Y', size('Y'))]
    out = [(d, n) for d, n in out if n > 1]
    out += [(LIF_LETTERS[i], dims[i]) for i in reversed(plane)]
    return out


def lif_entry(path):
    from readlif.reader import LifFile
    lif = LifFile(path)
    images = lif.image_list
    first = images[0]
    root = lif.xml_root
    element = next(e for e in root.iter('Element') if e.find('Data/Image') is not None)
    stamps = element.findtext('Data/Image/TimeStampList').split()
    moment = datetime.datetime(1601, 1, 1) + datetime.timedelta(microseconds=int(stamps[0], 16) // 10)
    moment = moment.replace(microsecond=moment.microsecond // 1000 * 1000)
    sizes = lif_sizes(first['dims_n'], first['channels'])
    dtype = 'uint8' if max(first['bit_depth']) <= 8 else 'uint16'
    plane = list(first['dims_n'])[:2]
    scale = first['scale_n']
    acq = {'sources': ['lif']}
    hardware = element.find("Data/Image/Attachment[@Name='HardwareSetting']")
    put(acq, 'software', hardware.get('Software'))
    acq['instrument'] = {'model': hardware.get('SystemTypeName')}
    confocal = next(hardware.iter('ATLConfocalSettingDefinition'))
    objective = {}
    put(objective, 'name', confocal.get('ObjectiveName'))
    put(objective, 'magnification', number(confocal.get('Magnification')))
    put(objective, 'na', number(confocal.get('NumericalAperture')))
    put(objective, 'immersion', confocal.get('Immersion'))
    acq['objective'] = objective
    c_size = dict(sizes).get('C', 1)
    active = [d for d in confocal.iter('Detector') if d.get('IsActive') == '1']
    bands = list(confocal.iter('MultiBand'))
    described = element.findall('Data/Image/ImageDescription/Channels/ChannelDescription')
    colors = [LUT_COLORS.get((d.get('LUTName') or '').strip().lower()) for d in described] if len(described) == c_size else []
    channels = None
    if len(active) == c_size:
        channels = []
        for d in active:
            c = {}
            band = next((m for m in bands if m.get('Channel') == d.get('Channel')), None)
            put(c, 'fluor', band.get('DyeName') if band is not None else None)
            put(c, 'detector_name', d.get('Name'))
            put(c, 'detector_type', d.get('Type'))
            channels.append(c)
    if any(colors):
        channels = channels or [{} for _ in colors]
        for c, color in zip(channels, colors):
            put(c, 'color', color)
    if channels and any(channels):
        acq['channels'] = channels
    pixel = {axis: 1 / scale[i] for axis, i in (('x', 1), ('y', 2), ('z', 3)) if scale.get(i)}
    if pixel:
        acq['pixel_size_um'] = pixel
    if scale.get(4):
        acq['time_increment_s'] = 1 / scale[4]
    acq['acquired_at'] = moment.isoformat(timespec='milliseconds') + 'Z'
    block = lif.offsets[0]
    return {
        'format': 'lif',
        'header': header_strings(sizes, dtype, len(images), moment.strftime('%Y%m%d'), moment.strftime('%H:%M:%S')),
        'calibration_um': {'x': 1 / scale[plane[0]], 'y': 1 / scale[plane[1]]},
        'planes': {'c': dict(sizes).get('C', 1), 'z': 1 if 3 in plane else dict(sizes).get('Z', 1), 't': dict(sizes).get('T', 1)},
        'images': [{'name': im['name'], 'shape': repr(tuple(n for _, n in lif_sizes(im['dims_n'], im['channels']))),
                    'dims': repr(tuple(d for d, _ in lif_sizes(im['dims_n'], im['channels']))),
                    'dtype': 'uint8' if max(im['bit_depth']) <= 8 else 'uint16'} for im in images],
        'block0': {'offset': block[0], 'size': block[1]},
        'acquisition': acq,
    }


def oib_entry(path):
    import oiffile
    with oiffile.OifFile(path) as oib:
        axes = oib.axes
        letters = axes.replace('S', 'C')
        dims = letters if all(a in 'TCZYX' for a in letters) else {2: 'YX', 3: 'ZYX', 4: 'CZYX', 5: 'TCZYX'}.get(len(axes), letters)
        main = oib.mainfile
        common = main['Acquisition Parameters Common']
        captured = datetime.datetime.strptime(common['ImageCaputreDate'], '%Y-%m-%d %H:%M:%S')
        sizes = list(zip(dims, oib.shape))
        pty_name = sorted(n for n in oib.glob('*.pty') if 'Thumb' not in n)[0]
        pty = oiffile.SettingsFile(oib.open_file(os.path.basename(pty_name)), 'pty')['Acquisition Parameters Common']
        ref = main['Reference Image Parameter']
        acq = {'sources': ['oib']}
        info = main['Version Info']
        acq['software'] = f"{info['SystemName']} {info['SystemVersion']}"
        acq['instrument'] = {'model': common['Acquisition Device']}
        acq['objective'] = {'name': ' '.join(pty['ObjectiveLens Name'].split()), 'magnification': float(pty['Magnification']), 'na': float(pty['ObjectiveLens NAValue'])}
        channels = []
        for i in range(dict(sizes).get('C', 1)):
            section = main[f'Channel {i + 1} Parameters']
            c = {}
            put(c, 'name', section.get('CH Name'))
            put(c, 'fluor', None if section.get('DyeName') == 'None' else section.get('DyeName'))
            put(c, 'excitation_nm', section.get('ExcitationWavelength') or None)
            put(c, 'emission_nm', section.get('EmissionWavelength') or None)
            channels.append(c)
        acq['channels'] = channels
        acq['pixel_size_um'] = {'x': ref['WidthConvertValue'], 'y': ref['HeightConvertValue']}
        acq['acquired_at'] = captured.isoformat() + f".{int(common['ImageCaputreDate+MilliSec']):03d}"
        return {
            'format': 'oib',
            'header': header_strings(sizes, oib.dtype, 1, captured.strftime('%Y%m%d'), captured.strftime('%H:%M:%S')),
            'calibration_um': {'x': ref['WidthConvertValue'], 'y': ref['HeightConvertValue']},
            'planes': {k: dict(sizes).get(k.upper(), 1) for k in 'czt'},
            'images': [{'name': main['File Info']['DataName'], 'shape': repr(tuple(oib.shape)), 'dims': repr(tuple(dims)), 'dtype': str(oib.dtype)}],
            'acquisition': acq,
        }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    for name in ('acqstore', 'czifile', 'nd2', 'readlif', 'oiffile'):
        parser.add_argument(f'--{name}', required=True, help=f'folder of the {name} sources')
    parser.add_argument('--tifffile', help='folder holding a tifffile package (for oiffile)')
    args = parser.parse_args()
    czifile = setup(args)
    out = {}
    for fmt in ('czi', 'nd2', 'lif', 'oib'):
        folder = os.path.join(FIXTURES, fmt)
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            key = f'{fmt}/{name}'
            if fmt == 'czi':
                out[key] = czi_entry(czifile, path)
            elif fmt == 'nd2':
                out[key] = nd2_entry(path)
            elif fmt == 'lif':
                out[key] = lif_entry(path)
            else:
                out[key] = oib_entry(path)
    with open(os.path.join(FIXTURES, 'expected.json'), 'w', encoding='utf-8') as f:
        json.dump(out, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write('\n')


if __name__ == '__main__':
    main()
