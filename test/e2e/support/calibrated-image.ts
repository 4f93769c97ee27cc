/**
 * An image that declares its own pixel size, added to a test's folder before the app opens it:
 * a small ImageJ TIFF saying 0.5 µm per pixel (`unit=um`, X/YResolution 2/1, as tifffile writes
 * with `imagej=True, resolution=(2, 2), metadata={'unit': 'um'}`), and a CloudScope sidecar that
 * still holds the default 1.0 / Pixels calibration.
 */

/** Relative path of the image inside the folder. */
export const CALIBRATED_IMAGE = 'calibrated/ramp_0.5um.tif';

const WIDTH = 16;
const HEIGHT = 12;
const DESCRIPTION = 'ImageJ=1.11a\nimages=1\nunit=um\n\0';

/** One IFD entry: tag code, TIFF type (2 ASCII, 3 SHORT, 4 LONG, 5 RATIONAL), count, value or offset. */
type Entry = [code: number, type: number, count: number, value: number];

/** A little-endian baseline TIFF of a WIDTH × HEIGHT uint8 ramp with the ImageJ calibration. */
function calibratedTiff(): Uint8Array {
  const entryCount = 12;
  const ifdSize = 2 + entryCount * 12 + 4;
  const descriptionAt = 8 + ifdSize;
  const resolutionAt = descriptionAt + DESCRIPTION.length + (DESCRIPTION.length % 2);
  const pixelsAt = resolutionAt + 8;
  const bytes = new Uint8Array(pixelsAt + WIDTH * HEIGHT);
  const view = new DataView(bytes.buffer);
  bytes.set([0x49, 0x49, 42, 0]);
  view.setUint32(4, 8, true);
  const entries: Entry[] = [
    [256, 3, 1, WIDTH], // ImageWidth
    [257, 3, 1, HEIGHT], // ImageLength
    [258, 3, 1, 8], // BitsPerSample
    [259, 3, 1, 1], // Compression: none
    [262, 3, 1, 1], // PhotometricInterpretation: min-is-black
    [270, 2, DESCRIPTION.length, descriptionAt], // ImageDescription
    [273, 4, 1, pixelsAt], // StripOffsets
    [277, 3, 1, 1], // SamplesPerPixel
    [278, 3, 1, HEIGHT], // RowsPerStrip
    [279, 4, 1, WIDTH * HEIGHT], // StripByteCounts
    [282, 5, 1, resolutionAt], // XResolution
    [283, 5, 1, resolutionAt], // YResolution (the same 2/1)
  ];
  view.setUint16(8, entryCount, true);
  entries.forEach(([code, type, count, value], i) => {
    const at = 10 + i * 12;
    view.setUint16(at, code, true);
    view.setUint16(at + 2, type, true);
    view.setUint32(at + 4, count, true);
    if (type === 3) view.setUint16(at + 8, value, true);
    else view.setUint32(at + 8, value, true);
  });
  view.setUint32(10 + entryCount * 12, 0, true);
  bytes.set(new TextEncoder().encode(DESCRIPTION), descriptionAt);
  view.setUint32(resolutionAt, 2, true);
  view.setUint32(resolutionAt + 4, 1, true);
  for (let i = 0; i < WIDTH * HEIGHT; i++) bytes[pixelsAt + i] = (i * 7) % 256;
  return bytes;
}

/** The header values of an image, as its sidecar stores them. */
export interface SidecarHeader {
  dims: string;
  dtype: string;
  num_channels: number;
  shape: string;
  sizes: string;
}

/**
 * A sidecar as CloudScope writes it (`json.dumps(indent=2, sort_keys=True)`) for an image with
 * this header, holding the default 1.0 / Pixels calibration.
 */
export function cloudscopeSidecar(header: SidecarHeader): string {
  return `{
  "accepted": false,
  "analysis": [],
  "experiment_metadata": {
    "age": "",
    "branch_order": null,
    "cell_type": "",
    "condition": "",
    "condition2": "",
    "date": "",
    "depth": null,
    "direction": "",
    "genotype": "",
    "note": "",
    "region": "",
    "sex": "",
    "species": "mouse",
    "treatment": "",
    "treatment2": ""
  },
  "image_contrast": {},
  "image_header_metadata": {
    "date": "",
    "dims": "${header.dims}",
    "dtype": "${header.dtype}",
    "num_channels": ${header.num_channels},
    "num_scenes": 1,
    "physical_label_x": "Pixels",
    "physical_label_y": "Pixels",
    "physical_unit_x": 1.0,
    "physical_unit_y": 1.0,
    "shape": "${header.shape}",
    "sizes": "${header.sizes}",
    "time": ""
  },
  "rois": [],
  "version": 2
}`;
}

const SIDECAR = cloudscopeSidecar({
  dims: "('Y', 'X')",
  dtype: 'uint8',
  num_channels: 1,
  shape: `(${HEIGHT}, ${WIDTH})`,
  sizes: `{'Y': ${HEIGHT}, 'X': ${WIDTH}}`,
});

/** The image and its sidecar, for the `extraFiles` option of the app fixture. */
export function calibratedImageFiles(): Record<string, string | Uint8Array> {
  return { [CALIBRATED_IMAGE]: calibratedTiff(), [`${CALIBRATED_IMAGE}.json`]: SIDECAR };
}
