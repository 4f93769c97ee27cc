/**
 * A submission target: what a lab profile's `x-target` (or `--target`, or the app's choice) names.
 * A name is a target when AcqMeta has a directory schema for it (`hubmap:<assay>`,
 * `hubmap:<assay>-v<version>`), a metadata file format (`htan:imaging-level-2`), or both
 * (`hubmap:confocal`: the layout and the metadata TSV).
 */
import type { DirectoryVerdict } from './directory-check';
import {
  HUBMAP_DIRECTORY_SCHEMAS,
  findTarget,
  targetName,
  targetNames,
  type DirectorySchema,
} from './directory-schemas';
import { hubmapTemplates } from './metadata-templates';
import type { SubmissionImage } from './image-facts';
import type { SubmissionTable } from './submission-cells';
import {
  isSubmissionFormat,
  submissionParts,
  SUBMISSION_FORMATS,
  type SubmissionFormat,
  type SubmissionPart,
} from './submission-export';

/** A target resolved: its directory schema and its metadata format, at least one of them known. */
export interface SubmissionTarget {
  /** The name as given: `hubmap:confocal`, `hubmap:confocal-v2.0`, `htan:imaging-level-2`. */
  readonly name: string;
  /** The folder layout's schema (a short name: the latest version); null: the repository gives none. */
  readonly directory: DirectorySchema | null;
  /** The metadata file's format; null: AcqMeta writes none for it. */
  readonly format: SubmissionFormat | null;
}

/** The short names of the targets, sorted; each HuBMAP one is also known as `<name>-v<version>`. */
export function targetShortNames(): string[] {
  const assays = HUBMAP_DIRECTORY_SCHEMAS.schemas.map((s) => `hubmap:${s.assay}`);
  return [...new Set([...assays, ...SUBMISSION_FORMATS])].sort();
}

/** Every name a target may be given by: each short name and each directory schema's version. */
export function knownTargetNames(): string[] {
  return [...new Set([...targetNames(), ...SUBMISSION_FORMATS])].sort();
}

/** The target `name` names, or null when it names neither a directory schema nor a metadata format. */
export function resolveTarget(name: string): SubmissionTarget | null {
  const directory = findTarget(name);
  const assay = directory === null ? name : `hubmap:${directory.assay}`;
  const format = isSubmissionFormat(assay) ? assay : null;
  return directory === null && format === null ? null : { name, directory, format };
}

/** A target in words: `HuBMAP`, `imc-2d`, and what the bundled rules say of it (`directory schema v2.3`, …). */
export function targetWords(target: SubmissionTarget): { repository: string; assay: string; details: string[] } {
  const htan = target.format === 'htan:imaging-level-2';
  // HuBMAP names its assays as the schemas do (`imc-2d`); HTAN names the manifest's component
  const assay = htan ? 'Imaging Level 2' : (target.directory?.assay ?? target.name.slice('hubmap:'.length));
  const template =
    target.format?.startsWith('hubmap:') === true
      ? hubmapTemplates().items.find((t) => `hubmap:${t.name}` === target.format)
      : undefined;
  const details = [
    target.directory === null ? null : `directory schema v${target.directory.version}`,
    template?.metadataSchemaId == null ? null : `metadata schema id ${template.metadataSchemaId}`,
    htan ? 'CSV manifest' : null,
  ].filter((part) => part !== null);
  return { repository: htan ? 'HTAN' : 'HuBMAP', assay, details };
}

/**
 * A target as the drafts and the app name it: `HuBMAP confocal (directory schema v2.3, metadata
 * schema id 3829a2c4-…)`; only what the bundled rules say.
 */
export function targetTitle(target: SubmissionTarget): string {
  const { repository, assay, details } = targetWords(target);
  return `${repository} ${assay}${details.length === 0 ? '' : ` (${details.join(', ')})`}`;
}

/** The metadata table of `format` for a dataset: the one place the drafts and the app make it. */
export function targetTable(
  format: SubmissionFormat,
  folderName: string,
  images: readonly SubmissionImage[],
): SubmissionTable {
  return (submissionParts(format, { folderName, images, channels: null })[0] as SubmissionPart).table;
}

/** The directory schema's full name (`hubmap:confocal-v2.3`), or null. */
export function directoryName(target: SubmissionTarget): string | null {
  return target.directory === null ? null : targetName(target.directory);
}

/** A layout verdict's counts in words: `13 required patterns missing`, `18 paths not allowed`; none when it matches. */
export function verdictCounts(verdict: Pick<DirectoryVerdict, 'missing' | 'notAllowed'>): string[] {
  const { missing, notAllowed } = verdict;
  return [
    missing.length > 0 ? `${missing.length} required pattern${missing.length === 1 ? '' : 's'} missing` : null,
    notAllowed.length > 0 ? `${notAllowed.length} path${notAllowed.length === 1 ? '' : 's'} not allowed` : null,
  ].filter((part) => part !== null);
}
