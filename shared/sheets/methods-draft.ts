/**
 * A draft of the Methods text a paper needs for a dataset: the microscope, objective(s),
 * channels with excitation/emission, pixel size, z step and interval as the image files
 * recorded them, and the number of images per group of the fields that define the groups.
 * Where images matched the lab's microscope descriptions, the microscope, objective, light
 * sources and emission filters are named as the descriptions give them (manufacturer, model,
 * catalogue number), the description files named as a source. Every value says how many of the
 * images it holds for; **TODO** marks what no file tells. Pure.
 */
import { tallyTexts, type AcquisitionAspect, type TalliedValue } from '../acquisition/acquisition-tally';
import { instrumentText, objectiveText } from '../acquisition/acquisition-text';
import type { ImageRow } from '../api-types';
import type { ProfileInfo } from '../api-profile';
import { componentWords, microscopeWords, realValue, type MatchedHardware, type MatchedPart } from '../instruments';
import type { DraftRow, ReadmeInput } from './dataset-readme';
import { EDITABLE_FIELDS } from '../fields/field-table';
import { codeSpan, markdownText, ofImages, plural, TODO } from './markdown-text';
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
  const lights = aspectWords('Light sources');
  const filters = aspectWords('Emission filters');
  const sentences = [
    `Images were acquired on ${instrument} with ${objective}.`,
    channels === null
      ? `Channels: ${TODO} (dye or probe, excitation and emission wavelengths for each).`
      : `Channels (name, excitation/emission in nm): ${channels}.`,
    lights === null ? null : `Light sources: ${lights}.`,
    filters === null ? null : `Emission filters: ${filters}.`,
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

/** The parts' names, each once, joined: `X-Cite 120 LED (Excelitas), …`. */
const partsWords = (parts: readonly MatchedPart[]): string =>
  [...new Set(parts.map((part) => componentWords(part.component)))].join(', ');

/**
 * The objective an image matched: as its file names it, with the catalogue's maker and catalogue
 * number (a lab names its objectives for itself: `CD7 5x` is not what a paper cites); as the
 * catalogue's model gives it when the file names none.
 */
function matchedObjective(row: DraftRow, part: MatchedPart): string {
  const recorded = row.acquisition?.objective;
  const named = recorded?.name?.trim() ? objectiveText(recorded) : realValue(part.component.model);
  return componentWords(part.component, named ?? (objectiveText(recorded) || part.component.name));
}

/**
 * The aspects of the draft: the files' own, except that a microscope or objective an image
 * matched in the lab's descriptions is named as they give it, and the light sources and emission
 * filters matched are aspects of their own.
 */
function draftAspects(rows: readonly DraftRow[]): AcquisitionAspect[] {
  const aspects = readmeAspects(rows);
  if (!rows.some((row) => row.hardware !== undefined)) return aspects;
  const each = (text: (row: DraftRow, hardware: MatchedHardware | undefined) => string) =>
    rows.map((row) => text(row, row.hardware));
  const matched: Record<string, string[]> = {
    Instrument: each((row, hw) =>
      hw?.microscope == null
        ? row.acquisition === undefined
          ? ''
          : instrumentText(row.acquisition)
        : microscopeWords(hw.microscope),
    ),
    Objective: each((row, hw) =>
      hw?.objective == null ? objectiveText(row.acquisition?.objective) : matchedObjective(row, hw.objective),
    ),
  };
  const own = aspects.map((aspect) => (aspect.label in matched ? null : aspect)).filter((a) => a !== null);
  return [
    ...Object.entries(matched).map(([label, texts]) => tallyTexts(label, texts)),
    ...own,
    tallyTexts(
      'Light sources',
      each((_, hw) => partsWords(hw?.lightSources ?? [])),
    ),
    tallyTexts(
      'Emission filters',
      each((_, hw) => partsWords(hw?.filters ?? [])),
    ),
  ].filter((aspect) => aspect.values.length > 0);
}

/**
 * The description files whose components the draft names, each once, in order, each by its
 * catalogue folder and name (`acqmeta.instruments/cd7.json`): where the lab keeps its catalogue
 * (a path on its share) is not for a paper.
 */
function descriptionFiles(rows: readonly DraftRow[]): string[] {
  const files = rows.flatMap(({ hardware: hw }) =>
    hw === undefined
      ? []
      : [
          hw.microscope?.file,
          hw.objective?.file,
          ...hw.lightSources.map((p) => p.file),
          ...hw.filters.map((p) => p.file),
        ],
  );
  const named = files.filter((file) => file !== undefined).map((file) => file.split(/[\\/]/).slice(-2).join('/'));
  return [...new Set(named)].sort();
}

/** The Methods draft of a dataset, in Markdown. */
export function methodsDraft(input: ReadmeInput): string {
  const aspects = draftAspects(input.rows);
  const files = descriptionFiles(input.rows);
  const described =
    files.length === 0
      ? ''
      : `, and the lab's microscope description${files.length === 1 ? '' : 's'} ${files.map(codeSpan).join(', ')}`;
  return [
    '# Methods (draft)',
    '',
    `> Drafted by AcqMeta on ${input.today} from the folder \`${input.folderName.replace(/`/g, "'")}\` and what the microscope recorded in its image files${described}. Check every value against your notes and fill in the places marked ${TODO}.`,
    '',
    acquisitionParagraph(aspects, input.rows.length),
    '',
    samplesParagraph(input),
    '',
    ...(input.target === undefined ? [] : [targetSentence(input.target), '']),
  ].join('\n');
}
