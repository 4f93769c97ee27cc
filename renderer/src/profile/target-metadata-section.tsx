/**
 * Completeness for the submission target: the columns of the repository's metadata file that
 * it requires, each with the value the files give and where it came from, or "to fill" and why;
 * for HTAN's manifest (one row per image), how many images still lack each. Nothing is made up:
 * what no file gives stays to fill.
 */
import { useEffect } from 'react';
import type { MetadataColumn, SubmissionMetadataCheck } from '../../../shared/api';
import { formatCount, plural } from '../lib/format';
import { useApp } from '../store';
import { DataTable, type Column } from '../kit';

/** Where a column's value came from, as the section says it. */
function origin(column: MetadataColumn, check: SubmissionMetadataCheck): string {
  if (column.missing === undefined || column.missing === 0) return column.from ?? '';
  const filled = check.images - column.missing;
  return filled === 0 ? '' : `${column.from ?? ''} (${formatCount(filled)} of ${plural(check.images, 'image')})`;
}

/** Whether the column is still to fill: for one image or more (HTAN's manifest), or its one value. */
function isToFill(column: MetadataColumn): boolean {
  return column.missing === undefined ? column.value === null : column.missing > 0;
}

/** The column's name, its value (or how many images it is to fill for), and where it came from or why it is to fill. */
function columnsOf(check: SubmissionMetadataCheck): Column<MetadataColumn>[] {
  const images = plural(check.images, 'image');
  return [
    { header: 'Required column', rowHeader: true, cell: (column) => <code>{column.name}</code> },
    {
      header: check.rows === 'image' ? 'Images' : 'Value',
      className: 'target-value',
      cell: (column) =>
        column.missing === undefined
          ? (column.value ?? 'to fill')
          : column.missing > 0
            ? `${formatCount(column.missing)} of ${images} to fill`
            : `all ${images}`,
    },
    {
      header: 'From, or why it is to fill',
      className: 'small',
      cell: (column) => (
        <>
          {origin(column, check)}
          {isToFill(column) && column.todo !== undefined && <span className="target-why">{column.todo}</span>}
        </>
      ),
    },
  ];
}

function Columns({ check }: { check: SubmissionMetadataCheck }) {
  const required = check.columns.filter((c) => c.required);
  const toFill = required.filter(isToFill).length;
  const optional = check.columns.length - required.length;
  const optionalFilled = check.columns.filter((c) => !c.required && c.from !== null).length;
  return (
    <>
      <p className="small" role="status">
        <strong>
          {formatCount(required.length - toFill)} of {plural(required.length, 'required column')} filled from the files
        </strong>
        {toFill > 0 && `, ${formatCount(toFill)} to fill`}; {formatCount(optionalFilled)} of{' '}
        {plural(optional, 'optional column')} filled. Made from {plural(check.images, 'image')} as{' '}
        <code>acqmeta export --format {check.format}</code> makes the file.
      </p>
      <DataTable
        className="target-table"
        label={`Required columns of the ${check.format} metadata file`}
        columns={columnsOf(check)}
        rows={required}
        rowKey={(column) => column.name}
        headedWhenEmpty
        rowClass={(column) => (isToFill(column) ? 'target-to-fill' : 'target-filled')}
      />
    </>
  );
}

/** The section, while a target is in force (the folder profile's, or the one chosen in the Submission check). */
export function TargetMetadataSection() {
  const view = useApp((s) => s.targetMetadata);
  const load = useApp((s) => s.loadTargetMetadata);
  useEffect(() => void load(), [load]);
  if (view === null || view.check?.target === null) return null;
  const { check, failure } = view;
  return (
    <section aria-labelledby="target-metadata-title" className="target-metadata" aria-busy={check === null}>
      <h3 id="target-metadata-title" className="modal-label completeness-group">
        For {check?.target ?? 'the submission target'}
      </h3>
      {failure !== null && (
        <p className="form-error small" role="alert">
          {failure}
        </p>
      )}
      {check === null && failure === null && <p className="small muted">Reading the images…</p>}
      {check !== null && (
        <>
          <p className="small muted">
            {check.title}, {check.profile === null ? 'chosen in the Submission check' : `named by ${check.profile}`}.
          </p>
          {check.format === null ? (
            <p className="small">
              AcqMeta writes no metadata file for this target: its folder layout is checked in the Submission check.
            </p>
          ) : (
            <Columns check={check} />
          )}
        </>
      )}
    </section>
  );
}
