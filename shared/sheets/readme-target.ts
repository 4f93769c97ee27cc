/**
 * What the dataset drafts say of the submission target in force (a lab profile's `x-target`):
 * the target as the bundled rules name it, the folder layout's verdict against its directory
 * schema, and the metadata cells still to fill, from the same checks as `acqmeta validate
 * --target` and `acqmeta export --format`. Pure: the caller lists the folder.
 */
import type { ImageRow } from '../api-types';
import {
  checkUploadLayout,
  DATASET_ROW,
  targetName,
  targetTable,
  targetTitle,
  targetWords,
  verdictCounts,
  type SubmissionTarget,
  type TodoItem,
} from '../submission';
import { codeSpan, markdownText, plural } from './markdown-text';

/** The target in force for a dataset and what is still missing for it. */
export interface TargetReport {
  readonly target: SubmissionTarget;
  /** The profile file that names it. */
  readonly profile: string;
  /** The layout's verdict: null when the target has no directory schema. */
  readonly layout: {
    readonly paths: number;
    readonly missing: readonly string[];
    readonly notAllowed: readonly string[];
  } | null;
  /** The metadata cells still to fill: null when AcqMeta writes no metadata file for the target. */
  readonly todo: readonly TodoItem[] | null;
}

/** The report of `target` (named by `profile`) over the folder's listing `paths` and its images `rows`. */
export function targetReport(
  target: SubmissionTarget,
  profile: string,
  paths: readonly string[],
  folderName: string,
  rows: readonly ImageRow[],
): TargetReport {
  const verdict = target.directory === null ? null : checkUploadLayout(paths, target.directory);
  return {
    target,
    profile,
    layout:
      verdict === null ? null : { paths: verdict.checked, missing: verdict.missing, notAllowed: verdict.notAllowed },
    todo: target.format === null ? null : targetTable(target.format, folderName, rows).todo,
  };
}

/**
 * `Objective (3 images)`: each required column still to fill, with its images for a manifest of
 * a row per image (HTAN); a HuBMAP to-do outside the dataset's row names its file instead.
 */
function requiredColumns(todo: readonly TodoItem[], perImage: boolean): string {
  const rows = new Map<string, number>();
  for (const item of todo) {
    const label = perImage || item.row === DATASET_ROW ? item.column : item.row;
    if (item.required) rows.set(label, (rows.get(label) ?? 0) + 1);
  }
  return [...rows].map(([label, n]) => `${codeSpan(label)}${perImage ? ` (${plural(n, 'image')})` : ''}`).join(', ');
}

function layoutLine(report: TargetReport): string {
  const { layout, target } = report;
  if (layout === null || target.directory === null) return '- **Folder layout:** the target has no directory schema.';
  const checked = `checked against ${codeSpan(targetName(target.directory))}, ${plural(layout.paths, 'path')}`;
  const counts = verdictCounts(layout);
  if (counts.length === 0) return `- **Folder layout** (${checked}): the layout matches.`;
  if (layout.missing.length > 0) counts[0] += `: ${layout.missing.map(codeSpan).join(', ')}`;
  return `- **Folder layout** (${checked}): ${counts.join('; ')}.`;
}

function metadataLine(report: TargetReport): string {
  const { todo, target } = report;
  if (todo === null || target.format === null) return '- **Metadata file:** AcqMeta writes none for this target.';
  const what = codeSpan(`acqmeta export --format ${target.format}`);
  const required = todo.filter((item) => item.required).length;
  const optional = todo.length - required;
  if (todo.length === 0) return `- **Metadata file** (${what}): no cell left to fill.`;
  const parts = [
    required === 0
      ? null
      : `${plural(required, 'required cell')} to fill: ${requiredColumns(todo, target.format.startsWith('htan:'))}`,
    optional === 0 ? null : `${plural(optional, 'optional cell')} to fill`,
  ].filter((part) => part !== null);
  return `- **Metadata file** (${what}): ${parts.join('; ')}.`;
}

/** The readme's section on the target. */
export function targetSection(report: TargetReport): string[] {
  return [
    '## Submission target',
    '',
    `Submission target: ${markdownText(targetTitle(report.target))}, named by the lab profile ${codeSpan(report.profile)}. Still missing for it:`,
    '',
    layoutLine(report),
    metadataLine(report),
  ];
}

/** The Methods draft's sentence on the target: `Data were prepared for deposition to HuBMAP (confocal, directory schema v2.3).` */
export function targetSentence(report: TargetReport): string {
  const { repository, assay, details } = targetWords(report.target);
  const version = details.filter((detail) => detail.startsWith('directory schema'));
  return `**Data deposition.** Data were prepared for deposition to ${repository} (${[assay, ...version].join(', ')}).`;
}
