/**
 * A draft dataset readme in Markdown, as curators ask of a deposited image dataset (see
 * docs/user-guide.md, "Dataset readme"): what the images are (formats, shapes, data
 * types, channels, pixel sizes, dates), how they were taken as the files recorded it
 * (instrument, objective, channels, z step, interval, with counts), what the sidecars say
 * (values per field with counts), how complete that is against the lab profile, the file
 * layout, who edited the sidecars when and with which tools (from the change journal), and
 * clearly marked places (`**TODO**`) for what no file tells: the instrument, objective and
 * probes where no file names them, the sample preparation, the licence. Pure: the backend and
 * the command line give it rows and journal records.
 */
import type { ImageRow } from '../api-types';
import type { ProfileInfo } from '../api-profile';
import type { MatchedHardware } from '../instruments';
import type { JournalRecord } from '../journal';
import { EDITABLE_FIELDS, type FieldSpec, type FieldValue } from '../fields/field-table';
import { completeness, type Completeness, type FieldCompleteness } from '../profile/completeness';
import { codeSpan as code, markdownText, ofImages, plural, TODO } from './markdown-text';
import type { AcquisitionAspect } from '../acquisition/acquisition-tally';
import { acquisitionSection, acquisitionTodos, readmeAspects } from './readme-acquisition';
import { readmeFacts, type CountedValue, type DateRange, type ReadmeFacts } from './readme-facts';
import { numberSpan, pixelSizeFieldLine } from './readme-pixel-size';
import { provenanceSection } from './readme-provenance';
import { targetSection, type TargetReport } from './readme-target';

/** An image of a draft: its row, and what it matched in the lab's microscope descriptions (absent: none in force). */
export type DraftRow = ImageRow & { readonly hardware?: MatchedHardware };

/** What the readme is made from. */
export interface ReadmeInput {
  /** The dataset folder's name. */
  folderName: string;
  /** The images, as stored on disk. */
  rows: readonly DraftRow[];
  /** The lab profiles in force. */
  profiles: readonly ProfileInfo[];
  /** The day the draft is made, `YYYY-MM-DD`. */
  today: string;
  /** The folder's change journal, oldest first (those of other images are left out); none: no provenance section. */
  journal?: readonly JournalRecord[];
  /** The submission target in force (the profile's `x-target`) and what is still missing for it; none: not named. */
  target?: TargetReport;
}

/** Values listed per field before the rest are counted. */
const SHOWN_VALUES = 12;
/** Paths listed (uncalibrated, unreadable) before the rest are counted. */
const SHOWN_PATHS = 10;

const listed = (values: readonly CountedValue[], unit = ''): string =>
  values.map((v) => `${markdownText(v.value)}${unit} (${v.images})`).join(', ') || 'none';

function dates(range: DateRange | null, total: number): string {
  if (range === null) return 'none recorded';
  const span = range.first === range.last ? range.first : `${range.first} to ${range.last}`;
  return `${span} (${ofImages(range.images, total)})`;
}

function someOf(paths: readonly string[]): string {
  const shown = paths.slice(0, SHOWN_PATHS).map(code);
  return `${shown.join(', ')}${paths.length > SHOWN_PATHS ? `, and ${paths.length - SHOWN_PATHS} more` : ''}`;
}

function imagesSection(facts: ReadmeFacts): string[] {
  const { ok, missing, invalid } = facts.sidecars;
  const sidecarParts = [
    `${ok} with a JSON sidecar in CloudScope's AcqImage format`,
    missing > 0 ? `${missing} without one yet` : null,
    invalid > 0 ? `${invalid} whose sidecar cannot be read` : null,
  ].filter((part) => part !== null);
  const lines = [
    '## The images',
    '',
    `- **Images:** ${facts.images} (${sidecarParts.join(', ')}).`,
    `- **File formats:** ${listed(facts.formats)}.`,
    `- **Axes and sizes:** ${listed(facts.shapes)}.`,
    `- **Data types:** ${listed(facts.dtypes)}.`,
    `- **Channels per image:** ${listed(facts.channels)}.`,
    `- **Pixel size:** ${facts.pixelSizes.length === 0 ? 'no image is calibrated' : listed(facts.pixelSizes)}.`,
  ];
  if (facts.uncalibrated.length > 0) {
    lines.push(
      `- **Uncalibrated** (pixel size in pixels, no physical unit): ${facts.uncalibrated.length} images: ${someOf(facts.uncalibrated)}. ${TODO} give their pixel size in µm.`,
    );
  }
  if (facts.unreadable.length > 0) lines.push(`- **Headers that could not be read:** ${someOf(facts.unreadable)}.`);
  lines.push(
    `- **Acquired** (image files): ${dates(facts.acquired, facts.images)}.`,
    `- **Experiment dates** (Date field): ${dates(facts.experimentDates, facts.images)}.`,
  );
  return lines;
}

