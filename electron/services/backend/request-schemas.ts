/**
 * One JSON Schema per API method for its request, compiled with ajv at start-up.
 *
 * The renderer is not trusted: every request is checked here before a handler sees it.
 * Field values are checked for shape only; their rules are the validation module's job.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import { RESULTS_FORMATS } from '../../../shared/analysis';
import { PERSON_COLUMNS } from '../../../shared/dataset';
import type { ApiMethodName } from '../../../shared/api';
import { EDITABLE_FIELDS } from '../../../shared/fields/field-table';
import { MAX_PRESET_NAME } from '../../../shared/presets/preset-file';
import { DATASET_DRAFTS } from '../../../shared/sheets/dataset-drafts';
import { TABLE_EXPORT_FORMATS } from '../../../shared/sheets/table-export';
import { MAX_CALIBRATION_VALUE } from '../../../shared/tiff-calibration';

const MAX_PATH = 4096;

/** Largest table file `previewImport` takes, as base64 (about 24 MB of file). */
export const MAX_TABLE_BASE64 = 32 * 1024 * 1024;

const relativePath = { type: 'string', minLength: 1, maxLength: MAX_PATH } as const;
const empty = { type: 'object', additionalProperties: false } as const;
const planeIndex = { type: 'integer', minimum: 0, maximum: 1_000_000 } as const;
/** Images of the index sent at once: a page the window shows, below either engine's limit on parameters. */
const pageSize = { type: 'integer', minimum: 0, maximum: 200 } as const;

const version = {
  type: 'object',
  additionalProperties: false,
  required: ['size', 'mtimeMs', 'sha256'],
  properties: {
    size: { type: 'integer', minimum: 0 },
    mtimeMs: { type: 'number' },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
  },
} as const;

const channelFolder = { type: 'string', maxLength: MAX_PATH } as const;
/** A journal record or batch id. */
const journalId = { type: 'string', minLength: 1, maxLength: 100 } as const;
const channelCell = { type: 'string', maxLength: 10_000 } as const;
/** A z step or frame interval to write into a header (as `acqmeta calibrate --z-step` takes it). */
const calibrationValue = { type: 'number', exclusiveMinimum: 0, maximum: MAX_CALIBRATION_VALUE } as const;
/** A channel name to write into a header: some text, no control characters, no spaces around it. */
const channelName = { type: 'string', minLength: 1, maxLength: 1000, pattern: '^(?!\\s)[^\\p{Cc}]*(?<!\\s)$' } as const;
const channelTable = {
  ...empty,
  required: ['columns', 'rows'],
  properties: {
    columns: { type: 'array', minItems: 1, maxItems: 200, items: { type: 'string', minLength: 1, maxLength: 200 } },
    rows: {
      type: 'array',
      maxItems: 10_000,
      items: { type: 'object', maxProperties: 200, additionalProperties: channelCell },
    },
  },
} as const;

const fieldValues = {
  type: 'object',
  propertyNames: { enum: EDITABLE_FIELDS.map((f) => f.name) },
  additionalProperties: { type: ['string', 'number', 'boolean', 'null'] },
} as const;

/** A dataset's values and people, as acqmeta.dataset.json holds them; their rules are checked by the handler. */
const datasetText = { type: 'string', maxLength: 10_000 } as const;
const datasetValues = {
  ...empty,
  required: ['values', 'people'],
  properties: {
    values: { type: 'object', maxProperties: 1000, additionalProperties: datasetText },
    people: {
      type: 'array',
      maxItems: 1000,
      items: {
        ...empty,
        required: [...PERSON_COLUMNS],
        properties: Object.fromEntries(PERSON_COLUMNS.map((column) => [column, datasetText])),
      },
    },
  },
} as const;

const presetId = {
  type: 'string',
  minLength: 6,
  maxLength: 255,
  pattern: '^[^./\\\\][^/\\\\]*\\.[jJ][sS][oO][nN]$',
} as const;
const presetName = { type: 'string', minLength: 1, maxLength: MAX_PRESET_NAME } as const;

const saveRequest = {
  type: 'object',
  additionalProperties: false,
  required: ['path', 'changes', 'expected'],
  properties: {
    path: relativePath,
    changes: fieldValues,
    expected: { anyOf: [{ type: 'null' }, version] },
    overwrite: { type: 'boolean' },
    remove: { type: 'array', uniqueItems: true, items: { enum: EDITABLE_FIELDS.map((f) => f.name) } },
    replaceDamaged: fieldValues,
    create: { type: 'boolean' },
    removeSidecar: { const: true },
    action: { type: 'string', maxLength: 500 },
  },
} as const;

