/**
 * The submission files `acqmeta export --format <target>` writes: the metadata file, then its
 * companions beside it (HuBMAP: contributors.tsv, antibodies.tsv; HTAN: the channel metadata
 * CSV), whose names fill the metadata file's path columns, and HuBMAP's microscope description
 * and acquisition settings in the dataset folder (extras/microscope_hardware.json,
 * extras/microscope_settings.json).
 */
import type { DatasetValues } from '../dataset';
import { antibodiesTable, ANTIBODIES_FILE } from './antibodies-table';
import type { ChannelsInForce } from './channel-file';
import { contributorsTable, CONTRIBUTORS_FILE } from './contributors-table';
import { findTarget } from './directory-schemas';
import { hardwareFile, HARDWARE_FILE, type DescriptionText } from './hardware-file';
import { htanChannelsTable, HTAN_CHANNELS_FILE } from './htan-channels-table';
import { htanTable } from './htan-table';
import { hubmapTable } from './hubmap-table';
import { settingsFile, SETTINGS_FILE } from './settings-file';
import type { SubmissionImage } from './image-facts';
import { htanComponents, hubmapTemplates } from './metadata-templates';
import type { CellSource, SubmissionTable, TodoItem } from './submission-cells';
import { submissionFileText } from './submission-text';

/** The submission formats: a HuBMAP metadata TSV, or HTAN's Imaging Level 2 manifest (CSV). */
export const SUBMISSION_FORMATS = [
  'hubmap:confocal',
  'hubmap:lightsheet',
  'hubmap:histology',
  'hubmap:imc-2d',
  'hubmap:segmentation-mask',
  'htan:imaging-level-2',
] as const;

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
  /** Written in the dataset folder, its name relative to it (`extras/microscope_hardware.json`), not beside the metadata file. */
  readonly inDataset?: true;
}

/** What a submission is made from: the dataset folder's name, its images and the channel tables in force. */
export interface SubmissionInput {
  readonly folderName: string;
  readonly images: readonly SubmissionImage[];
  readonly channels: ChannelsInForce;
  /** The values and people kept for the dataset (acqmeta dataset): a value wins over what the images state. */
  readonly dataset?: DatasetValues;
  /**
   * The dataset folder's path relative to the metadata file's folder (`./<folder>`), given only
   * when the metadata file is written in the folder that holds the dataset (HuBMAP's upload layout).
   */
  readonly dataPath?: string;
  /** The microscope description every image matched (see soleDescription), as read; absent: none. */
  readonly description?: DescriptionText;
  /** Whether the dataset folder holds extras/microscope_hardware.json already (then it is neither written nor asked for). */
  readonly hardwarePresent?: boolean;
  /** Whether the dataset folder holds extras/microscope_settings.json already (then it is neither written nor asked for). */
  readonly settingsPresent?: boolean;
}

/** Why data_path is left empty for the dataset folder `folderName` when the metadata file is not known to be beside it. */
export function dataPathUnknown(folderName: string): string {
  return `where the metadata file is saved decides it: ./${folderName} when it is saved in the folder that holds the dataset, as HuBMAP's upload layout has it (the metadata TSV at the upload's top, each dataset a folder in it); acqmeta export -o into that folder fills it in`;
}

/** The bundled item called `wanted`; throws naming the bundle `what` when it has none. */
function named<T extends { readonly name: string }>(items: readonly T[], wanted: string, what: string): T {
  const found = items.find((item) => item.name === wanted);
  if (found === undefined) throw new Error(`${what}: no ${wanted}`);
  return found;
}

const part = (name: string, table: SubmissionTable, delimiter: 'tsv' | 'csv'): SubmissionPart => ({
  name,
  table,
  text: submissionFileText(table, delimiter),
});