function valueText(value: FieldValue): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** The pixel size fields, whose ranges are given per unit. */
const PIXEL_SIZE_AXES: Readonly<Record<string, 'x' | 'y'>> = { physical_unit_x: 'x', physical_unit_y: 'y' };

/** One line per field in use over the `images` sidecars: text values with counts, number ranges, the accepted flag. */
function fieldLine(field: FieldCompleteness, spec: FieldSpec, images: number): string | null {
  if (field.filled === 0) return null;
  const name = `**${markdownText(spec.displayName)}**`;
  if (spec.multiline === true) return `- ${name}: written on ${ofImages(field.filled, images)}.`;
  if (spec.type === 'float' || spec.type === 'int') {
    const numbers = field.values.map((v) => v.value).filter((v): v is number => typeof v === 'number');
    const distinct = field.values.length > 1 ? `, ${plural(field.values.length, 'value')}` : '';
    return `- ${name}: ${numberSpan(numbers)}${spec.unit === undefined ? '' : ` ${spec.unit}`} (${ofImages(field.filled, images)}${distinct}).`;
  }
  const shown = field.values.slice(0, SHOWN_VALUES).map((v) => ({ value: valueText(v.value), images: v.images }));
  const rest = field.values.length - shown.length;
  return `- ${name}: ${listed(shown)}${rest > 0 ? `, and ${plural(rest, 'other value')}` : ''}.`;
}

/** What the sidecars of `rows` (those that can be read) say, field by field. */
function valuesSection(rows: readonly ImageRow[]): string[] {
  const report = completeness(status(rows));
  const lines = EDITABLE_FIELDS.flatMap((spec) => {
    const field = report.fields.find((f) => f.field === spec.name);
    const axis = PIXEL_SIZE_AXES[spec.name];
    if (field === undefined) return [];
    if (axis !== undefined) return pixelSizeFieldLine(rows, axis, spec.displayName) ?? [];
    return fieldLine(field, spec, report.images) ?? [];
  });
  const intro = `Values in the ${plural(report.images, 'sidecar')} that can be read, with the number of images that have each.`;
  return ['## What the sidecars say', '', intro, '', ...(lines.length > 0 ? lines : ['No field is filled in yet.'])];
}

function profileLine(profile: ProfileInfo): string {
  const title = profile.title === null ? '' : ` (${markdownText(profile.title)})`;
  return `- ${code(profile.source)}${title}${profile.applied ? '' : ': cannot be used; its problems: ' + profile.problems.map(markdownText).join('; ')}`;
}

function completenessSection(report: Completeness, profiles: readonly ProfileInfo[]): string[] {
  const lines = ['## Completeness', ''];
  if (profiles.length === 0)
    lines.push(
      'No lab profile (`acqmeta.profile.json`) is in force: the counts below are of filled-in fields only.',
      '',
    );
  else
    lines.push(
      `Checked against the lab profile${profiles.length === 1 ? '' : 's'} in force:`,
      '',
      ...profiles.map(profileLine),
      '',
    );
  lines.push(
    `**${report.ready.length} of ${plural(report.images, 'image')} ready** (a sidecar with no problem, and nothing the profile flags).`,
    '',
  );
  lines.push('| Field | Required | Filled | Valid | Invalid | Empty |', '|---|:-:|--:|--:|--:|--:|');
  for (const f of report.fields) {
    if (f.filled === 0 && !f.required) continue;
    lines.push(
      `| ${markdownText(f.displayName)} | ${f.required ? 'yes' : ''} | ${f.filled} | ${f.valid} | ${f.invalid} | ${f.empty} |`,
    );
  }
  const folderProblems = profiles.flatMap((p) => p.folderProblems);
  if (folderProblems.length > 0) {
    lines.push(
      '',
      'The folder layout breaks the profile\u2019s folder rules:',
      '',
      ...folderProblems.map((p) => `- ${code(p.path)}: ${markdownText(p.message)}`),
    );
  }
  return lines;
}