/** The request schema of every method. */
export const REQUEST_SCHEMAS: Record<ApiMethodName, object> = {
  getSession: { ...empty, properties: { scan: { type: 'boolean' } } },
  openFolder: {
    type: 'object',
    additionalProperties: false,
    properties: { path: { type: 'string', minLength: 1, maxLength: MAX_PATH } },
  },
  listFolders: {
    type: 'object',
    additionalProperties: false,
    properties: { path: { type: 'string', minLength: 1, maxLength: MAX_PATH } },
  },
  chooseFolderPath: empty,
  scanFolder: empty,
  cancelScan: { ...empty, properties: { scanId: { type: 'string', minLength: 1, maxLength: 100 } } },
  getImageDetail: { ...empty, required: ['path'], properties: { path: relativePath } },
  reloadRow: { ...empty, required: ['path'], properties: { path: relativePath } },
  getPreview: {
    ...empty,
    required: ['path', 'c', 'z', 't', 'maxSize'],
    properties: {
      path: relativePath,
      c: planeIndex,
      z: planeIndex,
      t: planeIndex,
      maxSize: { type: 'integer', minimum: 16, maximum: 4096 },
    },
  },
  saveSidecars: {
    ...empty,
    required: ['saves'],
    properties: {
      saves: { type: 'array', maxItems: 100_000, items: saveRequest },
      journal: {
        ...empty,
        required: ['batch'],
        properties: { batch: journalId },
      },
    },
  },
  getProfiles: empty,
  getJournal: {
    ...empty,
    properties: {
      paths: { type: 'array', maxItems: 100_000, items: relativePath },
      batch: journalId,
    },
  },
  checkValues: {
    ...empty,
    required: ['items'],
    properties: {
      items: {
        type: 'array',
        maxItems: 100_000,
        items: { ...empty, required: ['path', 'values'], properties: { path: relativePath, values: fieldValues } },
      },
    },
  },
  exportTable: {
    ...empty,
    required: ['format'],
    properties: {
      format: { enum: [...TABLE_EXPORT_FORMATS] },
      paths: { type: 'array', maxItems: 100_000, items: relativePath },
      acquisition: { type: 'boolean' },
    },
  },
  exportReadme: {
    ...empty,
    properties: {
      paths: { type: 'array', maxItems: 100_000, items: relativePath },
      draft: { enum: [...DATASET_DRAFTS] },
    },
  },
  previewImport: {
    ...empty,
    required: ['fileName', 'base64'],
    properties: {
      fileName: { type: 'string', minLength: 1, maxLength: 255 },
      base64: { type: 'string', maxLength: MAX_TABLE_BASE64 },
    },
  },
  exportResults: {
    ...empty,
    required: ['format'],
    properties: {
      format: { enum: [...RESULTS_FORMATS] },
      paths: { type: 'array', maxItems: 100_000, items: relativePath },
    },
  },
  listPresets: empty,
  savePreset: {
    ...empty,
    required: ['name', 'fields'],
    properties: { name: presetName, fields: fieldValues, overwrite: { type: 'boolean' } },
  },
  renamePreset: { ...empty, required: ['id', 'name'], properties: { id: presetId, name: presetName } },
  deletePreset: { ...empty, required: ['id'], properties: { id: presetId } },
  getChannelTable: { ...empty, required: ['folder'], properties: { folder: channelFolder } },
  saveChannelTable: {
    ...empty,
    required: ['folder', 'table', 'expected'],
    properties: {
      folder: channelFolder,
      table: { anyOf: [{ type: 'null' }, channelTable] },
      expected: { anyOf: [{ type: 'null' }, version] },
      action: { type: 'string', maxLength: 1000 },
    },
  },
  planChannelTableRestore: { ...empty, required: ['id'], properties: { id: journalId } },
  restoreChannelTable: {
    ...empty,
    required: ['id', 'expected'],
    properties: { id: journalId, expected: { anyOf: [{ type: 'null' }, version] } },
  },
  getInstrumentCatalogue: { ...empty, required: ['folder'], properties: { folder: channelFolder } },
  saveInstrumentFile: {
    ...empty,
    required: ['file', 'text', 'expected'],
    properties: {
      file: relativePath,
      // a description may be 4 MiB; its text as JSON has at most as many characters
      text: { anyOf: [{ type: 'null' }, { type: 'string', maxLength: 4 * 2 ** 20 }] },
      expected: { anyOf: [{ type: 'null' }, version] },
      action: { type: 'string', maxLength: 1000 },
    },
  },
  draftInstrumentFromImage: { ...empty, required: ['path'], properties: { path: relativePath } },
  getDataset: empty,
  saveDataset: {
    ...empty,
    required: ['dataset', 'expected'],
    properties: {
      dataset: { anyOf: [{ type: 'null' }, datasetValues] },
      expected: { anyOf: [{ type: 'null' }, version] },
      action: { type: 'string', maxLength: 1000 },
    },
  },
  restoreDataset: { ...empty, required: ['id'], properties: { id: journalId } },
  checkFolderLayout: {
    ...empty,
    properties: {
      target: { type: 'string', maxLength: 200 },
      ignore: { type: 'array', maxItems: 100, items: { type: 'string', maxLength: 1000 } },
    },
  },
  exportSubmission: { ...empty, required: ['format'], properties: { format: { type: 'string', maxLength: 200 } } },
  checkSubmissionMetadata: { ...empty, properties: { target: { type: 'string', maxLength: 200 } } },
  startConvert: {
    ...empty,
    required: ['paths', 'outputFolder', 'options'],
    properties: {
      paths: { type: 'array', minItems: 1, maxItems: 1_000_000, items: relativePath },
      outputFolder: relativePath,
      options: {
        ...empty,
        required: ['compression', 'flat', 'extension', 'force'],
        properties: {
          compression: { enum: ['none', 'zlib', 'lzw'] },
          flat: { type: 'boolean' },
          extension: { enum: ['.ome.tiff', '.ome.tif'] },
          force: { type: 'boolean' },
        },
      },
    },
  },
  cancelConvert: {
    ...empty,
    required: ['jobId'],
    properties: { jobId: { type: 'string', minLength: 1, maxLength: 100 } },
  },
  startCollectionExport: {
    ...empty,
    required: ['paths', 'destination', 'force'],
    properties: {
      paths: { type: 'array', minItems: 1, maxItems: 1_000_000, items: relativePath },
      destination: relativePath,
      force: { type: 'boolean' },
    },
  },
  cancelCollectionExport: {
    ...empty,
    required: ['jobId'],
    properties: { jobId: { type: 'string', minLength: 1, maxLength: 100 } },
  },
  reviewCalibration: {
    ...empty,
    required: ['paths'],
    properties: {
      paths: { type: 'array', minItems: 1, maxItems: 1_000_000, items: relativePath },
      zStep: calibrationValue,
      interval: calibrationValue,
      channels: { type: 'array', minItems: 1, maxItems: 10_000, items: channelName },
    },
  },
  startCalibration: { ...empty, required: ['reviewId'], properties: { reviewId: journalId } },
  cancelCalibration: {
    ...empty,
    required: ['jobId'],
    properties: { jobId: { type: 'string', minLength: 1, maxLength: 100 } },
  },
  undoHeaderWrite: { ...empty, required: ['id'], properties: { id: journalId } },
  reviewUpload: {
    ...empty,
    required: ['format', 'upload', 'force'],
    properties: {
      format: { type: 'string', minLength: 1, maxLength: 100 },
      upload: relativePath,
      force: { type: 'boolean' },
    },
  },
  startUpload: { ...empty, required: ['reviewId'], properties: { reviewId: journalId } },
  cancelUpload: {
    ...empty,
    required: ['jobId'],
    properties: { jobId: { type: 'string', minLength: 1, maxLength: 100 } },
  },
  showUpload: {
    ...empty,
    required: ['jobId'],
    properties: { jobId: { type: 'string', minLength: 1, maxLength: 100 } },
  },
  getIndexStatus: empty,
  searchIndex: {
    ...empty,
    required: ['filter', 'limit'],
    properties: { filter: { type: 'string', maxLength: 10_000 }, limit: pageSize },
  },
  getSearchPage: {
    ...empty,
    required: ['searchId', 'offset', 'limit'],
    properties: {
      searchId: { type: 'string', minLength: 1, maxLength: 100 },
      offset: { type: 'integer', minimum: 0 },
      limit: pageSize,
    },
  },
  startIndexRefresh: empty,
  cancelIndexRefresh: {
    ...empty,
    required: ['jobId'],
    properties: { jobId: { type: 'string', minLength: 1, maxLength: 100 } },
  },
};

