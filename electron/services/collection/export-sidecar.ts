/**
 * The sidecar each exported image carries: the source's own (or the one a first save would
 * write), shaped to acqstore's contract, its header lines following the exported axes; for a
 * file's images after the first, which CloudScope's one sidecar per file does not describe, one
 * made from that image's header, with the file's `accepted` and experiment fields.
 */
import type { FileCalibration, HeaderValues } from '../../../shared/api';
import { headerFromSizes } from '../../../shared/formats';
import type { ExportImage } from '../../../shared/ngff/export/collection-documents';
import { ExportRefusal } from '../../../shared/ngff/export/export-image';
import {
  createSidecar,
  Sidecar,
  toPlain,
  withHeaderValues,
  withTopLevel,
  writeJson,
  type JsonEntry,
} from '../../../shared/sidecar';
import { scanImage } from '../rows';
import { readSidecarFile } from '../sidecar';
import type { TiffScanner } from '../tiff';
import { contractProblems, SIDECAR_KEYS } from './contract-check';

/** What acqstore writes for a top-level key a sidecar lacks (older CloudScope sidecars have no `rois` or `image_contrast`). */
const EMPTY_SECTIONS: readonly JsonEntry[] = [
  { key: 'accepted', value: { kind: 'literal', value: true, offset: -1 } },
  { key: 'analysis', value: { kind: 'array', items: [], offset: -1 } },
  { key: 'experiment_metadata', value: { kind: 'object', entries: [], offset: -1 } },
  { key: 'image_contrast', value: { kind: 'object', entries: [], offset: -1 } },
  { key: 'image_header_metadata', value: { kind: 'object', entries: [], offset: -1 } },
  { key: 'rois', value: { kind: 'array', items: [], offset: -1 } },
];

/** The block acqstore writes only beside a reference image, which an export does not write. */
const REFERENCE_BLOCK = 'reference_image_metadata';

/** What a file's images after the first take from its sidecar: what was said of the whole acquisition. */
const FILE_WIDE = new Set(['accepted', 'experiment_metadata']);

/** The sidecar to copy: the image's own, or the one a first save would write; refuses one that cannot be read. */
export async function sidecarOf(absPath: string, scanner: TiffScanner): Promise<Sidecar> {
  const read = await readSidecarFile(absPath);
  if (read.state === 'ok') return read.sidecar;
  if (read.state === 'invalid')
    throw new ExportRefusal(`its sidecar cannot be read (${read.problems[0] ?? 'not a sidecar'})`);
  const scan = await scanImage(scanner, absPath);
  if (!scan.ok) throw new ExportRefusal(scan.message);
  return createSidecar(scan.info.header, scan.info.fileCalibration, {});
}

/**
 * The sidecar of one of a file's images after the first: the one a first save would write for
 * its header, with the file sidecar's `accepted` and experiment fields as they are written.
 */
export function laterImageSidecar(file: Sidecar, header: HeaderValues, calibration: FileCalibration | null): Sidecar {
  const created = createSidecar(header, calibration, {});
  const entries = created.root.entries.map(
    (entry) => (FILE_WIDE.has(entry.key) ? file.root.entries.find((own) => own.key === entry.key) : undefined) ?? entry,
  );
  const root = { ...created.root, entries };
  return new Sidecar(writeJson(root), root);
}

/**
 * The sidecar as a collection holds it, with its values and what was left out of it in words:
 * the top level acqstore's contract allows (a key it does not know, such as an old `_is_dirty`,
 * left out of the copy; a section an older sidecar lacks added, empty, as acqstore writes it;
 * a `reference_image_metadata` block left out, as acqstore writes one only with the reference
 * image); refuses one that still breaks it.
 */
export function contractSidecar(sidecar: Sidecar): { sidecar: Sidecar; values: unknown; notes: string[] } {
  const notes = sidecar.root.entries.some((entry) => entry.key === REFERENCE_BLOCK)
    ? [`its sidecar's ${REFERENCE_BLOCK} is left out of the copy: the collection holds no reference image`]
    : [];
  const shaped = withTopLevel(sidecar, (key) => SIDECAR_KEYS.has(key) && key !== REFERENCE_BLOCK, EMPTY_SECTIONS);
  const values = toPlain(shaped.root);
  const problems = contractProblems('acqImageSidecarV2', values);
  if (problems.length > 0) throw new ExportRefusal(`its sidecar breaks acqstore's contract: ${problems.join('; ')}`);
  return { sidecar: shaped, values, notes };
}

/**
 * The sidecar's text for the exported image: byte for byte, but for the shape, axes and sizes
 * when the image's axes are put in NGFF's order (an ImageJ TZCYX stack becomes TCZYX), so that
 * the sidecar still records the header of the image it goes with.
 */
export function exportedSidecarText(sidecar: Sidecar, image: ExportImage): string {
  const sizes = image.axes.map((axis, i): [string, number] => [axis.name.toUpperCase(), image.shape[i] as number]);
  const { shape, dims, sizes: sizesText } = headerFromSizes(sizes, image.dtype, 1);
  return withHeaderValues(sidecar, { shape, dims, sizes: sizesText }).text;
}