/** Where the images keep their sidecars, naming only the kinds of image the folder has. */
function sidecarsSentence(facts: ReadmeFacts): string {
  const beside = 'Every image has its metadata in a JSON sidecar beside it (`<image>.json`)';
  const inside = [
    ...(facts.insideSidecars > 0
      ? [`the ${facts.insideSidecars} of CloudScope's own OME-Zarr stores (\`*.cs.ome.zarr\`)`]
      : []),
    ...(facts.collectionSidecars > 0
      ? [`the ${facts.collectionSidecars} images of acqstore collections (\`*.ome.zarr/acq_images/<image>\`)`]
      : []),
  ];
  if (inside.length === 0) return `${beside}.`;
  return `${beside}, but for ${inside.join(' and ')}: theirs is inside (\`acqstore/acq_image.json\`).`;
}

function layoutSection(facts: ReadmeFacts, folderName: string): string[] {
  const rows = facts.layout.map((f) => {
    const where = f.folder === '' ? `${folderName}/` : `${folderName}/${f.folder}/`;
    return `| ${code(where)} | ${f.images} | ${f.endings.join(', ')} | ${code(f.example)} |`;
  });
  return [
    '## File layout',
    '',
    sidecarsSentence(facts),
    '',
    '| Folder | Images | Formats | Example |',
    '|---|--:|---|---|',
    ...rows,
    '',
    `${TODO} say how files are named (what each part of a name means) and which folders hold raw, processed and analysed data.`,
  ];
}

/** The acquisition settings a person must give: z step and interval only where no file recorded them. */
function settingsToAsk(aspects: readonly AcquisitionAspect[]): string {
  const known = new Set(aspects.map((aspect) => aspect.label));
  const unknownStep = known.has('Z step') ? [] : ['z step'];
  const unknownInterval = known.has('Interval') ? [] : ['frame rate or time interval'];
  return ['laser power', 'pinhole', ...unknownStep, ...unknownInterval, 'averaging'].join(', ');
}

/** What no file tells, for a person to fill in; the instrument, objective and probes only where no file recorded them. */
const byHand = (aspects: readonly AcquisitionAspect[]): string[] => [
  '## To be completed by hand',
  '',
  'AcqMeta cannot read these from the files; a repository and a colleague reusing the data need them.',
  '',
  ...acquisitionTodos(aspects),
  `- **Sample:** ${TODO} source (organism, cell type, tissue), fixation, sectioning, mounting.`,
  `- **Acquisition settings:** ${TODO} ${settingsToAsk(aspects)}.`,
  `- **Processing:** ${TODO} what was done to the images after acquisition, with software and versions; or "none".`,
  `- **Licence:** ${TODO} the licence of the data. CC0 1.0 (a public-domain dedication) is the common recommendation for data; check what your publisher and repository allow.`,
  `- **Citation and contact:** ${TODO} how to cite the dataset, the related publication or DOI, and who to contact.`,
];

/** The journal records of the images the readme describes. */
function journalOf(input: ReadmeInput): readonly JournalRecord[] {
  const described = new Set(input.rows.map((row) => row.path));
  return (input.journal ?? []).filter((record) => described.has(record.path));
}

/** The rows as the completeness report reads them. */
const status = (rows: readonly ImageRow[]) =>
  rows.map((r) => ({
    path: r.path,
    hasSidecar: r.sidecar !== 'missing',
    values: r.values,
    errors: r.errors,
    profileProblems: r.profileProblems,
  }));

/** The draft readme of a dataset. */
export function datasetReadme(input: ReadmeInput): string {
  const facts = readmeFacts(input.rows);
  const rules = input.profiles.flatMap((p) => p.fields);
  const report = completeness(status(input.rows), rules);
  const aspects = readmeAspects(input.rows);
  const sections = [
    [
      `# ${TODO} title of the dataset`,
      '',
      `> Draft made by AcqMeta on ${input.today} from the folder ${code(input.folderName)}. Fill in every place marked ${TODO} and check the rest.`,
      '',
      `${TODO} one paragraph: what the images show, how and why they were taken.`,
    ],
    imagesSection(facts),
    valuesSection(input.rows.filter((r) => r.sidecar === 'ok')),
    completenessSection(report, input.profiles),
    input.target === undefined ? [] : targetSection(input.target),
    acquisitionSection(aspects, input.rows.length),
    layoutSection(facts, input.folderName),
    provenanceSection(journalOf(input)),
    byHand(aspects),
  ].filter((lines) => lines.length > 0);
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