/** The files of `format` for `input`: the metadata file first, then its companions. */
export function submissionParts(format: SubmissionFormat, input: SubmissionInput): SubmissionPart[] {
  if (format === 'htan:imaging-level-2') return htanParts(input);
  const name = format.slice('hubmap:'.length);
  const find = (wanted: string) => named(hubmapTemplates().items, wanted, 'HuBMAP metadata templates');
  const template = find(name);
  const companions: SubmissionPart[] = [];
  const given: Record<string, CellSource> = {
    ...datasetSources(template.columns, input.dataset),
    data_path:
      input.dataPath === undefined
        ? { fact: null, reason: dataPathUnknown(input.folderName) }
        : { fact: { value: input.dataPath, from: 'folder the metadata file is written in' } },
  };
  const beside = (column: string, file: string, table: SubmissionTable) => {
    if (!template.columns.includes(column)) return;
    companions.push(part(file, table, 'tsv'));
    given[column] = { fact: { value: `./${file}`, from: 'file AcqMeta writes beside it' } };
  };
  beside('contributors_path', CONTRIBUTORS_FILE, contributorsTable(find('contributors'), input.dataset?.people ?? []));
  beside('antibodies_path', ANTIBODIES_FILE, antibodiesTable(find('antibodies'), input.channels, input.images));
  const table = hubmapTable(template, input.images, given);
  const hardware = hardwareFile(name, input.images, input.description ?? null, input.hardwarePresent);
  // the settings name the parts of the description written beside them, so only with it
  const microscope = hardware !== null && 'text' in hardware ? input.images[0]?.hardware?.microscope : null;
  const settings = microscope == null ? null : settingsFile(name, microscope, input.images, input.settingsPresent);
  const extras = [
    { file: HARDWARE_FILE, made: hardware },
    { file: SETTINGS_FILE, made: settings },
  ];
  for (const { file, made } of extras)
    if (made !== null && 'text' in made)
      companions.push({ name: file, table: { columns: [], rows: [], todo: [] }, text: made.text, inDataset: true });
  const todo = [
    ...table.todo,
    ...channelLayoutTodo(name),
    ...extras.flatMap(({ made }) => (made !== null && 'todo' in made ? [made.todo] : [])),
  ];
  return [part(`${name}-metadata.tsv`, { ...table, todo }, 'tsv'), ...companions];
}

/** The dataset's values of `columns`, each a cell's source. */
function datasetSources(
  columns: readonly string[],
  dataset: DatasetValues | undefined,
): Record<string, { fact: { value: string; from: string } }> {
  const values = dataset?.values ?? {};
  return Object.fromEntries(
    columns.flatMap((column) => {
      const value = values[column];
      return value === undefined ? [] : [[column, { fact: { value, from: 'dataset values' } }]];
    }),
  );
}

/** HTAN's Level 2 manifest naming the channel metadata CSV written beside it, and that CSV. */
function htanParts(input: SubmissionInput): SubmissionPart[] {
  const find = (wanted: string) => named(htanComponents().items, wanted, 'HTAN imaging manifests');
  const channelsFile = { value: HTAN_CHANNELS_FILE, from: 'file AcqMeta writes beside it' };
  const level2 = find('Imaging Level 2');
  const kept = datasetSources(
    level2.attributes.map((attribute) => attribute.name),
    input.dataset,
  );
  const manifest = htanTable(level2, input.folderName, input.images, {
    ...Object.fromEntries(Object.entries(kept).map(([name, source]) => [name, source.fact])),
    'Channel Metadata Filename': channelsFile,
  });
  const channels = htanChannelsTable(find('Imaging Level 3 Channels'), input.channels, input.images);
  return [part('imaging-level-2.csv', manifest, 'csv'), part(HTAN_CHANNELS_FILE, channels, 'csv')];
}

/**
 * The to-do for the dataset's channel layout file where the assay's latest directory schema
 * lists one: HuBMAP publishes no columns for it, so AcqMeta does not write it.
 */
function channelLayoutTodo(assay: string): TodoItem[] {
  const entry = findTarget(`hubmap:${assay}`)?.files.find((file) => file.pattern.includes('channel_layout'));
  if (entry === undefined) return [];
  const file = entry.pattern.replace(/\\/g, '').replace(/\$$/, '');
  return [
    {
      row: file,
      column: 'the file',
      required: entry.required,
      reason:
        'not written: HuBMAP publishes no column names for it (its directory schema says only "a dictionary for channel to moiety"); write it in the dataset folder yourself',
    },
  ];
}
