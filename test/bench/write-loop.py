#!/usr/bin/python3
"""The reference for bulk writes: set one experiment field in every sidecar under a folder.

Usage: write-loop.py <folder> <field> <value> atomic|plain

For each `*.json` sidecar: json.load, set the field, json.dumps(indent=2, sort_keys=True) as
CloudScope writes it; `atomic` writes a temp file, fsyncs it and renames it over the sidecar,
`plain` writes the sidecar in place. Prints the number of files written.
"""
import json
import os
import sys

folder, field, value, mode = sys.argv[1:5]
written = 0
for directory, _, names in os.walk(folder):
    for name in names:
        if not name.endswith('.json'):
            continue
        path = os.path.join(directory, name)
        with open(path, encoding='utf-8') as f:
            payload = json.load(f)
        payload['experiment_metadata'][field] = value
        text = json.dumps(payload, indent=2, sort_keys=True)
        if mode == 'atomic':
            temp = path + '.tmp'
            with open(temp, 'w', encoding='utf-8') as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
            os.rename(temp, path)
        else:
            with open(path, 'w', encoding='utf-8') as f:
                f.write(text)
        written += 1
print(written)
