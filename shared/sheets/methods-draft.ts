/**
 * A draft of the Methods text a paper needs for a dataset: the microscope, objective(s),
 * channels with excitation/emission, pixel size, z step and interval as the image files
 * recorded them, and the number of images per group of the fields that define the groups.
 * Every value says how many of the images it holds for; **TODO** marks what no file tells. Pure.
 */
import type { AcquisitionAspect, TalliedValue } from '../acquisition/acquisition-tally';
import type { ImageRow, ProfileInfo } from '../api';
import type { ReadmeInput } from './dataset-readme';
import { EDITABLE_FIELDS } from '../fields/field-table';
import { markdownText, ofImages, plural, TODO } from './markdown-text';
import { readmeAspects } from './readme-acquisition';
import { targetSentence } from './readme-target';

/** Fields that define groups when no lab profile says which are required. */
const GROUP_FIELDS = ['species', 'genotype', 'sex', 'condition', 'treatment'];
/** Fields never counted as groups (free text, dates). */
const NOT_GROUPS = new Set(['note', 'date', 'depth', 'branch_order']);

/** `63×/1.40 Oil (118 of 122 images) and 20×/0.80 Air (4 of 122 images)`: every value with its count. */
function alternatives(values: readonly TalliedValue[], images: number, wrap: (value: string) => string): string {
  const parts = values.map((v) => `${wrap(markdownText(v.value))} (${ofImages(v.count, images)})`);
  return parts.length <= 2 ? parts.join(' and ') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function acquisitionParagraph(aspects: readonly AcquisitionAspect[], images: number): string {
  const aspectWords = (label: string, wrap = (v: string) => v): string | null => {
    const aspect = aspects.find((a) => a.label === label);
    return aspect === undefined ? null : alternatives(aspect.values, images, wrap);
  };
  const instrument = aspectWords('Instrument') ?? `${TODO} (microscope, manufacturer)`;
  const objectives = aspects.find((a) => a.label === 'Objective')?.values.length ?? 0;
  const objective =
    objectives === 0
      ? `${TODO} (objective, NA, immersion)`
      : `the objective${objectives === 1 ? '' : 's'} ${aspectWords('Objective') as string}`;
  const channels = aspectWords('Channels');
  const pixel = aspectWords('Pixel size');
  const step = aspectWords('Z step');
  const interval = aspectWords('Interval');
  const software = aspectWords('Software');
  const converters = aspectWords('Converted with');
  const sentences = [
    `Images were acquired on ${instrument} with ${objective}.`,
    channels === null
      ? `Channels: ${TODO} (dye or probe, excitation and emission wavelengths for each).`
      : `Channels (name, excitation/emission in nm): ${channels}.`,
    pixel === null ? `Pixel size: ${TODO}.` : `Pixel size: ${pixel}.`,
    step === null ? null : `Z step: ${step}.`,
    interval === null ? null : `Frame interval: ${interval}.`,
    software === null ? null : `Acquisition software: ${software}.`,
    converters === null ? null : `Converted from their original files with: ${converters}.`,
  ];
  return `**Image acquisition.** ${sentences.filter((s) => s !== null).join(' ')}`;
}

/** The fields whose values make the groups: the profiles' required fields, else the usual grouping fields. */
function groupFields(profiles: readonly ProfileInfo[]): string[] {
  const required = profiles.flatMap((p) => p.fields.filter((f) => f.required).map((f) => f.field));
  const chosen = required.length > 0 ? required : GROUP_FIELDS;
  return [...new Set(chosen)].filter((name) => !NOT_GROUPS.has(name));
}

function groupLine(rows: readonly ImageRow[], field: string): string | null {
  const spec = EDITABLE_FIELDS.find((f) => f.name === field);
  if (spec === undefined || spec.type !== 'str') return null;
  const counts = new Map<string, number>();
  for (const row of rows) {
    const value = row.values[field];
    if (typeof value === 'string' && value.trim() !== '') counts.set(value.trim(), (counts.get(value.trim()) ?? 0) + 1);
  }
  if (counts.size === 0) return null;
  const values = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const missing = rows.length - values.reduce((sum, [, n]) => sum + n, 0);
  const listed = values.map(([value, n]) => `${markdownText(value)} (n = ${plural(n, 'image')})`).join(', ');
  return `${markdownText(spec.displayName)}: ${listed}${missing > 0 ? `; not given for ${plural(missing, 'image')}` : ''}.`;
}

function samplesParagraph(input: ReadmeInput): string {
  const annotated = input.rows.filter((row) => row.sidecar === 'ok');
  const lines = groupFields(input.profiles)
    .map((field) => groupLine(annotated, field))
    .filter((line) => line !== null);
  const counted = lines.length === 0 ? `${TODO} the groups and their sizes.` : lines.join(' ');
  const annotatedText =
    annotated.length === input.rows.length ? '' : `, ${annotated.length} of them with a sidecar to count from`;
  return `**Samples.** The dataset comprises ${plural(input.rows.length, 'image')}${annotatedText}. ${counted} ${TODO} the number of animals per group (the sidecars do not identify animals), sample preparation and labelling.`;
}

/** The Methods draft of a dataset, in Markdown. */
export function methodsDraft(input: ReadmeInput): string {
  const aspects = readmeAspects(input.rows);
  return [
    '# Methods (draft)',
    '',
    `> Drafted by AcqMeta on ${input.today} from the folder \`${input.folderName.replace(/`/g, "'")}\` and what the microscope recorded in its image files. Check every value against your notes and fill in the places marked ${TODO}.`,
    '',
    acquisitionParagraph(aspects, input.rows.length),
    '',
    samplesParagraph(input),
    '',
    ...(input.target === undefined ? [] : [targetSentence(input.target), '']),
  ].join('\n');
}
