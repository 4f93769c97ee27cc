#!/usr/bin/env python3
"""Regenerates shared/instruments/generated/instrument-specs.json, the editable fields of a
microscope description's stand and common component types, from the Micro-Meta App's
published JSON schemas (the `schemas/` folder of WU-BIMAC/MicroMetaApp-Electron).

    python3 build/scripts/make-instrument-specs.py --schemas <MicroMetaApp-Electron>

The source is a checkout or a bare git directory (its HEAD is read). Only the schema files
named below are read, never the repository's code. For each field the output keeps its key,
its type, its allowed values (`enum`), its unit (the default of its `<Key>Unit` field) and the
tier at which the schema requires it (its `tier`, when the key is in the schema's `required`);
each entry records the repository, path, commit and licence it came from. Run it, then review
`git diff`.
"""
import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / 'shared' / 'instruments' / 'generated' / 'instrument-specs.json'
REPOSITORY = 'WU-BIMAC/MicroMetaApp-Electron'

MAKER = ['Name', 'Manufacturer', 'Model', 'CatalogNumber', 'LotNumber']
STAND = ('InvertedMicroscopeStand', MAKER + ['Type', 'Origin'])
# (schema, label the editor groups it under, the fields offered, in order)
COMPONENTS = [
    ('Objective', 'Objective',
     MAKER + ['Magnification', 'LensNA', 'ImmersionType', 'Correction', 'WorkingDistance']),
    ('Fluorescence_LightSource_Laser', 'Laser', MAKER + ['Type']),
    ('Fluorescence_LightSource_LightEmittingDiode', 'LED', MAKER + ['Type']),
    ('Fluorescence_LightSource_Arc', 'Arc lamp', MAKER + ['Type']),
    ('Fluorescence_LightSource_Filament', 'Filament lamp', MAKER + ['Type']),
    ('CCD', 'CCD camera', MAKER + ['Type', 'PixelWidth', 'PixelHeight']),
    ('CMOS', 'CMOS camera', MAKER + ['Type', 'PixelWidth', 'PixelHeight']),
    ('PhotoMultiplierTube', 'Photomultiplier tube', MAKER),
    ('HybridPhotoDetector', 'Hybrid detector', MAKER),
    ('ExcitationFilter', 'Excitation filter', MAKER + ['Type']),
    ('EmissionFilter', 'Emission filter', MAKER + ['Type']),
    ('StandardDichroic', 'Dichroic', MAKER + ['Type']),
    ('FilterCube', 'Filter cube', MAKER),
]
FIELD_TYPES = {'string': 'text', 'number': 'number', 'integer': 'number'}


class Source:
    """A repository on disk: a checkout or a bare git directory, read at HEAD."""

    def __init__(self, where: str):
        self.dir = where
        self.commit = self.git('rev-parse', 'HEAD').strip()
        self.licence = self.read('LICENSE').strip().splitlines()[0].strip()

    def git(self, *args: str) -> str:
        done = subprocess.run(['git', '-C', self.dir, *args], capture_output=True)
        if done.returncode != 0:
            sys.exit(f'{REPOSITORY} at {self.dir}: git {" ".join(args)}: {done.stderr.decode().strip()}')
        return done.stdout.decode('utf-8')

    def read(self, path: str) -> str:
        return self.git('show', f'HEAD:{path}')

    def cite(self, path: str) -> dict:
        return {'repository': REPOSITORY, 'path': path, 'commit': self.commit, 'licence': self.licence}


def label_of(key: str) -> str:
    """`LensNA` -> `Lens NA`, `CatalogNumber` -> `Catalog number`."""
    words = re.findall(r'[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+', key)
    return ' '.join(w if i == 0 or w.isupper() else w.lower() for i, w in enumerate(words))


def fields_of(src: Source, schema: str, keys: list) -> dict:
    path = f'schemas/{schema}.json'
    data = json.loads(src.read(path))
    properties, required = data['properties'], set(data.get('required', []))
    fields = []
    for key in keys:
        prop = properties.get(key)
        if prop is None:
            continue  # not a field of this schema version (e.g. no SerialNumber in 2.01)
        field = {'key': key, 'label': label_of(key),
                 'type': 'choice' if 'enum' in prop else FIELD_TYPES[prop['type']]}
        if 'enum' in prop:
            field['choices'] = prop['enum']
        unit = properties.get(f'{key}Unit', {}).get('default')
        if unit is not None:
            field['unit'] = unit
        if key in required and 'tier' in prop:
            field['requiredFromTier'] = prop['tier']
        fields.append(field)
    return {'schemaId': f'{schema}.json', 'title': data['title'], 'modelVersion': data.get('modelVersion'),
            'fields': fields, 'source': src.cite(path)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--schemas', required=True, help=f'a checkout or bare git directory of {REPOSITORY}')
    src = Source(parser.parse_args().schemas)
    stand = fields_of(src, *STAND)
    components = []
    for schema, label, keys in COMPONENTS:
        entry = fields_of(src, schema, keys)
        entry['label'] = label
        components.append(entry)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({'stand': stand, 'components': components}, indent=1, ensure_ascii=False) + '\n',
                   encoding='utf-8')
    print(f'wrote {OUT.relative_to(ROOT)}: the stand and {len(components)} component types, {REPOSITORY}@{src.commit}')


if __name__ == '__main__':
    main()
