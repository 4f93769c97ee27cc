/** The submission files `acqmeta export --format <target>` writes: the metadata file, then its companions. */
import type { ChannelTable } from '../channels/channel-table';
import { htanTable } from './htan-table';
import { hubmapTable } from './hubmap-table';
import type { SubmissionImage } from './image-facts';
import { htanComponents, hubmapTemplates } from './metadata-templates';
import type { SubmissionTable } from './submission-cells';
import { submissionFileText } from './submission-text';

/** The submission formats: a HuBMAP metadata TSV, or HTAN's Imaging Level 2 manifest (CSV). */
export const SUBMISSION_FORMATS = ['hubmap:confocal', 'hubmap:imc-2d', 'htan:imaging-level-2'] as const;

/** A submission format. */
export type SubmissionFormat = (typeof SUBMISSION_FORMATS)[number];

/** Whether `format` names a submission format. */
export function isSubmissionFormat(format: string): format is SubmissionFormat {
  return (SUBMISSION_FORMATS as readonly string[]).includes(format);
}

/** One file of a submission: its name (relative to the output folder), its table (with its to-do) and its text. */
export interface SubmissionPart {
  readonly name: string;
  readonly table: SubmissionTable;
  readonly text: string;
}

/** What a submission is made from: the dataset folder's name, its images and the channel table in force (null: none). */
export interface SubmissionInput {
  readonly folderName: string;
  readonly images: readonly SubmissionImage[];
  readonly channels: ChannelTable | null;
}

/** The files of `format` for `input`: the metadata file first. */
export function submissionParts(format: SubmissionFormat, input: SubmissionInput): SubmissionPart[] {
  if (format === 'htan:imaging-level-2') {
    const component = htanComponents().items.find((c) => c.name === 'Imaging Level 2');
    if (component === undefined) throw new Error('HTAN imaging manifests: no Imaging Level 2 component');
    const table = htanTable(component, input.folderName, input.images);
    return [{ name: 'imaging-level-2.csv', table, text: submissionFileText(table, 'csv') }];
  }
  const name = format.slice('hubmap:'.length);
  const template = hubmapTemplates().items.find((t) => t.name === name);
  if (template === undefined) throw new Error(`HuBMAP metadata templates: no ${name} template`);
  const table = hubmapTable(template, input.images);
  return [{ name: `${name}-metadata.tsv`, table, text: submissionFileText(table, 'tsv') }];
}
