/**
 * HuBMAP's `contributors.tsv`: the contributors template's columns in order and no rows, since
 * AcqMeta knows no people. Its one to-do asks for a row per contributor, naming the required
 * columns, the metadata_schema_id to write, and the contact HuBMAP's upload check demands
 * (ingest-validation-tools `upload.py`: "No primary contact" unless a row's is_contact is Yes).
 */
import type { MetadataTemplate } from './metadata-templates';
import type { SubmissionTable } from './submission-cells';

/** The file name of a HuBMAP contributors table, beside the metadata TSV. */
export const CONTRIBUTORS_FILE = 'contributors.tsv';

/** The contributors table of `template`: its header, and the rows to add as its to-do. */
export function contributorsTable(template: MetadataTemplate): SubmissionTable {
  const required = template.columns.filter((key) => template.fields.find((f) => f.key === key)?.required);
  const schemaId = template.metadataSchemaId === null ? '' : `, metadata_schema_id ${template.metadataSchemaId}`;
  return {
    columns: template.columns,
    rows: [],
    todo: [
      {
        row: `${CONTRIBUTORS_FILE} row 1`,
        column: required.join(', '),
        required: true,
        reason: `AcqMeta knows no people: add one row per contributor with these columns filled${schemaId}; is_contact "Yes" on at least one row (HuBMAP refuses an upload without a contact)`,
      },
    ],
  };
}
