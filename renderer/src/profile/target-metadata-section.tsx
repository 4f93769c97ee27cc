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

/** Where a column's value came from, as the section says it. */
function origin(column: MetadataColumn, check: SubmissionMetadataCheck): string {
  if (column.missing === undefined || column.missing === 0) return column.from ?? '';
  const filled = check.images - column.missing;
  return filled === 0 ? '' : `${column.from ?? ''} (${formatCount(filled)} of ${plural(check.images, 'image')})`;
}

function ColumnRow({ column, check }: { column: MetadataColumn; check: SubmissionMetadataCheck }) {
  const perImage = column.missing !== undefined;
  const toFill = perImage ? (column.missing ?? 0) > 0 : column.value === null;
  const value = perImage
    ? toFill
      ? `${formatCount(column.missing ?? 0)} of ${plural(check.images, 'image')} to fill`
      : `all ${plural(check.images, 'image')}`
    : (column.value ?? 'to fill');
  return (
    <tr className={toFill ? 'target-to-fill' : 'target-filled'}>
      <th scope="row">
        <code>{column.name}</code>
      </th>
      <td className="target-value">{value}</td>
      <td className="small">
        {origin(column, check)}
        {toFill && column.todo !== undefined && <span className="target-why">{column.todo}</span>}
      </td>
    </tr>
  );
}

function Columns({ check }: { check: SubmissionMetadataCheck }) {
  const required = check.columns.filter((c) => c.required);
  const toFill = required.filter((c) => (c.missing === undefined ? c.value === null : c.missing > 0)).length;
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
      <table className="review-table target-table">
        <caption className="sr-only">Required columns of the {check.format} metadata file</caption>
        <thead>
          <tr>
            <th scope="col">Required column</th>
            <th scope="col">{check.rows === 'image' ? 'Images' : 'Value'}</th>
            <th scope="col">From, or why it is to fill</th>
          </tr>
        </thead>
        <tbody>
          {required.map((column) => (
            <ColumnRow key={column.name} column={column} check={check} />
          ))}
        </tbody>
      </table>
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
