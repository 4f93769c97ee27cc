/**
 * The JSON Schema of a whole CloudScope AcqImage sidecar (version 2), as described in
 * docs/sidecar-format.md. Field sections come from the field table; ROIs are
 * strict (CloudScope fails on extra or missing keys); analysis records and contrast
 * settings are described but otherwise left open, since they are preserved verbatim.
 */
import { ACCEPTED_FIELD, EXPERIMENT_FIELDS, HEADER_FIELDS } from '../fields/field-table';
import { fieldSchema, sectionSchema, type JsonSchema } from './field-schema';

/** The `$id` of the sidecar schema. */
export const SIDECAR_SCHEMA_ID = 'urn:acqmeta:schema:acqimage-sidecar:2';

/** Keys every sidecar must have; CloudScope ignores a file that lacks one. */
export const REQUIRED_SIDECAR_KEYS = [
  'version',
  'accepted',
  'rois',
  'experiment_metadata',
  'image_header_metadata',
  'analysis',
] as const;

const number = (description: string): JsonSchema => ({ type: 'number', description });
const described = (description: string): JsonSchema => ({ description });

const ROI: JsonSchema = {
  type: 'object',
  description: 'A region of interest. CloudScope fails to load a ROI with an extra or missing key.',
  required: ['roi_id', 'roi_type', 'version', 'name', 'note', 'data'],
  additionalProperties: false,
  properties: {
    roi_id: { type: 'integer', description: 'Identifier, referenced by analysis records.' },
    roi_type: { enum: ['rectroi', 'linesegmentroi'] },
    version: { const: '1.0' },
    name: { type: 'string' },
    note: { type: 'string' },
    data: { type: 'object' },
  },
  allOf: [
    {
      if: { properties: { roi_type: { const: 'rectroi' } }, required: ['roi_type'] },
      then: { properties: { data: { $ref: '#/$defs/rectData' } } },
    },
    {
      if: { properties: { roi_type: { const: 'linesegmentroi' } }, required: ['roi_type'] },
      then: { properties: { data: { $ref: '#/$defs/lineData' } } },
    },
  ],
};

const closedObject = (keys: Record<string, string>): JsonSchema => ({
  type: 'object',
  required: Object.keys(keys),
  additionalProperties: false,
  properties: Object.fromEntries(Object.entries(keys).map(([k, d]) => [k, number(d)])),
});

const ANALYSIS_RECORD: JsonSchema = {
  type: 'object',
  description: 'One analysis result; records are kept verbatim and in order (later ones may depend on earlier ones).',
  properties: {
    analysis_name: { type: 'string', description: 'Which analysis produced the record.' },
    channel: described('Channel the analysis ran on.'),
    roi_id: described('ROI the analysis ran on.'),
    detection_params: described('Parameters of the analysis.'),
    summary: described('Results; may contain NaN and Infinity.'),
  },
};

const CHANNEL_CONTRAST: JsonSchema = {
  type: 'object',
  description: 'Display contrast of one channel.',
  properties: {
    color_lut: described('Colour lookup table.'),
    img_max: described('Largest pixel value of the image.'),
    img_min: described('Smallest pixel value of the image.'),
    value_max: described('Upper end of the display range.'),
    value_min: described('Lower end of the display range.'),
  },
};

/** Builds the JSON Schema (draft 2020-12) of a whole sidecar from the field table. */
export function buildSidecarSchema(): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SIDECAR_SCHEMA_ID,
    title: 'CloudScope AcqImage sidecar',
    description:
      'Metadata kept next to an image as <image file name>.json, written by CloudScope as json.dumps(indent=2, sort_keys=True). Unknown top-level keys make CloudScope warn and are dropped on its next save.',
    type: 'object',
    required: [...REQUIRED_SIDECAR_KEYS],
    additionalProperties: false,
    properties: {
      version: { const: 2, description: 'Format version; CloudScope ignores a file with any other value.' },
      accepted: fieldSchema(ACCEPTED_FIELD),
      rois: { type: 'array', items: { $ref: '#/$defs/roi' } },
      experiment_metadata: sectionSchema(
        EXPERIMENT_FIELDS,
        'User-entered fields. Older files carry "_is_dirty" and lack "age"; unknown keys are dropped by CloudScope on its next save.',
      ),
      image_header_metadata: sectionSchema(
        HEADER_FIELDS,
        'Header fields (recomputed from the image by CloudScope) and the four calibration fields.',
      ),
      analysis: { type: 'array', items: { $ref: '#/$defs/analysisRecord' } },
      image_contrast: {
        type: 'object',
        description: 'Display contrast per channel key.',
        additionalProperties: { $ref: '#/$defs/channelContrast' },
      },
      reference_image_metadata: { type: 'object', description: 'Kept verbatim.' },
    },
    $defs: {
      roi: ROI,
      rectData: closedObject({
        row_start: 'First row.',
        row_stop: 'Row after the last (exclusive).',
        col_start: 'First column.',
        col_stop: 'Column after the last (exclusive).',
      }),
      lineData: closedObject({ row0: 'Start row.', col0: 'Start column.', row1: 'End row.', col1: 'End column.' }),
      analysisRecord: ANALYSIS_RECORD,
      channelContrast: CHANNEL_CONTRAST,
    },
  };
}
