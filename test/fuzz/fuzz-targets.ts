/**
 * What every fuzz case must satisfy. TIFF: the header reader resolves or rejects with one of
 * its own errors, within a bounded number of bytes read. Acquisition: the same, and the
 * acquisition metadata it reports is a well-formed model. Vendor files: the same, with only
 * VendorReadError allowed, and a header that holds together; then plane 0 decoded for a
 * preview (as the scan worker does) gives a well-formed picture or one of the readers' errors.
 * Sidecar: reading never throws, and a readable sidecar edits and round-trips like a real one.
 */
import { asAcquisition } from '../../shared/acquisition/acquisition-check';
import type { Acquisition } from '../../shared/acquisition/acquisition-types';
import { decodeVendorSamples, previewOfSamples } from '../../electron/services/tiff/decode-vendor-plane';
import { oibPlaneSource, readVendorHeader, VendorReadError, type VendorHeader } from '../../shared/formats';
import { parseSidecar, applyChanges, editSidecar, valueProblems } from '../../shared/sidecar';
import { writeJson } from '../../shared/sidecar/json-writer';
import { readTiffHeader, TiffReadError } from '../../shared/tiff';
import type { ByteSource } from '../../shared/tiff';

/** A case that broke a rule: a crash, a runaway read or a broken invariant. */
export class FuzzFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FuzzFailure';
  }
}

/** Bytes a header may read: the whole file a few times over (cache misses), never more. */
export function readBudget(size: number): number {
  return 8 * size + 64 * 1024;
}

/** The errors the header reader means to throw: its own, and plain `Error`s with a message. */
function isExpected(error: unknown): boolean {
  return (
    error instanceof TiffReadError || (error instanceof Error && error.constructor === Error && error.message !== '')
  );
}

/** A source over `bytes` that turns a read past the end or past the budget into a {@link FuzzFailure}. */
function budgetedSource(bytes: Uint8Array): ByteSource {
  let bytesRead = 0;
  return {
    size: bytes.length,
    read(offset, length) {
      if (offset < 0 || length < 0 || offset + length > bytes.length)
        throw new FuzzFailure(`read past the end: ${offset}+${length} of ${bytes.length}`);
      bytesRead += length;
      if (bytesRead > readBudget(bytes.length))
        throw new FuzzFailure(`read ${bytesRead} bytes of a ${bytes.length}-byte file`);
      return bytes.subarray(offset, offset + length);
    },
  };
}

/** Reads a TIFF header from memory; resolves `ok` or `rejected`, or throws a {@link FuzzFailure}. */
export async function fuzzTiff(bytes: Uint8Array): Promise<'ok' | 'rejected'> {
  const source = budgetedSource(bytes);
  try {
    await readTiffHeader(source, { maxBytes: readBudget(bytes.length) * 2 });
    return 'ok';
  } catch (error) {
    if (error instanceof FuzzFailure) throw error;
    if (isExpected(error)) return 'rejected';
    throw new FuzzFailure(`crashed: ${(error as Error)?.name}: ${(error as Error)?.message}`);
  }
}

/** Numbers of the acquisition model: finite, and positive where they measure something. */
function checkAcquisitionNumbers(acquisition: Acquisition): void {
  const numbers = [
    acquisition.objective?.magnification,
    acquisition.objective?.na,
    acquisition.pixel_size_um?.x,
    acquisition.pixel_size_um?.y,
    acquisition.pixel_size_um?.z,
    acquisition.time_increment_s,
    ...(acquisition.channels ?? []).flatMap((c) => [c.excitation_nm, c.emission_nm, c.exposure_s]),
  ];
  for (const value of numbers)
    if (value !== undefined && !(Number.isFinite(value) && value > 0))
      throw new FuzzFailure(`an acquisition number that is not a positive finite number: ${value}`);
}

/**
 * Reads a TIFF header from memory as {@link fuzzTiff} does, and checks its acquisition metadata:
 * absent, or a well-formed model (every key of its type, numbers finite and positive, a date in
 * ISO 8601, every value with its origin).
 */
export async function fuzzAcquisition(bytes: Uint8Array): Promise<'ok' | 'rejected'> {
  const source = budgetedSource(bytes);
  let info;
  try {
    info = await readTiffHeader(source, { maxBytes: readBudget(bytes.length) * 2 });
  } catch (error) {
    if (error instanceof FuzzFailure) throw error;
    if (isExpected(error)) return 'rejected';
    throw new FuzzFailure(`crashed: ${(error as Error)?.name}: ${(error as Error)?.message}`);
  }
  const acquisition = info.acquisition;
  if (acquisition === undefined) return 'ok';
  if (asAcquisition(JSON.parse(JSON.stringify(acquisition))) === undefined)
    throw new FuzzFailure(`a malformed acquisition: ${JSON.stringify(acquisition).slice(0, 400)}`);
  checkAcquisitionNumbers(acquisition);
  if (acquisition.acquired_at !== undefined && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(acquisition.acquired_at))
    throw new FuzzFailure(`acquired_at is not ISO 8601: ${acquisition.acquired_at}`);
  const origins = Object.keys(acquisition.origins ?? {}).length;
  if (origins === 0 && (acquisition.problems ?? []).length === 0)
    throw new FuzzFailure('an acquisition with neither values nor problems');
  return 'ok';
}

