/**
 * HuBMAP's `contributors.tsv`: the contributors template's columns in order, one row per person
 * kept for the dataset (acqmeta dataset --contributors), each cell checked by the template. With
 * no people, its one to-do asks for a row per contributor, naming the required columns, the
 * metadata_schema_id to write, and the contact HuBMAP's upload check demands (ingest-validation-tools
 * `upload.py`: "No primary contact" unless a row's is_contact is Yes); a contact is asked for too
 * when no person kept is one.
 */
import type { Person } from '../dataset';
import { ruleOfField } from './column-rules';
import type { MetadataTemplate } from './metadata-templates';
import { cellOrigin, fillCell, type CellSource, type SubmissionTable, type TodoItem } from './submission-cells';

/** The file name of a HuBMAP contributors table, beside the metadata TSV. */
export const CONTRIBUTORS_FILE = 'contributors.tsv';

/** The contributors table of `template` with a row per person of `people`, and its to-do. */
export function contributorsTable(template: MetadataTemplate, people: readonly Person[]): SubmissionTable {
  const required = template.columns.filter((key) => template.fields.find((f) => f.key === key)?.required);
  const schemaId = template.metadataSchemaId === null ? '' : `, metadata_schema_id ${template.metadataSchemaId}`;
  const todo: TodoItem[] = [];
  const sources: (string | null)[][] = [];
  const rows = people.map((person, i) => {
    const origins: (string | null)[] = [];
    sources.push(origins);
    return template.columns.map((column) => {
      const field = template.fields.find((f) => f.key === column);
      const rule = field === undefined ? { name: column, required: false } : ruleOfField(field);
      const value = column === 'metadata_schema_id' ? template.metadataSchemaId : person[column as keyof Person];
      const from = column === 'metadata_schema_id' ? 'template' : 'dataset people';
      const source: CellSource = value == null || value === '' ? null : { fact: { value, from } };
      const text = fillCell(rule, source, `${CONTRIBUTORS_FILE} row ${i + 1}`, todo, 'HuBMAP');
      origins.push(cellOrigin(source, text));
      return text;
    });
  });
  if (people.length === 0)
    todo.push({
      row: `${CONTRIBUTORS_FILE} row 1`,
      column: required.join(', '),
      required: true,
      reason: `no people are kept for the dataset (acqmeta dataset --contributors): add one row per contributor with these columns filled${schemaId}; is_contact "Yes" on at least one row (HuBMAP refuses an upload without a contact)`,
    });
  else if (!people.some((person) => person.is_contact === 'Yes'))
    todo.push({
      row: CONTRIBUTORS_FILE,
      column: 'is_contact',
      required: true,
      reason: 'no person is the contact: HuBMAP refuses an upload without a row whose is_contact is "Yes"',
    });
  return { columns: template.columns, rows, todo, sources };
}
