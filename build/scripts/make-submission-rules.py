#!/usr/bin/env python3
"""Regenerates shared/submission/generated/*.json, the repositories' rules AcqMeta checks
submissions against, from the repositories that publish them.

    python3 build/scripts/make-submission-rules.py \
        --ingest <ingest-validation-tools> --spreadsheet <dataset-metadata-spreadsheet> \
        --htan <data-models>

Each source is a checkout or a bare git directory (its HEAD is read). Only data files are
read (YAML, TSV, CSV), never the repositories' code; each output records the repository,
path, commit and licence of what it was made from. Run it, then review `git diff`.
"""
import argparse
import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / 'shared' / 'submission' / 'generated'

DIRECTORY_ASSAYS = ['confocal', 'lightsheet', 'imc-2d', 'segmentation-mask', 'histology']
TEMPLATES = ['confocal', 'lightsheet', 'imc-2d', 'segmentation-mask', 'histology', 'antibodies', 'contributors']
HTAN_COMPONENTS = ['Imaging Level 2', 'Imaging Level 3 Channels']
SCHEMA_DIR = 'src/ingest_validation_tools/directory-schemas'


class Source:
    """A repository on disk: a checkout or a bare git directory, read at HEAD."""

    def __init__(self, repo: str, where: str):
        self.repo = repo
        self.dir = where
        self.commit = self.git('rev-parse', 'HEAD').strip()
        self.licence = self.read('LICENSE').splitlines()[0].strip()

    def git(self, *args: str) -> str:
        done = subprocess.run(['git', '-C', self.dir, *args], capture_output=True)
        if done.returncode != 0:
            sys.exit(f'{self.repo} at {self.dir}: git {" ".join(args)}: {done.stderr.decode().strip()}')
        return done.stdout.decode('utf-8')

    def read(self, path: str) -> str:
        return self.git('show', f'HEAD:{path}')

    def files(self, folder: str) -> list:
        return self.git('ls-tree', '--name-only', 'HEAD', f'{folder}/').split()

    def cite(self, path: str) -> dict:
        return {'repository': self.repo, 'path': path, 'commit': self.commit, 'licence': self.licence}


def directory_schemas(src: Source) -> dict:
    schemas, sources = [], []
    for path in sorted(src.files(SCHEMA_DIR)):
        stem = Path(path).stem
        match = re.fullmatch(r'(.+)-v(\d+.*)', stem)
        if not path.endswith('.yaml') or not match or match[1] not in DIRECTORY_ASSAYS:
            continue
        text = src.read(path)
        if re.search(r'#\s*include:', text):
            sys.exit(f'{path}: "# include:" is not supported by this generator')
        data = yaml.safe_load(text)
        files = []
        for item in data['files']:
            entry = {'pattern': item['pattern'], 'required': bool(item.get('required', True))}
            for key in ('description', 'is_qa_qc', 'example'):
                if key in item:
                    entry[key] = item[key].strip() if isinstance(item[key], str) else item[key]
            files.append(entry)
        schema = {'assay': match[1], 'version': match[2], 'files': files}
        for flag in ('deprecated', 'draft'):
            if flag in data:
                schema[flag] = bool(data[flag])
        schemas.append(schema)
        sources.append(src.cite(path))
    return {'sources': sources, 'schemas': schemas}


def template_field(child: dict) -> dict:
    field = {'key': child['key'], 'label': child.get('prefLabel', child['key']), 'type': child['type']}
    config = child.get('configuration') or {}
    field['required'] = bool(config.get('required', False))
    for key in ('description', 'datatype', 'regex', 'minValue', 'maxValue'):
        if key in child:
            field[key] = child[key]
    if 'default' in child and isinstance(child['default'], dict):
        field['default'] = {'label': child['default'].get('label'), 'iri': child['default'].get('value')}
    if 'values' in child:
        terms = []
        for value in child['values']:
            if 'iri' in value:
                terms.append({'label': value['label'], 'iri': value['iri']})
            elif 'uri' in value:
                terms.append({'label': value.get('label') or value.get('termLabel'), 'iri': value['uri']})
        field['terms'] = terms
        removed = [a['termIri'] for a in child.get('actions') or [] if a.get('action') == 'delete']
        if removed:
            field['removedTerms'] = removed
    return field


