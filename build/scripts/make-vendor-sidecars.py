#!/usr/bin/env python3
"""Writes test/fixtures/formats/sidecars/: for every CZI and ND2 fixture, the sidecar a new
AcqMeta sidecar must equal byte for byte — the one acqstore (the library behind CloudScope)
writes for the file, with AcqMeta's calibration. (CloudScope reads no LIF or OIB file, so
there is no sidecar of its own to compare those with.)

The readers are not bundled: pass the same source folders as make-formats-expected.py, whose
shims this script reuses.

    python3 build/scripts/make-vendor-sidecars.py --acqstore ACQSTORE/src \
        --czifile CZIFILE --nd2 ND2/src [--tifffile DIR]

(`--tifffile`: as for make-formats-expected.py, a folder holding a `tifffile` package.)

What comes from where:
- acqstore's AcqImage opens a copy of the file (no sidecar beside it) and writes its sidecar
  with `save_sidecar_json`, as CloudScope does on a first save.
- Calibration: acqstore writes a CZI's coordinate steps in metres labelled with a dimension
  name (docs/formats.md); AcqMeta writes µm labelled `um`. The four calibration values are
  replaced by expected.json's `calibration_um` (from the metadata, read independently), or
  1.0 / `Pixels` when the file declares none. Everything else is acqstore's.
Each result is loaded again by acqstore's own sidecar loader, which must accept it.
"""
import argparse
import importlib.util
import json
import os
import shutil
import sys
import tempfile
import types

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
FIXTURES = os.path.join(ROOT, 'test', 'fixtures', 'formats')
OUT = os.path.join(FIXTURES, 'sidecars')


def load_expected_script():
    """make-formats-expected.py as a module (its name holds dashes)."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'make-formats-expected.py')
    spec = importlib.util.spec_from_file_location('make_formats_expected', path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _Absent(types.ModuleType):
    """A module whose every attribute fails when used (never, for a sidecar write)."""

    def __getattr__(self, name):
        if name.startswith('__'):
            raise AttributeError(name)

        def absent(*a, **k):
            raise RuntimeError(f'{self.__name__}.{name} is not installed here')
        return absent


class _AbsentFinder:
    """Imports `names` (and their submodules) as absent modules when they are not installed."""

    def __init__(self, names):
        self.names = names

    def find_spec(self, fullname, path=None, target=None):
        if fullname.split('.')[0] not in self.names:
            return None
        return importlib.util.spec_from_loader(fullname, self, is_package=True)

    def create_module(self, spec):
        module = _Absent(spec.name)
        module.__path__ = []
        return module

    def exec_module(self, module):
        pass


def acqstore_sidecar(path):
    """The text acqstore's AcqImage writes beside a copy of `path`."""
    from acqstore.acq_image.acq_image import AcqImage
    with tempfile.TemporaryDirectory() as folder:
        copy = os.path.join(folder, os.path.basename(path))
        shutil.copyfile(path, copy)
        AcqImage(copy, load_images=False, load_analysis_csv=False).save_sidecar_json()
        with open(copy + '.json', encoding='utf-8') as f:
            return f.read()


def with_calibration(payload, calibration):
    """The payload with AcqMeta's calibration: µm labelled `um`, or 1.0 / `Pixels`."""
    header = payload['image_header_metadata']
    for axis in ('x', 'y'):
        value = (calibration or {}).get(axis)
        header[f'physical_unit_{axis}'] = float(value) if value else 1.0
        header[f'physical_label_{axis}'] = 'um' if value else 'Pixels'
    return payload


def check_loads(path, text):
    """acqstore loads `text` as the sidecar of a copy of `path` (raises when it refuses)."""
    from acqstore.acq_image.acq_image import AcqImage
    with tempfile.TemporaryDirectory() as folder:
        copy = os.path.join(folder, os.path.basename(path))
        shutil.copyfile(path, copy)
        image = AcqImage(copy, load_images=False, load_analysis_csv=False)
        image._load_sidecar_payload(json.loads(text), source=copy + '.json')


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    for name in ('acqstore', 'czifile', 'nd2'):
        parser.add_argument(f'--{name}', required=True)
    parser.add_argument('--tifffile')
    args = parser.parse_args()
    expected_script = load_expected_script()
    # AcqImage imports its analyses' libraries; a sidecar write uses none of them
    sys.meta_path.append(_AbsentFinder({
        name for name in ('pandas', 'scipy', 'skimage', 'plotly') if importlib.util.find_spec(name) is None}))
    expected_script.setup(types.SimpleNamespace(
        acqstore=args.acqstore, czifile=args.czifile, nd2=args.nd2, readlif=None, oiffile=None, tifffile=args.tifffile))
    with open(os.path.join(FIXTURES, 'expected.json'), encoding='utf-8') as f:
        expected = json.load(f)
    for name in sorted(n for n in expected if n.startswith(('czi/', 'nd2/'))):
        path = os.path.join(FIXTURES, name)
        payload = json.loads(acqstore_sidecar(path))
        text = json.dumps(with_calibration(payload, expected[name].get('calibration_um')), indent=2, sort_keys=True)
        check_loads(path, text)
        out = os.path.join(OUT, name + '.json')
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, 'w', encoding='utf-8', newline='') as f:
            f.write(text)
        print(out)


if __name__ == '__main__':
    sys.exit(main())
