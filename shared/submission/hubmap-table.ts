/**
 * A HuBMAP metadata TSV's one row for a dataset: the template's columns in order,
 * `metadata_schema_id` and the template's defaults filled, the instrument and image facts all
 * images agree on, each checked by the template's own rules.
 */
import { ruleOfField } from './column-rules';
import { imageFacts, type FactName, type SubmissionImage } from './image-facts';
import type { MetadataTemplate } from './metadata-templates';
import {
  cellOrigin,
  datasetFact,
  fillCell,
  type CellSource,
  type SubmissionTable,
  type TodoItem,
} from './submission-cells';

/** The template columns an image fact fills. */
export const HUBMAP_FACT_COLUMNS: Readonly<Record<string, FactName>> = {
  acquisition_instrument_vendor: 'vendor',
  acquisition_instrument_model: 'model',
  number_of_channels: 'channels',
  data_precision_bytes: 'bytesPerPixel',
};

/** The row `dataset` of the TSV: the dataset's one row. */
export const DATASET_ROW = 'dataset';

/** The metadata table of the dataset made of `images` for `template`; `given` fills the columns it names (the paths of files AcqMeta writes). */
export function hubmapTable(
  template: MetadataTemplate,
  images: readonly SubmissionImage[],
  given: Readonly<Record<string, CellSource>> = {},
): SubmissionTable {
  const facts = images.map(imageFacts);
  const todo: TodoItem[] = [];
  const sources: (string | null)[] = [];
  const row = template.columns.map((column) => {
    const field = template.fields.find((f) => f.key === column);
    const rule = field === undefined ? { name: column, required: false } : ruleOfField(field);
    const source = column in given ? (given[column] as CellSource) : sourceOf(template, column, facts);
    const text = fillCell(rule, source, DATASET_ROW, todo, 'HuBMAP');
    sources.push(cellOrigin(source, text));
    return text;
  });
  return { columns: template.columns, rows: [row], todo, sources: [sources] };
}

function sourceOf(template: MetadataTemplate, column: string, facts: Parameters<typeof datasetFact>[0]): CellSource {
  if (column === 'metadata_schema_id' && template.metadataSchemaId !== null)
    return { fact: { value: template.metadataSchemaId, from: 'template' } };
  const fact = HUBMAP_FACT_COLUMNS[column];
  if (fact !== undefined) return datasetFact(facts, fact);
  const byDefault = template.fields.find((f) => f.key === column)?.default?.label;
  return byDefault == null ? null : { fact: { value: byDefault, from: "template's default" } };
}