def templates(src: Source) -> dict:
    out, sources = [], []
    for name in TEMPLATES:
        yml_path, tsv_path = f'{name}/latest/{name}.yml', f'{name}/latest/{name}.tsv'
        data = yaml.safe_load(src.read(yml_path))
        rows = list(csv.reader(io.StringIO(src.read(tsv_path)), delimiter='\t'))
        columns = rows[0]
        schema_id = None
        if 'metadata_schema_id' in columns and len(rows) > 1:
            schema_id = rows[1][columns.index('metadata_schema_id')] or None
        fields = [template_field(c) for c in data['children'] if isinstance(c, dict) and 'key' in c]
        out.append({
            'name': name,
            'title': data.get('name', name),
            'metadataSchemaId': schema_id,
            'columns': columns,
            'fields': fields,
        })
        sources += [src.cite(yml_path), src.cite(tsv_path)]
    return {'sources': sources, 'templates': out}


def split_list(text: str) -> list:
    return [part.strip() for part in text.split(',') if part.strip()]


def htan(src: Source) -> dict:
    path = 'HTAN.model.csv'
    rows = list(csv.DictReader(io.StringIO(src.read(path))))
    by_name = {row['Attribute'].strip(): row for row in rows}
    components = []
    for component in HTAN_COMPONENTS:
        row = by_name[component]
        attributes = []
        for name in split_list(row['DependsOn']):
            attr = by_name.get(name)
            if attr is None:
                sys.exit(f'{path}: {component} depends on {name}, which has no row')
            entry = {
                'name': name,
                'description': attr['Description'].strip(),
                'required': attr['Required'].strip().upper() == 'TRUE',
                'validValues': split_list(attr['Valid Values']),
            }
            if attr['Validation Rules'].strip():
                entry['validationRules'] = attr['Validation Rules'].strip()
            if attr['Source'].strip():
                entry['source'] = attr['Source'].strip()
            conditional = {v: split_list(by_name[v]['DependsOn']) for v in entry['validValues']
                           if v in by_name and by_name[v]['DependsOn'].strip()}
            if conditional:
                entry['dependsOnValue'] = conditional
            attributes.append(entry)
        components.append({'name': component, 'description': row['Description'].strip(), 'attributes': attributes})
    return {'sources': [src.cite(path)], 'components': components}


def write_all(outputs: dict) -> None:
    """Writes every file only once all were made: a source that fails leaves the bundle as it was."""
    OUT.mkdir(parents=True, exist_ok=True)
    for name, data in outputs.items():
        target = OUT / name
        temp = target.with_suffix('.json.tmp')
        temp.write_text(json.dumps(data, indent=1, ensure_ascii=False) + '\n', encoding='utf-8')
        temp.replace(target)
        print(f'wrote {target.relative_to(ROOT)}')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--ingest', required=True, help='hubmapconsortium/ingest-validation-tools')
    parser.add_argument('--spreadsheet', required=True, help='hubmapconsortium/dataset-metadata-spreadsheet')
    parser.add_argument('--htan', required=True, help='ncihtan/data-models')
    args = parser.parse_args()
    write_all({
        'hubmap-directory-schemas.json':
            directory_schemas(Source('hubmapconsortium/ingest-validation-tools', args.ingest)),
        'hubmap-templates.json': templates(Source('hubmapconsortium/dataset-metadata-spreadsheet', args.spreadsheet)),
        'htan-imaging.json': htan(Source('ncihtan/data-models', args.htan)),
    })


if __name__ == '__main__':
    main()
