/** The submission files `acqmeta export --format <target>` writes, and the table of each. */
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

/** A submission file: its table (with its to-do) and its text. */
export interface SubmissionFile {
  readonly table: SubmissionTable;
  readonly text: string;
}

/** The file of `format` for the dataset folder `folderName` made of `images`. */
export function submissionFile(
  format: SubmissionFormat,
  folderName: string,
  images: readonly SubmissionImage[],
): SubmissionFile {
  if (format === 'htan:imaging-level-2') {
    const component = htanComponents().items.find((c) => c.name === 'Imaging Level 2');
    if (component === undefined) throw new Error('HTAN imaging manifests: no Imaging Level 2 component');
    const table = htanTable(component, folderName, images);
    return { table, text: submissionFileText(table, 'csv') };
  }
  const name = format.slice('hubmap:'.length);
  const template = hubmapTemplates().items.find((t) => t.name === name);
  if (template === undefined) throw new Error(`HuBMAP metadata templates: no ${name} template`);
  const table = hubmapTable(template, images);
  return { table, text: submissionFileText(table, 'tsv') };
}
