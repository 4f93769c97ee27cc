/**
 * An invalid sidecar in the editor, read-only: the values that can still be read from it,
 * marked as read from a damaged file (never the fields' defaults), and the file's text with
 * the problem's line marked.
 */
import { useLayoutEffect, useRef } from 'react';
import type { DamagedSidecar, SalvagedValue } from '../../../shared/api';
import { EDITABLE_FIELDS, type FieldSpec } from '../../../shared/fields/field-table';
import { writtenText } from '../../../shared/sidecar';
import { formatCount } from '../lib/format';
import { EDIT_GROUPS } from './field-section';

/** The editable fields in the editor's order (by group). */
const FIELDS_SHOWN: readonly FieldSpec[] = EDIT_GROUPS.flatMap((group) =>
  EDITABLE_FIELDS.filter((f) => f.group === group),
);

function SalvagedValues({ damaged }: { damaged: DamagedSidecar }) {
  const found = new Map(damaged.values.map((v) => [`${v.section}/${v.name}`, v]));
  const read = FIELDS_SHOWN.filter((f) => found.has(`${f.section}/${f.name}`));
  const missed = FIELDS_SHOWN.filter((f) => !found.has(`${f.section}/${f.name}`));
  const version = found.get('top/version');
  const whole = damaged.readUntilLine === null;
  const from = whole ? 'file' : 'damaged file';
  return (
    <section className="panel-section" aria-labelledby="section-salvaged">
      <h3 id="section-salvaged" className="section-title">
        Values read from the {from}
      </h3>
      <p className="small muted damaged-note">
        {whole
          ? 'What the file holds, shown as it is written. AcqMeta does not edit it.'
          : `Read up to line ${damaged.readUntilLine}, where the file is damaged; shown as the file writes them, not editable.`}
      </p>
      {read.length === 0 ? (
        <p className="small damaged-none">No value could be read before the damage.</p>
      ) : (
        <table className="tags-table kv-table salvaged-table" aria-label={`Values read from the ${from}`}>
          <tbody>
            {version !== undefined && <SalvagedRow label="Version" value={version.value} from={from} />}
            {read.map((field) => (
              <SalvagedRow
                key={field.name}
                label={field.displayName}
                value={(found.get(`${field.section}/${field.name}`) as SalvagedValue).value}
                from={from}
              />
            ))}
          </tbody>
        </table>
      )}
      {missed.length > 0 && (
        <p className="small damaged-missed">
          <span className="damaged-missed-label">
            Not read{whole ? ' (not in the file)' : ` (after line ${damaged.readUntilLine})`}:
          </span>{' '}
          {missed.map((f) => f.displayName).join(', ')}
        </p>
      )}
    </section>
  );
}

function SalvagedRow({ label, value, from }: { label: string; value: SalvagedValue['value']; from: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="mono">
        {writtenText(value)}
        <span className="sr-only">, read from the {from}</span>
      </td>
    </tr>
  );
}

function FileText({ damaged }: { damaged: DamagedSidecar }) {
  const box = useRef<HTMLPreElement>(null);
  const lines = damaged.text.split('\n');
  const last = damaged.firstLine + lines.length - 1;
  const digits = String(last).length;
  // The damaged line in view inside the box, without scrolling the panel itself.
  useLayoutEffect(() => {
    const frame = box.current;
    const marked = frame?.querySelector<HTMLElement>('.is-damage');
    if (!frame || !marked) return;
    frame.scrollTop = Math.max(0, marked.offsetTop - frame.clientHeight / 2);
  }, [damaged]);
  return (
    <section className="panel-section" aria-labelledby="section-file-text">
      <h3 id="section-file-text" className="section-title">
        File text (read-only)
      </h3>
      <p className="small damaged-place">
        {damaged.line === null ? 'The problem: ' : 'The marked line: '}
        {damaged.problem}
      </p>
      {damaged.cut && (
        <p className="small muted">
          Lines {formatCount(damaged.firstLine)}–{formatCount(last)} of {formatCount(damaged.totalLines)}: the file is
          too long to show whole.
        </p>
      )}
      <pre
        ref={box}
        className="code-block damaged-text"
        tabIndex={0}
        role="region"
        aria-label="Sidecar file text"
        style={{ ['--gutter' as string]: `${digits + 1}ch` }}
      >
        {lines.map((line, i) => {
          const number = damaged.firstLine + i;
          const isDamage = number === damaged.line;
          return (
            <span
              key={number}
              className={`damaged-line${isDamage ? ' is-damage' : ''}`}
              aria-current={isDamage ? 'true' : undefined}
            >
              <span className="damaged-number" aria-hidden="true">
                {number}
              </span>
              {line || '\u00a0'}
              {isDamage && <span className="sr-only"> (the problem is on this line)</span>}
            </span>
          );
        })}
      </pre>
    </section>
  );
}

/** The damaged sidecar's readable values and its text, in place of the fields. */
export function DamagedSidecarView({ damaged }: { damaged: DamagedSidecar }) {
  return (
    <>
      <SalvagedValues damaged={damaged} />
      <FileText damaged={damaged} />
    </>
  );
}
