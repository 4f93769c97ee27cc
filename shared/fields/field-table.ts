/**
 * The AcqImage field table: the single source of truth for every sidecar field.
 *
 * The JSON Schema, the ajv validators, the editor's forms, the table's columns and the
 * command line's `--set` names are all derived from these two lists. Adding a field is one
 * edit here. Order is the order of the spec (see docs/sidecar-format.md).
 */

/** The sidecar object a field lives in: `top` is the sidecar object itself (e.g. `accepted`). */
export type FieldSection = 'top' | 'experiment_metadata' | 'image_header_metadata';

/** Value types as the spec names them: `float` and `int` may be null where `nullable`. */
export type FieldType = 'str' | 'float' | 'int' | 'bool';

/** The groups of the editor, in display order. */
export const FIELD_GROUPS = ['Review', 'Header', 'Calibration', 'Animal', 'Sample', 'Experiment', 'Notes'] as const;

/** A group of the editor. */
export type FieldGroup = (typeof FIELD_GROUPS)[number];

/** A value of a field as stored in a sidecar. */
export type FieldValue = string | number | boolean | null;

/** Everything the app knows about one field. */
export interface FieldSpec {
  /** Key inside its section, e.g. `branch_order`. */
  readonly name: string;
  readonly section: FieldSection;
  /** Label shown to the user, e.g. `Branch order`. */
  readonly displayName: string;
  readonly type: FieldType;
  /** Whether `null` is a legal stored value (numbers with no value). */
  readonly nullable: boolean;
  readonly default: FieldValue;
  /** Unit shown next to the value, e.g. `µm`. */
  readonly unit?: string;
  /** Suggested values (the user may still type another). */
  readonly choices?: readonly string[];
  readonly editable: boolean;
  readonly group: FieldGroup;
  /** One sentence for the tooltip. */
  readonly description: string;
  /** Numbers must be strictly greater than this. */
  readonly exclusiveMinimum?: number;
  /** Numbers must be at most this. */
  readonly maximum?: number;
  /** Free text over several lines (the note). */
  readonly multiline?: boolean;
}

const str = (
  name: string,
  displayName: string,
  group: FieldGroup,
  description: string,
  extra: Partial<FieldSpec> = {},
): FieldSpec => ({
  name,
  section: 'experiment_metadata',
  displayName,
  type: 'str',
  nullable: false,
  default: '',
  editable: true,
  group,
  description,
  ...extra,
});

/** The 15 user-entered fields of `experiment_metadata`, in the spec's order. */
export const EXPERIMENT_FIELDS: readonly FieldSpec[] = [
  str('species', 'Species', 'Animal', 'Animal species (e.g., mouse, rat).'),
  str('sex', 'Sex', 'Animal', 'Biological sex or experimental sex label.'),
  str('genotype', 'Genotype', 'Animal', 'Genotype or strain label.'),
  str('age', 'Age', 'Animal', 'Animal age label (e.g., P30, 8 weeks).'),
  str('region', 'Region', 'Sample', 'Brain region or anatomical location.'),
  str('cell_type', 'Cell type', 'Sample', 'Type of cell or vessel being imaged.'),
  {
    name: 'depth',
    section: 'experiment_metadata',
    displayName: 'Depth',
    type: 'float',
    nullable: true,
    default: null,
    unit: 'µm',
    editable: true,
    group: 'Sample',
    description: 'Imaging depth in micrometers.',
  },
  {
    name: 'branch_order',
    section: 'experiment_metadata',
    displayName: 'Branch order',
    type: 'int',
    nullable: true,
    default: null,
    editable: true,
    group: 'Sample',
    description: 'Branch order for vascular structures.',
  },
  str('direction', 'Direction', 'Sample', 'Flow direction or vessel orientation.'),
  str('condition', 'Condition', 'Experiment', 'Experimental condition or treatment.'),
  str('condition2', 'Condition 2', 'Experiment', 'Second condition field.'),
  str('treatment', 'Treatment', 'Experiment', 'Treatment applied.'),
  str('treatment2', 'Treatment 2', 'Experiment', 'Second treatment field.'),
  str('date', 'Date', 'Experiment', 'User-editable date (e.g., experiment date); free text.'),
  str('note', 'Note', 'Notes', 'Free-form notes or comments (multi-line).', { multiline: true }),
];

