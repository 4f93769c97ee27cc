#!/usr/bin/env python3
"""Regenerates shared/ngff/generated/acqstore-contract.json, the JSON Schema acqstore publishes
for the documents of an OME-Zarr collection, which AcqMeta checks its exports against.

    python3 build/scripts/make-acqstore-contract.py --acqstore <acqstore checkout or bare git dir>

Only the schema (a data file) is read, never acqstore's code; the output records the
repository, path, commit and licence it was taken from. Run it, then review `git diff`.
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / 'shared' / 'ngff' / 'generated' / 'acqstore-contract.json'
REPO = 'mapmanager/acqstore'
SCHEMA = 'src/acqstore/acq_image/io/export_schema/acqstore_ome_zarr_contract.schema.json'


def git(where, *args):
    done = subprocess.run(['git', '-C', where, *args], capture_output=True)
    if done.returncode != 0:
        sys.exit(f'{REPO} at {where}: git {" ".join(args)}: {done.stderr.decode().strip()}')
    return done.stdout.decode('utf-8')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--acqstore', required=True)
    where = parser.parse_args().acqstore
    commit = git(where, 'rev-parse', 'HEAD').strip()
    licence = ' '.join(git(where, 'show', 'HEAD:LICENSE').split()[:6]).rstrip(',')
    schema = json.loads(git(where, 'show', f'HEAD:{SCHEMA}'))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    bundle = {
        'sources': [{'repository': REPO, 'path': SCHEMA, 'commit': commit, 'licence': licence}],
        'schema': schema,
    }
    OUT.write_text(json.dumps(bundle, indent=2, ensure_ascii=False) + '\n', encoding='utf-8')
    print(f'wrote {OUT.relative_to(ROOT)} from {REPO} {commit[:12]}')


main()
