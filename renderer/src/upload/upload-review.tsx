/**
 * What building the upload would do, before it is built: each step (written, linked, copied,
 * converted) with its place in the upload and its source, the size against the free space, what
 * of the folder is left out, and the to-do the build leaves, as `acqmeta submission --dry-run`
 * lists it. Also the to-do of a built upload.
 */
import type { TodoItem, UploadReview, UploadStep } from '../../../shared/api';
import { todoHeadline } from '../../../shared/submission';
import { formatBytes, plural } from '../lib/format';
import { countsText, spaceText, stepCounts, tooLittleSpace } from './upload-text';
import { DataTable, PathNotes, WrappingPath, type Column } from '../kit';

/** Rows a table lists before the rest are counted, so an upload of thousands of files reviews as fast as one of ten. */
const LISTED = 200;

/** How each action reads in the table. */
const ACTION_WORDS: Readonly<Record<UploadStep['action'], string>> = {
  write: 'Write',
  link: 'Link',
  copy: 'Copy',
  folder: 'Keep folder',
  convert: 'Convert',
};

const STEP_COLUMNS: readonly Column<UploadStep>[] = [
  { header: 'Action', nowrap: true, cell: (step) => ACTION_WORDS[step.action] },
  { header: 'In the upload', cell: (step) => <WrappingPath path={step.path} /> },
  { header: 'From', cell: (step) => (step.source === null ? '' : <WrappingPath path={step.source} />) },
  {
    header: 'Size',
    className: 'num',
    headerClassName: 'num',
    nowrap: true,
    cell: (step) => (step.bytes === null ? '' : formatBytes(step.bytes)),
  },
];

const TODO_COLUMNS: readonly Column<TodoItem>[] = [
  {
    header: 'Column',
    nowrap: true,
    cell: (item) => <code className="todo-column">{item.column}</code>,
  },
  {
    header: 'Needed',
    className: 'todo-state',
    headerClassName: 'todo-state',
    cell: (item) => (item.required ? 'Required' : 'Optional'),
  },
  { header: 'Why it is empty', cell: (item) => item.reason },
  { header: 'Where', cell: (item) => <WrappingPath path={item.row} /> },
];

/** `… and 12 more` under a table cut at {@link LISTED} rows. */
function More({ rows, what }: { rows: number; what: string }) {
  if (rows <= LISTED) return null;
  return <p className="muted small">… and {plural(rows - LISTED, what)} more.</p>;
}

/** The to-do left, required first, or that nothing is. */
export function UploadTodo({ todo }: { todo: readonly TodoItem[] }) {
  const ordered = [...todo.filter((item) => item.required), ...todo.filter((item) => !item.required)];
  return (
    <section className="upload-todo-section" aria-labelledby="upload-todo-title">
      <h3 id="upload-todo-title" className="modal-label">
        {todoHeadline(todo)}
      </h3>
      {ordered.length > 0 && (
        <>
          <DataTable
            caption="What no file, sidecar or dataset value supplies"
            className="upload-todo"
            columns={TODO_COLUMNS}
            rows={ordered.slice(0, LISTED)}
            rowKey={(_, i) => String(i)}
            rowClass={(item) => (item.required ? 'todo-required' : 'todo-optional')}
          />
          <More rows={ordered.length} what="item" />
        </>
      )}
    </section>
  );
}

/** The review (see the module comment). */
export function UploadReviewView({ review }: { review: UploadReview }) {
  return (
    <>
      <p className="layout-verdict" role="status">
        Builds <WrappingPath path={review.upload} />
        {review.replaces ? ', replacing the upload there' : ''}: {countsText(stepCounts(review.steps))}.
      </p>
      <p className={tooLittleSpace(review) ? 'callout callout-warning small' : 'muted small'}>
        {formatBytes(review.bytes)} to go through. {spaceText(review)}
        {tooLittleSpace(review) && ' The disk may fill before the upload is whole; the build would then leave nothing.'}
      </p>
      <DataTable
        caption={`What goes into the upload for ${review.format}`}
        className="upload-steps"
        columns={STEP_COLUMNS}
        rows={review.steps.slice(0, LISTED)}
        rowKey={(step, i) => `${i}:${step.path}`}
      />
      <More rows={review.steps.length} what="step" />
      <PathNotes title="Left out" notes={review.notes.map((note) => ({ path: '', text: note }))} />
      <UploadTodo todo={review.todo} />
    </>
  );
}
