/**
 * The lab folder of the upload tests (command line, backend, app): two CZIs taken on one
 * Celldiscoverer 7, the folder's channel table, a `qa_qc/` report, and beside the folder the
 * facility's catalogue entry for the microscope.
 */
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Taken on a Celldiscoverer 7: three scenes, one DAPI channel. */
export const CD7_CZI = 'czitools_S3_1Pos_2Mosaic_T1_Z1_CH1.czi';

/** The lab folder's name. */
export const LAB = 'lab-folder';

/** The facility's description of its Celldiscoverer 7, as the Micro-Meta App writes one. */
export const CD7_TEXT = `${JSON.stringify(
  {
    Name: 'Facility CD7',
    Schema_ID: 'Instrument.json',
    ID: 'cd7',
    MicroscopeStand: { Schema_ID: 'InvertedMicroscopeStand.json', Manufacturer: 'Zeiss', Model: 'Celldiscoverer 7' },
    components: [],
  },
  null,
  2,
)}\n`;

/** The lab folder's channel table. */
export const CHANNELS =
  'Channel ID,Channel Name,Target Name,Fluorophore,is channel used for nuclei segmentation,is channel used for cell segmentation\n' +
  'Channel:0:0,DAPI,DNA,DAPI,Yes,No\n';

/** The lab folder's `qa_qc/resolution_report/resolution.txt`. */
export const RESOLUTION = 'PSF 0.21 µm\n';

/**
 * The files of the folder holding the lab folder `LAB` and the catalogue beside it, by path
 * relative to that folder (the empty `qa_qc/illumination_report/` is the caller's to make).
 */
export function uploadLabFiles(): Record<string, string | Uint8Array> {
  const czi = readFileSync(fileURLToPath(new URL(`../../../fixtures/formats/czi/${CD7_CZI}`, import.meta.url)));
  return {
    [`${LAB}/qa_qc/resolution_report/resolution.txt`]: RESOLUTION,
    [`${LAB}/a.czi`]: czi,
    [`${LAB}/b.czi`]: czi,
    [`${LAB}/acqmeta.channels.csv`]: CHANNELS,
    'acqmeta.instruments/cd7.json': CD7_TEXT,
  };
}

/** Writes `files` (path relative to `base` → content) under `base`, making the folders they need. */
export async function writeFiles(base: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(base, rel)), { recursive: true });
    await writeFile(path.join(base, rel), content);
  }
}

/**
 * The file `actual` and whether it holds the bytes of `expected`, for `toEqual([actual, true])`:
 * a failure names the file, and `toEqual` on the two buffers would compare them byte by byte in
 * JavaScript, seconds for a CZI.
 */
export async function sameBytes(actual: string, expected: string): Promise<[string, boolean]> {
  const [a, b] = await Promise.all([readFile(actual), readFile(expected)]);
  return [actual, a.equals(b)];
}

/** Fills `base` with the lab folder `LAB` (with an empty `qa_qc/illumination_report/`) and the catalogue beside it. */
export async function fillUploadLab(base: string): Promise<void> {
  await writeFiles(base, uploadLabFiles());
  await mkdir(path.join(base, LAB, 'qa_qc', 'illumination_report'), { recursive: true });
}

/** The dataset's values and people as `acqmeta dataset --set … --contributors` keeps them: nothing required is left. */
export const DATASET_TEXT = `${JSON.stringify(
  {
    version: 1,
    values: {
      acquisition_instrument_model: 'Lightsheet 7',
      acquisition_instrument_vendor: 'Zeiss Microscopy',
      analyte_class: 'Protein',
      is_targeted: 'Yes',
      parent_sample_id: 'HBM123.ABCD.456',
      preparation_protocol_doi: 'https://dx.doi.org/10.17504/protocols.io.abc123',
      source_storage_duration_unit: 'day',
      source_storage_duration_value: '3',
    },
    people: [
      {
        first_name: 'Ada',
        last_name: 'Lovelace',
        display_name: 'Ada Lovelace',
        affiliation: 'Analytical Engine Lab',
        orcid: '0000-0002-1825-0097',
        email: 'ada@example.org',
        is_contact: 'Yes',
        is_principal_investigator: 'Yes',
        is_operator: 'Yes',
      },
    ],
  },
  null,
  2,
)}\n`;
