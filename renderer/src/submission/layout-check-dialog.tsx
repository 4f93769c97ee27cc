/**
 * The Submission check: the open folder's files against a repository's directory schema
 * (HuBMAP's, as its `directory_validator.py` applies it): each pattern met or missing, each
 * file the schema does not allow, and AcqMeta's own files, left out of an upload. Reads the
 * folder; writes nothing.
 */
import type { FolderLayoutCheck, LayoutPattern } from '../../../shared/api';
import { formatCount, plural } from '../lib/format';
import { useApp } from '../store';
import { DataTable, Modal, ModalActions, NextDialogButton, PathNotes, type Column } from '../kit';
import { TargetSelect } from './target-select';

/** `3 required patterns missing, 2 files not allowed`, or that the layout matches. */
function verdictText(check: FolderLayoutCheck): string {
  const missing = check.checklist.filter((p) => p.required && !p.met).length;
  const parts = [
    missing > 0 ? `${plural(missing, 'required pattern')} missing` : null,
    check.notAllowed.length > 0 ? `${plural(check.notAllowed.length, 'path')} not allowed` : null,
  ].filter((part) => part !== null);
  const verdict = parts.length === 0 ? 'The folder’s layout matches' : parts.join(', ');
  return `${verdict} (${formatCount(check.paths)} ${check.paths === 1 ? 'path' : 'paths'} checked against ${check.target}).`;
}

/** A schema pattern as a person reads a path: `extras\/hardware\.json$` is `extras/hardware.json`, a trailing `.*` is `…`. */
function readablePattern(pattern: string): string {
  return pattern
    .replace(/^\^/, '')
    .replace(/\$$/, '')
    .replace(/\.\*$/, '…')
    .replace(/\\([/.])/g, '$1');
}

/** The pattern's state in the folder: met, missing (required) or absent (optional). */
function patternState(pattern: LayoutPattern): 'met' | 'missing' | 'absent' {
  return pattern.met ? 'met' : pattern.required ? 'missing' : 'absent';
}

/** The columns of the patterns: in the folder or not, the pattern, what it is. */
const PATTERN_COLUMNS: readonly Column<LayoutPattern>[] = [
  {
    header: 'In the folder',
    className: 'layout-state',
    cell: (pattern) => {
      const state = patternState(pattern);
      const label = { met: 'Present', missing: 'Missing', absent: 'None (optional)' }[state];
      return (
        <>
          <span aria-hidden="true">{{ met: '✓', missing: '✗', absent: '–' }[state]}</span> {label}
        </>
      );
    },
  },
  {
    header: 'Pattern',
    cell: (pattern) => (
      <>
        <code className="layout-pattern" title={`The schema's pattern: ${pattern.pattern}`}>
          {readablePattern(pattern.pattern)}
        </code>
        {pattern.required ? '' : ' (optional)'}
      </>
    ),
  },
  { header: 'What it is', className: 'small', cell: (pattern) => pattern.description },
];

/** Paths named alone, as the lists of the check give them. */
function pathNotes(paths: readonly string[]) {
  return paths.map((path) => ({ path, text: '' }));
}

/** The dialog, while the store has the check open. */
export function LayoutCheckDialog() {
  const view = useApp((s) => s.layoutCheck);
  const close = useApp((s) => s.closeLayoutCheck);
  const checkLayout = useApp((s) => s.checkLayout);
  const openSubmissionExport = useApp((s) => s.openSubmissionExport);
  if (view === null) return null;
  const { check, checking, failure } = view;
  return (
    <Modal
      labelledBy="layout-title"
      title="Submission check: folder layout"
      describedBy="layout-text"
      onCancel={close}
      wide
    >
      <p id="layout-text" className="muted small">
        The folder’s files against the repository’s directory schema, by the rules of HuBMAP’s own validator. Nothing is
        written. The command line gives the same verdict: <code>acqmeta validate &lt;folder&gt; --target</code>.
      </p>
      <TargetSelect
        id="layout-target-select"
        label="Target"
        value={view.target}
        options={(check?.targets ?? [view.target]).map((target) => ({ value: target, label: target }))}
        disabled={check === null}
        onChange={(target) => void checkLayout(target)}
      >
        <button
          type="button"
          className="btn btn-small"
          disabled={checking}
          onClick={() => void checkLayout(view.target)}
        >
          {checking ? 'Checking…' : 'Check again'}
        </button>
      </TargetSelect>
      {failure !== null && (
        <p className="form-error small" role="alert">
          {failure}
        </p>
      )}
      {check !== null && check.target !== null && (
        <>
          <p className="small layout-verdict" role="status">
            {verdictText(check)}
          </p>
          {/* the table scrolls: focusable, so that a keyboard scrolls it too */}
          <div className="layout-scroll" tabIndex={0} role="region" aria-label={`Patterns of ${check.target}`}>
            <DataTable
              caption={`Patterns of ${check.target}, in the schema’s order`}
              className="layout-table"
              columns={PATTERN_COLUMNS}
              rows={check.checklist}
              rowKey={(_, i) => String(i)}
              rowClass={(pattern) => `layout-${patternState(pattern)}`}
            />
          </div>
          <PathNotes title="Not allowed by the schema" notes={pathNotes(check.notAllowed)} />
          <PathNotes title="AcqMeta’s own files, left out of an upload" notes={pathNotes(check.leftOut)} />
        </>
      )}
      <ModalActions onCancel={close} cancelLabel="Close" focusCancel>
        <NextDialogButton
          title="The repository's metadata files made from the images and their sidecars, with what is left to fill"
          leave={close}
          open={() => void openSubmissionExport(view.target)}
        >
          Write submission files…
        </NextDialogButton>
      </ModalActions>
    </Modal>
  );
}