/**
 * The largest calibration value: no pixel or line time comes near a million of its unit, and a
 * larger value (1e308) overflows the unit conversions of every program that reads it.
 */
const CALIBRATION_MAXIMUM = 1e6;

/**
 * A field of `image_header_metadata`: Header fields are read from the image (read-only),
 * Calibration fields are the user's, with 1.0 / "Pixels" defaults and positive sizes.
 */
const imageField = (
  group: 'Header' | 'Calibration',
  name: string,
  displayName: string,
  type: FieldType,
  description: string,
): FieldSpec => {
  const calibration = group === 'Calibration';
  const numberDefault = calibration ? 1.0 : 0;
  const textDefault = calibration ? 'Pixels' : '';
  return {
    name,
    section: 'image_header_metadata',
    displayName,
    type,
    nullable: false,
    default: type === 'str' ? textDefault : numberDefault,
    editable: calibration,
    group,
    description,
    ...(calibration && type === 'float' ? { exclusiveMinimum: 0, maximum: CALIBRATION_MAXIMUM } : {}),
    ...(calibration && type === 'str' ? { choices: ['Pixels', 'um', 'nm', 'mm', 'seconds'] } : {}),
  };
};

const header = (name: string, displayName: string, type: FieldType, description: string) =>
  imageField('Header', name, displayName, type, description);
const calibration = (name: string, displayName: string, type: FieldType, description: string) =>
  imageField('Calibration', name, displayName, type, description);

/** The 12 fields of `image_header_metadata`: 8 read from the image, 4 of calibration. */
export const HEADER_FIELDS: readonly FieldSpec[] = [
  header('shape', 'Shape', 'str', 'Array shape of the first series, as a Python tuple.'),
  header('dims', 'Dims', 'str', 'Axis letters of the first series (T, C, Z, Y, X).'),
  header('sizes', 'Sizes', 'str', 'Size of each axis of the first series.'),
  header('dtype', 'DType', 'str', 'Pixel data type (numpy name).'),
  header('num_channels', 'Channels', 'int', 'Number of channels.'),
  header('num_scenes', 'Scenes', 'int', 'Number of series (scenes) in the file.'),
  header('date', 'Date', 'str', 'Acquisition date from the image (YYYYMMDD).'),
  header('time', 'Time', 'str', 'Acquisition time from the image (HH:MM:SS).'),
  calibration('physical_unit_y', 'Pixel size Y', 'float', 'Size of one pixel along Y, in Pixel size unit Y.'),
  calibration('physical_unit_x', 'Pixel size X', 'float', 'Size of one pixel along X, in Pixel size unit X.'),
  calibration('physical_label_y', 'Pixel size unit Y', 'str', 'Unit of Pixel size Y (e.g., um, seconds).'),
  calibration('physical_label_x', 'Pixel size unit X', 'str', 'Unit of Pixel size X (e.g., um).'),
];

/** CloudScope's accept/reject flag, a boolean at the top level of the sidecar. */
export const ACCEPTED_FIELD: FieldSpec = {
  name: 'accepted',
  section: 'top',
  displayName: 'Accepted',
  type: 'bool',
  nullable: false,
  default: true,
  editable: true,
  group: 'Review',
  description: "Whether the acquisition is accepted (CloudScope's accept/reject flag); unchecked means rejected.",
};

/** Every field a user may edit: experiment fields, calibration, then `accepted`. Names are unique. */
export const EDITABLE_FIELDS: readonly FieldSpec[] = [
  ...EXPERIMENT_FIELDS,
  ...HEADER_FIELDS.filter((f) => f.editable),
  ACCEPTED_FIELD,
];

/** Looks up an editable field by name (`depth`, `physical_unit_x`, ...). */
export function editableField(name: string): FieldSpec | undefined {
  return EDITABLE_FIELDS.find((f) => f.name === name);
}

/** Values of the editable fields by name, as stored in a sidecar. */
export type FieldValues = Record<string, FieldValue>;

/** Every editable field at its default: one frozen object, shared by every row that has only defaults. */
export const DEFAULT_FIELD_VALUES: FieldValues = Object.freeze(
  Object.fromEntries(EDITABLE_FIELDS.map((f) => [f.name, f.default])),
);