/** The options every request schema is compiled with. */
export const REQUEST_AJV_OPTIONS = { allErrors: false, strict: true, allowUnionTypes: true } as const;

/**
 * Every method's request validator, each compiled when its method is first called, so that a
 * start compiles only what the session asks; a method's validator reports the first problem as
 * text. The schemas are this file's own constants, checked against JSON Schema's meta-schema by
 * the unit tests rather than again at every start.
 */
export function compileRequestValidators(): Record<ApiMethodName, ValidateFunction> {
  const ajv = new Ajv({ ...REQUEST_AJV_OPTIONS, validateSchema: false });
  const validators = {} as Record<ApiMethodName, ValidateFunction>;
  for (const [name, schema] of Object.entries(REQUEST_SCHEMAS)) {
    let compiled: ValidateFunction | undefined;
    Object.defineProperty(validators, name, { enumerable: true, get: () => (compiled ??= ajv.compile(schema)) });
  }
  return validators;
}

/** One line describing why a request failed its schema. */
export function describeSchemaError(validate: ValidateFunction): string {
  const error = validate.errors?.[0];
  if (error === undefined) return 'the request is not valid';
  const where = error.instancePath === '' ? 'the request' : `request ${readablePath(error.instancePath)}`;
  if (error.propertyName !== undefined) return `${where} has an unexpected key "${error.propertyName}"`;
  const extra =
    error.keyword === 'additionalProperties'
      ? ` (${String((error.params as { additionalProperty?: string }).additionalProperty)})`
      : '';
  return `${where} ${error.message ?? 'is not valid'}${extra}`;
}

/** A JSON Pointer as a person reads a path: `/saves/0/changes` → `saves[0].changes`. */
function readablePath(pointer: string): string {
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((segment, i) => (/^\d+$/.test(segment) ? `[${segment}]` : i === 0 ? segment : `.${segment}`))
    .join('');
}
