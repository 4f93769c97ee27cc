/**
 * An acqstore collection (`x.ome.zarr` with `acqstore/acq_image_collection.json`), as CloudScope
 * exports a folder for CloudScope Web: which of its folders are its images. Each listed image is
 * read as a store of its own (`acq_images/<id>`, its sidecar inside); what the manifest lists
 * in another layout is named as a problem, never followed.
 */
import { isMemberName, COLLECTION_IMAGES_FOLDER, COLLECTION_MANIFEST_KEY, INSIDE_SIDECAR_KEY } from './store-name';
import { isObject, parseJson, quoted } from './store-keys';
import { NgffLinkError, NgffReadError, type ZarrStore } from './types';

/** Most bytes of a collection manifest read (a 10,000-image collection's is about 10 MB). */
export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

/** What a collection's manifest says of its images. */
export interface CollectionMembers {
  /** The image folders' names under `acq_images/`, in the manifest's order, each once. */
  members: readonly string[];
  /** The same names, to look one up. */
  listed: ReadonlySet<string>;
  /** The first entries AcqMeta does not read, each in words (`entry 3: its path "../x" is not acq_images/<name>`). */
  problems: string[];
  /** How many entries AcqMeta does not read, those named in `problems` included. */
  problemCount: number;
  /**
   * The file each image was exported from, by image folder name, as its entry names it: the
   * source's path in the folder exported (`day-1/ls_02.tif`), else the image's name; only text
   * fit to show (no control or direction characters, at most {@link MAX_SOURCE_LENGTH} long).
   */
  exportedFrom: ReadonlyMap<string, string>;
}

/** The acqstore manifest's `format` and the `version` AcqMeta reads. */
const FORMAT = 'acqstore-acq-image-collection';
const VERSION = 1;
/** Most problems named; the rest are counted. */
const MAX_NAMED = 5;
/** Most images a manifest may list (acqstore writes about 1 KB an image: 100,000 is about 100 MB). */
export const MAX_MEMBERS = 100_000;
/** Longest name of a source file shown. */
export const MAX_SOURCE_LENGTH = 1_024;
/**
 * Characters a name shown may not hold: controls, invisible formatting (those that reorder the
 * text around them, zero-width spaces, the soft hyphen) and line or paragraph separators; the
 * zero-width (non-)joiners that Persian and Indic names and emoji need are kept.
 */
const UNSHOWABLE = /[\p{Cc}\p{Zl}\p{Zp}]|(?![\u200c\u200d])\p{Cf}/u;

/**
 * Reads the collection manifest of `store`: null when the store has none (it is not a
 * collection), or only through a link. Fails with an {@link NgffReadError} when the manifest is not one AcqMeta reads
 * (not JSON, another format or version, no list of images).
 */
export async function readCollectionMembers(store: ZarrStore): Promise<CollectionMembers | null> {
  const bytes = await store.get(COLLECTION_MANIFEST_KEY, MAX_MANIFEST_BYTES).catch((error: unknown) => {
    // a link on the way to the manifest (an `acqstore` folder that is a link) is not looked
    // through: no collection is found there; the manifest itself a link is one that cannot be read
    if (error instanceof NgffLinkError && error.link !== COLLECTION_MANIFEST_KEY) return null;
    throw error;
  });
  return bytes === null ? null : membersOf(parseJson(bytes, COLLECTION_MANIFEST_KEY));
}

/** The members a parsed manifest lists; fails when it is not an acqstore collection manifest of the version read. */
export function membersOf(manifest: unknown): CollectionMembers {
  const where = COLLECTION_MANIFEST_KEY;
  if (!isObject(manifest)) throw new NgffReadError(`${where} is not a JSON object`);
  if (manifest.format !== FORMAT)
    throw new NgffReadError(`${where}: format ${quoted(manifest.format)} is not "${FORMAT}"`);
  if (manifest.version !== VERSION)
    throw new NgffReadError(`${where}: version ${quoted(manifest.version)} is not one AcqMeta reads (${VERSION})`);
  const entries = manifest.acq_images;
  if (!Array.isArray(entries)) throw new NgffReadError(`${where}: acq_images is not a list`);
  if (entries.length > MAX_MEMBERS)
    throw new NgffReadError(
      `${where} lists ${entries.length} images, more than the ${MAX_MEMBERS.toLocaleString('en-US')} AcqMeta reads in one collection`,
    );
  const members: string[] = [];
  const exportedFrom = new Map<string, string>();
  // one folder on a system that folds case or Unicode forms (macOS, Windows) is one image
  const folded = new Set<string>();
  const problems: string[] = [];
  let problemCount = 0;
  // only the first few are kept in words: a manifest of millions of bad entries costs no more
  const problem = (text: () => string): void => {
    if (problemCount++ < MAX_NAMED) problems.push(text());
  };
  entries.forEach((entry: unknown, i) => {
    const member = memberOf(entry);
    const key = typeof member === 'string' ? member.normalize('NFC').toLowerCase() : '';
    if (typeof member !== 'string') problem(() => `entry ${i + 1}: ${member.problem}`);
    else if (folded.has(key)) problem(() => `entry ${i + 1}: ${COLLECTION_IMAGES_FOLDER}/${member} is listed twice`);
    else {
      folded.add(key);
      members.push(member);
      const source = isObject(entry) ? sourceOf(entry) : null;
      if (source !== null) exportedFrom.set(member, source);
    }
  });
  return { members, listed: new Set(members), problems, problemCount, exportedFrom };
}

/** The file an entry says its image was exported from, when it is text fit to show; null otherwise. */
function sourceOf(entry: Record<string, unknown>): string | null {
  const source = isObject(entry.source) ? entry.source.relative_path : undefined;
  for (const text of [source, entry.name])
    if (typeof text === 'string' && text.trim() !== '' && text.length <= MAX_SOURCE_LENGTH && !UNSHOWABLE.test(text))
      return text;
  return null;
}

/** The image folder an entry names, or why it is not read. */
function memberOf(entry: unknown): string | { problem: string } {
  if (!isObject(entry)) return { problem: 'not a JSON object' };
  const imagePath = entry.ome_zarr_path;
  const name = typeof imagePath === 'string' ? imagePath.slice(COLLECTION_IMAGES_FOLDER.length + 1) : '';
  if (typeof imagePath !== 'string' || imagePath !== `${COLLECTION_IMAGES_FOLDER}/${name}` || !isMemberName(name))
    return { problem: `its ome_zarr_path ${quoted(imagePath)} is not ${COLLECTION_IMAGES_FOLDER}/<name>` };
  const expected = `${imagePath}/${INSIDE_SIDECAR_KEY}`;
  if (entry.sidecar_path !== expected)
    return { problem: `its sidecar_path ${quoted(entry.sidecar_path)} is not ${JSON.stringify(expected)}` };
  return name;
}

/** What image `member` of `collection` was exported from, as fields of its entry: `{ exportedFrom }`, or none. */
export function exportedFromOf(collection: CollectionMembers, member: string): { exportedFrom?: string } {
  const source = collection.exportedFrom.get(member);
  return source === undefined ? {} : { exportedFrom: source };
}

/** The problems of a collection in one sentence, the first few named. */
export function describeCollectionProblems({
  problems,
  problemCount,
}: Pick<CollectionMembers, 'problems' | 'problemCount'>): string {
  const named = problems.join('; ');
  const more = problemCount > problems.length ? `; and ${problemCount - problems.length} more` : '';
  return `this acqstore collection's manifest lists images AcqMeta does not read (${named}${more}); its other images are rows of their own.`;
}
