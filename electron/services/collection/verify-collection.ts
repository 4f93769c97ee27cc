/**
 * The check of a staged collection's documents before it is put in place: every document
 * acqstore's contract defines keeps it and is written as acqstore writes JSON; the rules the
 * schema cannot state hold (paths inside the collection and naming what is there, ids unique,
 * no reference image declared). Each image's pixels are read back as it is written
 * (read-back-image.ts). Throws a {@link VerifyError} naming the first problem.
 */
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ANALYSIS_TABLES, memberPaths, type ExportImage } from '../../../shared/ngff/export/collection-documents';
import { COLLECTION_MANIFEST_KEY } from '../../../shared/ngff/store-name';
import { readJson } from '../../../shared/sidecar';
import { toPlain } from '../../../shared/sidecar';
import { writeJson } from '../../../shared/sidecar';
import { contractProblems, type ContractDocument } from './contract-check';

/** A staged collection that is not what was meant to be written. */
export class VerifyError extends Error {}

type Plain = Record<string, unknown>;

/** A collection-relative path that stays inside it: no leading `/`, no `..`, no empty step. */
function insidePath(root: string, relative: unknown, what: string): string {
  if (typeof relative !== 'string' || relative === '' || relative.startsWith('/'))
    throw new VerifyError(`${what} is not a path inside the collection`);
  const steps = relative.split('/');
  if (steps.some((step) => step === '' || step === '.' || step === '..' || step.includes('\\')))
    throw new VerifyError(`${what} (${relative}) is not a plain path inside the collection`);
  return path.join(root, ...steps);
}

/** Fails unless `file` is what it should be (a file or a folder), and not a link. */
async function mustBe(file: string, kind: 'file' | 'folder', what: string): Promise<void> {
  const stats = await lstat(file).catch(() => null);
  const ok = stats !== null && (kind === 'file' ? stats.isFile() : stats.isDirectory());
  if (!ok) throw new VerifyError(`${what} is not a ${kind} in the collection`);
}

/**
 * A written document, keeping the contract's `document`; one the export wrote itself (not a
 * sidecar it copied) must also be written as acqstore writes JSON.
 */
async function readDocument(file: string, what: string, document: ContractDocument, copied = false): Promise<Plain> {
  const text = await readFile(file, 'utf8');
  const read = readJson(text);
  if (!read.ok) throw new VerifyError(`${what} is not JSON: ${read.message}`);
  if (!copied && `${writeJson(read.value)}\n` !== text)
    throw new VerifyError(`${what} is not written as acqstore writes JSON (sorted keys, indent 2, a final newline)`);
  const value = toPlain(read.value);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new VerifyError(`${what} is not a JSON object`);
  const problems = contractProblems(document, value);
  if (problems.length > 0) throw new VerifyError(`${what} breaks acqstore's contract: ${problems.join('; ')}`);
  return value as Plain;
}

/** Checks one image's native manifest: its sidecar where the collection says, analyses with unique ids and result files that exist. */
async function checkNativeManifest(root: string, entry: Plain, id: string): Promise<void> {
  const manifest = await readDocument(
    insidePath(root, entry.manifest_path, `${id}'s manifest path`),
    `${id}'s manifest`,
    'nativeImageManifestV2',
  );
  const image = insidePath(root, entry.ome_zarr_path, `${id}'s image path`);
  if (
    insidePath(image, manifest.sidecar, `${id}'s sidecar`) !==
    insidePath(root, entry.sidecar_path, `${id}'s sidecar path`)
  )
    throw new VerifyError(`${id}'s manifest and the collection name different sidecars`);
  if (manifest.image_group !== '.') throw new VerifyError(`${id}'s image group is not its folder`);
  if ('reference_image' in manifest || 'reference_image_path' in entry)
    throw new VerifyError(`${id} declares a reference image, which an export does not write`);
  const ids = new Set<string>();
  for (const analysis of manifest.analyses as Plain[]) {
    const analysisId = analysis.id as string;
    if (ids.has(analysisId)) throw new VerifyError(`${id} lists analysis ${analysisId} twice`);
    ids.add(analysisId);
    for (const resource of Object.values(analysis.resources as Plain))
      if (resource !== null)
        await mustBe(insidePath(image, resource, `${analysisId}'s result`), 'file', `${analysisId}'s result`);
  }
}

/** Checks the collection manifest and every document it names; resolves to its entries. */
async function checkDocuments(root: string, images: readonly ExportImage[]): Promise<Plain[]> {
  const manifest = await readDocument(
    path.join(root, ...COLLECTION_MANIFEST_KEY.split('/')),
    'the collection manifest',
    'collectionManifestV1',
  );
  const entries = manifest.acq_images as Plain[];
  if (entries.length !== images.length)
    throw new VerifyError(`the collection manifest lists ${entries.length} images, not ${images.length}`);
  const ids = new Set<string>();
  const folders = new Set<string>();
  for (const [i, entry] of entries.entries()) {
    const id = entry.id as string;
    const expected = memberPaths((images[i] as ExportImage).id);
    if (id !== images[i]?.id || entry.ome_zarr_path !== expected.image)
      throw new VerifyError(`the collection manifest's image ${i + 1} is ${id}, not ${images[i]?.id}`);
    if (ids.has(id) || folders.has(entry.ome_zarr_path as string)) throw new VerifyError(`${id} is listed twice`);
    ids.add(id);
    folders.add(entry.ome_zarr_path as string);
    await mustBe(insidePath(root, entry.ome_zarr_path, `${id}'s image path`), 'folder', `${id}'s image`);
    await readDocument(
      insidePath(root, entry.sidecar_path, `${id}'s sidecar path`),
      `${id}'s sidecar`,
      'acqImageSidecarV2',
      true,
    );
    await checkNativeManifest(root, entry, id);
  }
  for (const name of Object.keys(ANALYSIS_TABLES)) {
    const table = (manifest.analysis_tables as Plain)[name];
    await mustBe(insidePath(root, table, `the ${name} table`), 'file', `the ${name} table`);
  }
  return entries;
}

/** Verifies the documents of the collection staged at `root`, written from `images` (whose pixels were read back as each was written). */
export async function verifyCollection(root: string, images: readonly ExportImage[]): Promise<void> {
  await checkDocuments(root, images);
}
