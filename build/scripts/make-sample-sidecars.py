"""Writes the sidecars of build/sample-folder the way CloudScope writes them.

Bytes are Python's json.dumps(payload, indent=2, sort_keys=True), UTF-8, no final newline.
Header values follow docs/tiff-headers.md: tifffile's series[0], an S axis counted as C, other
axis letters replaced by the rank's default. Run with /usr/bin/python3 (Debian
python3-tifffile): python3 build/scripts/make-sample-sidecars.py
"""
import json
import pathlib

import tifffile

FOLDER = pathlib.Path(__file__).resolve().parents[1] / "sample-folder"
RANK_AXES = {2: "YX", 3: "ZYX", 4: "CZYX", 5: "TCZYX"}
BLANK = {name: "" for name in ("species", "sex", "genotype", "age", "region", "cell_type", "direction",
                               "condition", "condition2", "treatment", "treatment2", "date", "note")}
BLANK.update(depth=None, branch_order=None)


def header_of(image):
    """The read-only header keys plus default calibration, from tifffile's first series."""
    with tifffile.TiffFile(image) as tif:
        series = tif.series[0]
        axes = series.axes.replace("S", "C")
        if any(letter not in "TCZYX" for letter in axes):
            axes = RANK_AXES[len(series.shape)]
        sizes = dict(zip(axes, series.shape))
        return {
            "shape": repr(tuple(series.shape)),
            "dims": repr(tuple(axes)),
            "sizes": "{" + ", ".join(f"'{a}': {n}" for a, n in sizes.items()) + "}",
            "dtype": str(series.dtype),
            "num_channels": sizes.get("C", 1),
            "num_scenes": len(tif.series),
            "date": "",
            "time": "",
            "physical_unit_x": 1.0,
            "physical_unit_y": 1.0,
            "physical_label_x": "Pixels",
            "physical_label_y": "Pixels",
        }


def write_sidecar(relative, accepted, experiment, calibration=None):
    image = FOLDER / relative
    payload = {
        "version": 2,
        "accepted": accepted,
        "rois": [],
        "experiment_metadata": {**BLANK, **experiment},
        "image_header_metadata": {**header_of(image), **(calibration or {})},
        "analysis": [],
        "image_contrast": {},
    }
    pathlib.Path(f"{image}.json").write_bytes(json.dumps(payload, indent=2, sort_keys=True).encode("utf-8"))


write_sidecar(
    "cells/multi-channel.ome.tif",
    True,
    {"species": "mouse", "sex": "female", "genotype": "Thy1-GFP", "age": "P60", "region": "V1",
     "cell_type": "pyramidal neuron", "depth": 120.0, "condition": "control", "date": "2024-03-14",
     "note": "Three channels, 0.5 \u00b5m pixels."},
    {"physical_unit_x": 0.5, "physical_unit_y": 0.5, "physical_label_x": "um", "physical_label_y": "um"},
)
write_sidecar(
    "stacks/_blobs_3d_fiji_skeleton.tif",
    False,
    {"species": "rat", "region": "cortex", "cell_type": "arteriole", "depth": 85.5, "branch_order": 2,
     "direction": "descending", "condition": "hypoxia", "treatment": "none"},
)
write_sidecar("chessboard_GRAY_U16.tif", True, {"note": "A 16-bit test pattern."})
