/**
 * The Submission check: the open folder's files against a repository's directory schema
 * (HuBMAP's, as its `directory_validator.py` applies it): each pattern met or missing, each
 * file the schema does not allow, and AcqMeta's own files, left out of an upload. Reads the
 * folder; writes nothing.
 */
import type { FolderLayoutCheck, LayoutPattern } from '../../../shared/api';
import { formatCount, plural } from '../lib/format';
import { useApp } from '../store';
import { Modal } from '../kit';
import { ModalActions } from '../kit';

/** Paths not allowed listed before the rest are counted. */
const LISTED_PATHS = 50;

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

function PatternRow({ pattern }: { pattern: LayoutPattern }) {
  const state = pattern.met ? 'met' : pattern.required ? 'missing' : 'absent';
  const label = { met: 'Present', missing: 'Missing', absent: 'None (optional)' }[state];
  return (
    <tr className={`layout-${state}`}>
      <td className="layout-state">
        <span aria-hidden="true">{{ met: '✓', missing: '✗', absent: '–' }[state]}</span> {label}
      </td>
      <td>
        <code className="layout-pattern" title={`The schema's pattern: ${pattern.pattern}`}>
          {readablePattern(pattern.pattern)}
        </code>
        {pattern.required ? '' : ' (optional)'}
      </td>
      <td className="small">{pattern.description}</td>
    </tr>
  );
}

/** A list of paths under its heading (`id` labels it), the first {@link LISTED_PATHS} named and the rest counted. */
function PathList({ id, heading, paths }: { id: string; heading: string; paths: readonly string[] }) {
  if (paths.length === 0) return null;
  const more = paths.length - LISTED_PATHS;
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="modal-label">
        {heading} ({formatCount(paths.length)})
      </h3>
      <ul className="layout-paths small">
        {paths.slice(0, LISTED_PATHS).map((p) => (
          <li key={p}>
            <code>{p}</code>
          </li>
        ))}
        {more > 0 && <li className="muted">… and {formatCount(more)} more</li>}
      </ul>
    </section>
  );
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
    <Modal labelledBy="layout-title" describedBy="layout-text" onCancel={close} wide>
      <h2 id="layout-title" className="modal-title">
        Submission check: folder layout
      </h2>
      <p id="layout-text" className="muted small">
        The folder’s files against the repository’s directory schema, by the rules of HuBMAP’s own validator. Nothing is
        written. The command line gives the same verdict: <code>acqmeta validate &lt;folder&gt; --target</code>.
      </p>
      <div className="layout-target">
        <label htmlFor="layout-target-select">Target</label>
        <select
          id="layout-target-select"
          className="input"
          value={view.target}
          disabled={check === null}
          onChange={(event) => void checkLayout(event.target.value)}
        >
          {(check?.targets ?? [view.target]).map((target) => (
            <option key={target} value={target}>
              {target}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn-small"
          disabled={checking}
          onClick={() => void checkLayout(view.target)}
        >
          {checking ? 'Checking…' : 'Check again'}
        </button>
      </div>
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
          <div className="layout-scroll">
            <table className="review-table layout-table">
              <caption className="modal-label">Patterns of {check.target}, in the schema’s order</caption>
              <thead>
                <tr>
                  <th scope="col">In the folder</th>
                  <th scope="col">Pattern</th>
                  <th scope="col">What it is</th>
                </tr>
              </thead>
              <tbody>
                {check.checklist.map((pattern, i) => (
                  <PatternRow key={i} pattern={pattern} />
                ))}
              </tbody>
            </table>
          </div>
          <PathList id="layout-not-allowed" heading="Not allowed by the schema" paths={check.notAllowed} />
          <PathList id="layout-left-out" heading="AcqMeta’s own files, left out of an upload" paths={check.leftOut} />
        </>
      )}
      <ModalActions onCancel={close} cancelLabel="Close" focusCancel>
        <button
          type="button"
          className="btn"
          aria-haspopup="dialog"
          title="The repository's metadata files made from the images and their sidecars, with what is left to fill"
          onClick={() => {
            close();
            void openSubmissionExport(view.target);
          }}
        >
          Write submission files…
        </button>
      </ModalActions>
    </Modal>
  );
}
