/**
 * A submission table column by column, as the app's Completeness view lists it: each column's
 * value and where it came from, or why it is still to fill; for a per-image manifest, how many
 * images still lack it.
 */
import type { MetadataColumn } from '../api-submission-metadata';
import { htanComponents, hubmapTemplates } from './metadata-templates';
import type { SubmissionTable } from './submission-cells';
import type { SubmissionFormat } from './submission-export';

/** Whether the repository requires each column of `format`'s file. */
function requiredColumns(format: SubmissionFormat): ReadonlySet<string> {
  const required =
    format === 'htan:imaging-level-2'
      ? htanComponents().items.find((c) => c.name === 'Imaging Level 2')?.attributes
      : hubmapTemplates()
          .items.find((t) => `hubmap:${t.name}` === format)
          ?.fields.map((f) => ({ ...f, name: f.key }));
  return new Set((required ?? []).filter((column) => column.required).map((column) => column.name));
}

/** The columns of `table` (the file of `format`): one value per column for one row, counts over images for several. */
export function metadataColumns(format: SubmissionFormat, table: SubmissionTable): MetadataColumn[] {
  const required = requiredColumns(format);
  const perImage = format === 'htan:imaging-level-2';
  return table.columns.map((name, i) => {
    const todo = table.todo.filter((item) => item.column === name);
    const from = table.sources?.map((row) => row[i] ?? null).find((origin) => origin !== null) ?? null;
    const value = perImage ? null : (table.rows[0]?.[i] ?? '') || null;
    return {
      name,
      required: required.has(name),
      value,
      from,
      ...(todo[0] === undefined ? {} : { todo: todo[0].reason }),
      ...(perImage ? { missing: todo.length } : {}),
    };
  });
}
