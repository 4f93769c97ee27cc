/**
 * Where a collection goes: a `.ome.zarr` name; when something is there, only a collection
 * AcqMeta wrote, only when asked, and never one that holds images being exported; put in place
 * by renames, the old collection removed only once the new one is in.
 */
import { lstat, readFile, realpath, rename } from 'node:fs/promises';
import path from 'node:path';
import { COLLECTION_MANIFEST_KEY } from '../../../shared/ngff/store-name';
import { isInside } from '../disk';

/** The end of `acqstore_version` in a collection AcqMeta wrote: a PEP 440 local label, `+acqmeta.<version>`. */
const PRODUCER_LABEL = /\+acqmeta\.[A-Za-z0-9.]+$/;

/** A destination the export will not write to, and why (`exists`: something is there and replacing it was not asked): nothing was written. */
export class DestinationRefused extends Error {
  constructor(
    message: string,
    readonly kind: 'exists' | 'refused' = 'refused',
  ) {
    super(message);
  }
}

/**
 * The `acqstore_version` of a collection AcqMeta writes, following acqstore `contract`'s layout:
 * AcqMeta's version as a PEP 440 local label (letters, digits and dots: `0.2.0-beta` → `0.2.0.beta`).
 */
export const producerVersion = (contract: string, version: string): string =>
  `${contract}+acqmeta.${version.replace(/[^A-Za-z0-9.]/g, '.')}`;

/** Whether the folder at `destination` is a collection AcqMeta wrote (its manifest says so). */
async function isOwnCollection(destination: string): Promise<boolean> {
  const text = await readFile(path.join(destination, ...COLLECTION_MANIFEST_KEY.split('/')), 'utf8').catch(() => null);
  if (text === null) return false;
  try {
    const version = (JSON.parse(text) as { acqstore_version?: unknown } | null)?.acqstore_version;
    return typeof version === 'string' && PRODUCER_LABEL.test(version);
  } catch {
    return false;
  }
}

/**
 * Fails unless the destination may be written: a `.ome.zarr` name; when something is there, a
 * collection AcqMeta wrote that `force` replaces and that holds none of `sources` (through a
 * link or not: replacing it would take them). Resolves to whether it replaces one.
 */
export async function checkDestination(
  destination: string,
  force: boolean,
  sources: readonly string[],
): Promise<boolean> {
  if (!/\.ome\.zarr$/i.test(path.basename(destination)))
    throw new DestinationRefused(`${path.basename(destination)}: a collection's name must end in .ome.zarr`);
  const stats = await lstat(destination).catch(() => null);
  if (stats === null) return false;
  if (!force) throw new DestinationRefused(`${destination} already exists`, 'exists');
  if (!stats.isDirectory() || !(await isOwnCollection(destination)))
    throw new DestinationRefused(`${destination} is not a collection AcqMeta wrote: it is not replaced`);
  const real = await realpath(destination);
  for (const source of sources) {
    const realSource = await realpath(source).catch(() => source);
    if (isInside(real, realSource))
      throw new DestinationRefused(`${destination} holds ${source}, which is being exported: it is not replaced`);
  }
  return true;
}

/**
 * Puts `staged` at `destination`; when `replace`, the old collection is moved to `old` first and
 * moved back if the new one cannot go in. Fails, saying where the old collection is, when it
 * can be neither replaced nor moved back: the caller must then keep `old`.
 */
export async function install(staged: string, destination: string, replace: boolean, old: string): Promise<void> {
  if (!replace) {
    await rename(staged, destination);
    return;
  }
  await rename(destination, old);
  try {
    await rename(staged, destination);
  } catch (error) {
    await rename(old, destination).catch(() => {
      throw new KeptAside(old, error);
    });
    throw error;
  }
}

/** The old collection could not be put back: it is kept at `where`. */
export class KeptAside extends Error {
  constructor(
    readonly where: string,
    cause: unknown,
  ) {
    super(
      `the collection could not be replaced (${cause instanceof Error ? cause.message : String(cause)}), nor the old one put back: it is kept at ${where}`,
    );
  }
}
