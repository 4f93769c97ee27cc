/**
 * The table's columns: those describing the file and its problems, then one per editable field
 * of the field table. The filter's field names are theirs, in the app and on the command line.
 */
import { EDITABLE_FIELDS, type FieldSpec } from '../fields/field-table';
import { ACQUISITION_COLUMNS, type AcquisitionColumnSpec } from './acquisition-columns';
import type { Column } from './column-type';
import { resultColumn } from './result-columns';

const FILE_COLUMNS: readonly Column[] = [
  {
    key: 'path',
    label: 'Path',
    longLabel: 'Path',
    group: 'File',
    kind: 'path',
    description: 'Image path inside the opened folder',
    minWidth: 200,
    grow: 3,
    align: 'start',
    hideable: false,
  },
  {
    key: 'sidecar',
    label: 'Sidecar',
    longLabel: 'Sidecar',
    group: 'File',
    kind: 'sidecar',
    description: 'State of the .json sidecar next to the image',
    minWidth: 128,
    grow: 0,
    align: 'start',
    hideable: false,
  },
  {
    key: 'problems',
    label: 'Problems',
    longLabel: 'Problems',
    group: 'File',
    kind: 'problems',
    description:
      'What keeps the image from being ready: read errors, values that cannot be saved, and what the lab profile finds',
    minWidth: 96,
    grow: 0,
    align: 'end',
    hideable: true,
  },
  {
    key: 'format',
    label: 'Format',
    longLabel: 'File format',
    group: 'File',
    kind: 'format',
    description: 'The image file’s format: TIFF, CZI, ND2, LIF, OIB, or OIR (read only by its sidecar)',
    minWidth: 80,
    grow: 0,
    align: 'start',
    hideable: true,
  },
  {
    key: 'dims',
    label: 'Dims',
    longLabel: 'Dimensions',
    group: 'File',
    kind: 'dims',
    description: 'Axis sizes of the first series',
    minWidth: 150,
    grow: 0,
    align: 'start',
    hideable: true,
  },
  {
    key: 'dtype',
    label: 'DType',
    longLabel: 'Data type',
    group: 'File',
    kind: 'dtype',
    description: 'Pixel data type',
    minWidth: 76,
    grow: 0,
    align: 'start',
    hideable: true,
  },
  {
    key: 'channels',
    label: 'Ch',
    longLabel: 'Channels',
    group: 'File',
    kind: 'channels',
    description: 'Number of channels',
    minWidth: 50,
    grow: 0,
    align: 'end',
    hideable: true,
  },
];

function acquisitionColumn(spec: AcquisitionColumnSpec): Column {
  const { key, label, longLabel, description, minWidth } = spec;
  return {
    key,
    label,
    longLabel,
    group: 'Acquisition',
    kind: 'acquisition',
    description,
    minWidth,
    grow: 0,
    align: spec.number === undefined ? 'start' : 'end',
    hideable: true,
    acquisition: spec,
  };
}

/** The columns of what the image matched in the lab's microscope catalogue (`acqmeta.instruments/`), blank when nothing. */
const CATALOGUE_COLUMNS: readonly Column[] = (
  [
    ['instrument', 'Microscope', 'the microscope'],
    ['objective', 'Objective', 'the objective'],
  ] as const
).map(([part, name, what]) => ({
  key: `catalogue_${part}`,
  // not `Objective (catalogue)`: a name in parentheses is dropped from a filter's field names, and `objective:` is the recorded one's
  label: `Catalogue ${name.toLowerCase()}`,
  longLabel: `${name} in the lab’s catalogue`,
  group: 'Lab catalogue',
  kind: 'catalogue',
  description: `The name of ${what} the image matched in the lab’s catalogue (acqmeta.instruments/); blank when none did`,
  minWidth: 140,
  grow: 0,
  align: 'start',
  hideable: true,
  catalogue: part,
}));

function fieldColumn(field: FieldSpec): Column {
  if (field.type === 'bool') {
    const { name, displayName, group, description } = field;
    return {
      key: name,
      label: displayName,
      longLabel: displayName,
      group,
      kind: 'field',
      description,
      minWidth: 96,
      grow: 0,
      align: 'start',
      hideable: true,
      field,
    };
  }
  const numeric = field.type !== 'str';
  return {
    key: field.name,
    label: field.unit ? `${field.displayName} (${field.unit})` : field.displayName,
    longLabel: field.displayName,
    group: field.group,
    kind: 'field',
    description: field.description,
    minWidth: field.multiline ? 180 : numeric ? 112 : 104,
    grow: numeric ? 0 : 1,
    align: numeric ? 'end' : 'start',
    hideable: true,
    field,
  };
}

/** Every column in display order. */
export const COLUMNS: readonly Column[] = [
  ...FILE_COLUMNS,
  ...ACQUISITION_COLUMNS.map(acquisitionColumn),
  ...CATALOGUE_COLUMNS,
  ...EDITABLE_FIELDS.map(fieldColumn),
];

/** The column with this key (result columns included). */
export function columnByKey(key: string): Column | undefined {
  return COLUMNS.find((c) => c.key === key) ?? resultColumn(key);
}
