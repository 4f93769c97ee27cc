/**
 * A calibration written into the image file's own header, as the History section lists it: each
 * header value old → new with where it lies, and, on the image's latest header write, "Undo this
 * action", which puts the file back byte for byte (as `acqmeta restore --undo` does).
 */
import type { HeaderWriteRecord } from '../../../shared/journal';
import { journalTime, journalTool, personOf } from '../lib/journal-format';
import { useAppStore } from '../store';
import { OldNew } from '../kit';

/** One header write; `undoable` on the image's latest one, while the image can be edited. */
export function HeaderWriteEntry({ record, undoable }: { record: HeaderWriteRecord; undoable: boolean }) {
  const store = useAppStore();
  return (
    <li className="journal-record">
      <p className="journal-action">{record.action}</p>
      <p className="journal-meta">
        <time dateTime={record.time}>{journalTime(record.time)}</time> · {personOf(record)} · {journalTool(record.tool)}{' '}
        · image header
      </p>
      <ul className="journal-changes">
        {record.values.map((change) => (
          <li key={`${change.value}\u0000${change.place}`} className="journal-change">
            <span className="journal-field">{change.value}</span>
            <span className="journal-values">
              <OldNew before={change.old} after={change.new} />
              <span className="muted"> ({change.place})</span>
            </span>
          </li>
        ))}
      </ul>
      {undoable && (
        <p className="journal-restore-record">
          <button
            type="button"
            className="btn btn-small"
            title="Put the image file back byte for byte as it was before this write (journaled as a write of its own)"
            onClick={() => void store.getState().undoHeaderWrite(record)}
          >
            Undo this action
          </button>
        </p>
      )}
    </li>
  );
}
