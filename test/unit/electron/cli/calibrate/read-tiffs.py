"""Prints, for each TIFF named, what tifffile reads of its calibration and a SHA-256 of its pixel
data as tifffile decodes it: one JSON object per line."""
import hashlib
import json
import sys
import xml.etree.ElementTree as ElementTree

import tifffile


def rational(value):
    return None if value is None else value[0] / value[1]


for path in sys.argv[1:]:
    with tifffile.TiffFile(path) as tif:
        page = tif.pages[0]
        tags = page.tags
        out = {
            'path': path,
            'x': rational(tags['XResolution'].value) if 'XResolution' in tags else None,
            'y': rational(tags['YResolution'].value) if 'YResolution' in tags else None,
            'unit': int(tags['ResolutionUnit'].value) if 'ResolutionUnit' in tags else None,
            'pixels': hashlib.sha256(tif.asarray().tobytes()).hexdigest(),
        }
        meta = tif.imagej_metadata
        if meta is not None:
            out['imagej'] = {k: meta.get(k) for k in ('unit', 'spacing', 'finterval', 'Labels')}
        if tif.is_ome:
            root = ElementTree.fromstring(tif.ome_metadata)
            ns = {'ome': root.tag[1:].split('}')[0]}
            pixels = root.find('ome:Image/ome:Pixels', ns)
            out['ome'] = {k: pixels.get(k) for k in (
                'PhysicalSizeX', 'PhysicalSizeXUnit', 'PhysicalSizeY', 'PhysicalSizeZ', 'TimeIncrement')}
            out['ome']['channels'] = [c.get('Name') for c in pixels.findall('ome:Channel', ns)]
        print(json.dumps(out))