/** Reads a vendor header from memory as file `name`: the header, or null when rejected, or throws a {@link FuzzFailure}. */
function readVendor(bytes: Uint8Array, name: string): VendorHeader | null {
  let header;
  try {
    header = readVendorHeader(budgetedSource(bytes), name, { maxBytes: readBudget(bytes.length) * 2 });
  } catch (error) {
    if (error instanceof FuzzFailure) throw error;
    if (error instanceof VendorReadError && error.message !== '') return null;
    throw new FuzzFailure(`crashed: ${(error as Error)?.name}: ${(error as Error)?.message}`);
  }
  const { header: values, planes, images } = header;
  if (!/^\(.*\)$/.test(values.shape) || values.num_scenes < 1 || values.num_channels < 1)
    throw new FuzzFailure(`a broken header: ${JSON.stringify(values)}`);
  if (images.length !== values.num_scenes)
    throw new FuzzFailure(`${images.length} images for ${values.num_scenes} scenes`);
  if (![planes.c, planes.z, planes.t].every((n) => Number.isSafeInteger(n) && n >= 1))
    throw new FuzzFailure(`bad plane counts ${JSON.stringify(planes)}`);
  return header;
}

/** Largest plane a fuzz case decodes (the app allows far more; a case's memory is watched). */
const FUZZ_PLANE_BYTES = 16 * 1024 * 1024;

/** The errors a preview decode means to throw. */
const PREVIEW_ERRORS = new Set(['VendorReadError', 'TiffReadError', 'PlaneRangeError']);

/**
 * Reads a vendor header from memory as file `name` (`ok` or `rejected`), then decodes plane 0 of
 * a readable file as a preview would (an OIB's plane is located in its compound document): a
 * picture of the size it says, or one of the readers' errors; anything else is a {@link FuzzFailure}.
 */
export async function fuzzVendorPreview(bytes: Uint8Array, name: string): Promise<'ok' | 'rejected'> {
  const header = readVendor(bytes, name);
  if (header === null) return 'rejected';
  const plane = { c: 0, z: 0, t: 0 };
  try {
    if (header.format === 'oib') {
      oibPlaneSource(budgetedSource(bytes), plane, { maxBytes: readBudget(bytes.length) * 2 });
      return 'ok';
    }
    const raw = await decodeVendorSamples(budgetedSource(bytes), header, plane, FUZZ_PLANE_BYTES);
    const image = previewOfSamples(raw, 64);
    if (Buffer.from(image.data, 'base64').length !== image.width * image.height * image.channels)
      throw new FuzzFailure(`a preview whose pixels do not fill ${image.width} × ${image.height}`);
  } catch (error) {
    if (error instanceof FuzzFailure) throw error;
    if (!(error instanceof Error && PREVIEW_ERRORS.has(error.name) && error.message !== ''))
      throw new FuzzFailure(`preview crashed: ${(error as Error)?.name}: ${(error as Error)?.message}`);
  }
  return 'ok';
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads sidecar bytes as the app does; `ok` or `invalid`, or throws a {@link FuzzFailure}. */
export function fuzzSidecar(bytes: Uint8Array): 'ok' | 'invalid' {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return 'invalid';
  }
  const parsed = guard('parseSidecar', () => parseSidecar(text));
  if (!parsed.ok) {
    if (parsed.problems.length === 0) throw new FuzzFailure('invalid without a problem');
    return 'invalid';
  }
  const { sidecar } = parsed;
  // a leading byte order mark is read and left out of the sidecar's text (a save drops it)
  const unmarked = sidecar.byteOrderMark ? text.slice(1) : text;
  guard('fieldValues', () => sidecar.fieldValues());
  guard('headerValues', () => sidecar.headerValues());
  guard('valueProblems', () => valueProblems(sidecar));
  if (guard('applyChanges', () => applyChanges(sidecar, {})) !== unmarked)
    throw new FuzzFailure('an untouched sidecar did not keep its bytes');
  if (sidecar.canonical !== (writeJson(sidecar.root) === unmarked))
    throw new FuzzFailure(`the reader took the layout for ${sidecar.canonical ? '' : 'not '}the writer's`);
  const edited = guard('editSidecar', () => editSidecar(sidecar, { species: 'fuzz µ', depth: 1.5 }));
  if (edited.text !== writeJson(edited.root))
    throw new FuzzFailure('the edited text is not what the writer makes of the edited tree');
  const again = guard('parse edited', () => parseSidecar(edited.text));
  if (!again.ok) throw new FuzzFailure(`the edited sidecar does not parse: ${again.problems[0]?.message}`);
  const values = again.sidecar.fieldValues();
  if (values.species !== 'fuzz µ' || values.depth !== 1.5) throw new FuzzFailure('the edit did not stick');
  return 'ok';
}

function guard<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw new FuzzFailure(`${what} threw ${(error as Error)?.name}: ${(error as Error)?.message}`);
  }
}
