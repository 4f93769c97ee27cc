"""Reads an acqstore collection as a reader other than AcqMeta would, for the export's tests.

    python3 read-collection.py <collection.ome.zarr> <contract bundle.json> <source folder>

Every document the export wrote must be what Python's json.dumps(indent=2, sort_keys=True)
writes of it, plus a newline (acqstore's JSON); every JSON document is checked with python3-jsonschema (Draft 2020-12, formats checked) against
acqstore's contract; every chunk of every level is decoded with numcodecs' Blosc (c-blosc) and
laid out with numpy from the level's own zarr.json; each level must be the one above with every
other row and column; level 0 is compared with what tifffile reads of a TIFF source (its axes
put in NGFF's order, S read as C, axes of one element dropped); each analysis result table is
compared with its rows of the CSV beside the source (x.tif.<analysis>.csv), channel and roi_id
dropped, as Python's csv module writes them with newline line ends (pandas' to_csv). Prints one
JSON object.
"""
import csv
import hashlib
import io
import json
import os
import sys

import jsonschema
import numpy as np
import tifffile
from numcodecs import Blosc

root, bundle_path, sources = sys.argv[1:4]
contract = json.load(open(bundle_path, encoding='utf-8'))['schema']
validator_of = {
    name: jsonschema.Draft202012Validator(
        {'$ref': f'#/$defs/{name}', '$defs': contract['$defs']},
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )
    for name in ('collectionManifestV1', 'nativeImageManifestV2', 'acqImageSidecarV2')
}
problems = []


def as_python_writes(rel):
    with open(os.path.join(root, rel), encoding='utf-8') as f:
        text = f.read()
    value = json.loads(text)
    if json.dumps(value, indent=2, sort_keys=True) + '\n' != text:
        problems.append(f'{rel}: not written as json.dumps(indent=2, sort_keys=True) writes it')
    return value


def document(rel, kind):
    with open(os.path.join(root, rel), encoding='utf-8') as f:
        value = json.load(f)
    if kind != 'acqImageSidecarV2':
        as_python_writes(rel)
    for error in validator_of[kind].iter_errors(value):
        problems.append(f'{rel}: {error.message}')
    return value


def read_level(folder, meta):
    shape, chunks = meta['shape'], meta['chunk_grid']['configuration']['chunk_shape']
    out = np.zeros(shape, dtype=np.dtype(meta['data_type']).newbyteorder('<'))
    grid = [range(0, n, c) for n, c in zip(shape, chunks)]
    for corner in np.ndindex(*[len(g) for g in grid]):
        key = '/'.join(['c', *[str(i) for i in corner]])
        raw = Blosc().decode(open(os.path.join(folder, key), 'rb').read())
        block = np.frombuffer(raw, dtype=out.dtype).reshape(chunks)
        where = tuple(slice(i * c, min((i + 1) * c, n)) for i, c, n in zip(corner, chunks, shape))
        out[where] = block[tuple(slice(0, s.stop - s.start) for s in where)]
    return out


def tifffile_level0(path):
    with tifffile.TiffFile(path) as tif:
        series = tif.series[0]
        data, axes = series.asarray(), series.axes.replace('S', 'C')
    keep = [i for i, a in enumerate(axes) if a in 'YX' or data.shape[i] > 1]
    data = data.reshape([data.shape[i] for i in keep])
    axes = ''.join(axes[i] for i in keep)
    return np.transpose(data, [axes.index(a) for a in 'TCZYX' if a in axes])


def expected_table(source_csv, channel, roi_id):
    with open(source_csv, encoding='utf-8', newline='') as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    c, r = header.index('channel'), header.index('roi_id')
    keep = [i for i in range(len(header)) if i not in (c, r)]
    own = [row for row in body if float(row[c]) == channel and float(row[r]) == roi_id]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator='\n')
    for row in [header, *own]:
        writer.writerow([row[i] for i in keep])
    return out.getvalue()


tables = []
manifest = document('acqstore/acq_image_collection.json', 'collectionManifestV1')
for group_document in ('zarr.json', 'acq_images/zarr.json'):
    as_python_writes(group_document)
images = []
for entry in manifest['acq_images']:
    document(entry['sidecar_path'], 'acqImageSidecarV2')
    native = document(entry['manifest_path'], 'nativeImageManifestV2')
    for analysis in native['analyses']:
        table = analysis['resources']['table']
        if table is None:
            continue
        source_csv = os.path.join(sources, f"{entry['source']['relative_path']}.{analysis['analysis_name']}.csv")
        with open(os.path.join(root, entry['ome_zarr_path'], table), encoding='utf-8', newline='') as f:
            written = f.read()
        same = written == expected_table(source_csv, analysis['channel'], analysis['roi_id'])
        tables.append({'table': f"{entry['id']}/{table}", 'same': same})
    folder = os.path.join(root, entry['ome_zarr_path'])
    group = as_python_writes(os.path.join(entry['ome_zarr_path'], 'zarr.json'))
    multiscale = group['attributes']['ome']['multiscales'][0]
    levels = []
    for dataset in multiscale['datasets']:
        level_folder = os.path.join(folder, dataset['path'])
        meta = as_python_writes(os.path.join(entry['ome_zarr_path'], dataset['path'], 'zarr.json'))
        levels.append(read_level(level_folder, meta))
    halving = all(
        np.array_equal(levels[k], levels[k - 1][..., ::2, ::2][..., : levels[k].shape[-2], : levels[k].shape[-1]])
        for k in range(1, len(levels))
    )
    source = os.path.join(sources, entry['source']['relative_path'])
    same = None
    if source.lower().endswith(('.tif', '.tiff')):
        reference = tifffile_level0(source)
        same = reference.shape == levels[0].shape and np.array_equal(reference, levels[0])
    flat = levels[0].reshape((-1, *levels[0].shape[-2:]))
    images.append({
        'id': entry['id'],
        'source': entry['source']['relative_path'],
        'axes': [a['name'] for a in multiscale['axes']],
        'shapes': [list(level.shape) for level in levels],
        'dtype': str(levels[0].dtype),
        'halving': halving,
        'equals_tifffile': same,
        'plane_sha256': [hashlib.sha256(np.ascontiguousarray(p).tobytes()).hexdigest() for p in flat],
    })
print(json.dumps({'problems': problems, 'images': images, 'tables': tables}))
