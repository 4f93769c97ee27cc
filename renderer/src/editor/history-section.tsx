/**
 * The History section of the editor: what the change journal recorded of the selected image,
 * newest first (its sidecar's writes and the calibrations written into its own header), each
 * field change and each record restorable; for a selection, the way to the
 * timeline of its actions.
 */
import { useEffect, useMemo } from 'react';
import {
  actionName,
  HEADER_WRITE_KIND,
  sidecarDamageText,
  type HeaderWriteRecord,
  type JournalChange,
  type JournalRecord,
} from '../../../shared/journal';
import { plural } from '../lib/format';
import { fieldLabel, journalTime, journalTool, journalValue, personOf } from '../lib/journal-format';
import {
  imageJournalKey,
  JournalProblems,
  JournalReadState,
  RestoreButtons,
  selectImageJournal,
  type JournalView,
} from '../journal';
import { useApp, useAppStore } from '../store';
import { OldNew } from '../kit';
import { HeaderWriteEntry } from './header-write-entry';
import { RebuildOffer } from './rebuild-offer';
import { SectionToggle } from './section-toggle';

/** One field's change in a record, with its Restore button. */
function ChangeLine({ record, change, editable }: { record: JournalRecord; change: JournalChange; editable: boolean }) {
  const store = useAppStore();
  const label = fieldLabel(change.field);
  const before = journalValue(change.old, change.added);
  return (
    <li className="journal-change">
      <span className="journal-field">{label}</span>
      <span className="journal-values">
        <OldNew before={before} after={journalValue(change.new)} />
      </span>
      {editable && (
        <button
          type="button"
          className="btn btn-small btn-ghost journal-restore"
          aria-label={`Restore ${label} to ${before}`}
          title={`Put ${label} back to ${before}, as it was before this change (an unsaved edit)`}
          onClick={() => void store.getState().restoreFromJournal({ record, field: change.field })}
        >
          Restore
        </button>
      )}
    </li>
  );
}

/** One record: what was done, when, by whom, and its changes. */
function RecordEntry({ record, editable }: { record: JournalRecord; editable: boolean }) {
  const damage = sidecarDamageText(record);
  return (
    <li className="journal-record">
      <p className="journal-action">{actionName([record])}</p>
      <p className="journal-meta">
        <time dateTime={record.time}>{journalTime(record.time)}</time> · {personOf(record)} · {journalTool(record.tool)}
      </p>
      {damage !== null ? (
        <p className="small field-error journal-damage">The sidecar was left {damage}.</p>
      ) : record.after === null ? (
        <p className="muted small">The sidecar was removed (its creation undone); no field changed.</p>
      ) : record.changes.length === 0 ? (
        <p className="muted small">No field changed (a new sidecar with the default values).</p>
      ) : (
        <ul className="journal-changes">
          {record.changes.map((change) => (
            <ChangeLine key={change.field} record={record} change={change} editable={editable} />
          ))}
        </ul>
      )}
      {editable && record.changes.length > 0 && (
        <p className="journal-restore-record">
          <RestoreButtons target={{ record }} what="this write" />
        </p>
      )}
    </li>
  );
}

/** The sidecar records and the header writes of one image, newest first. */
function newestFirstOf(view: JournalView | null): (JournalRecord | HeaderWriteRecord)[] {
  const all = [...(view?.records ?? []), ...(view?.headers ?? [])];
  return all.sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : 0));
}

/** The records of one image, newest first (or why there are none to show), and the offer to rebuild it from them. */
function RecordList({ path, view, editable }: { path: string; view: JournalView | null; editable: boolean }) {
  const newestFirst = useMemo(() => newestFirstOf(view), [view]);
  const latestHeader = view?.headers?.at(-1)?.id;
  if (view === null || view.status !== 'ready') return <JournalReadState view={view} />;
  return (
    <>
      <RebuildOffer path={path} records={view.records} />
      {newestFirst.length === 0 ? (
        <p className="muted small">
          The change journal has no record of this sidecar yet: every save from AcqMeta or the acqmeta command line is
          recorded here.
        </p>
      ) : (
        <ol className="journal-records" aria-label="Changes, newest first">
          {newestFirst.map((record) =>
            'kind' in record && record.kind === HEADER_WRITE_KIND ? (
              <HeaderWriteEntry key={record.id} record={record} undoable={editable && record.id === latestHeader} />
            ) : (
              <RecordEntry key={record.id} record={record as JournalRecord} editable={editable} />
            ),
          )}
        </ol>
      )}
      <JournalProblems problems={view.problems} />
    </>
  );
}

/** The History section of the one selected image, read when unfolded and again when its sidecar changes. */
export function HistorySection({ path, editable }: { path: string; editable: boolean }) {
  const open = useApp((s) => s.historyOpen);
  const setOpen = useApp((s) => s.setHistoryOpen);
  const load = useApp((s) => s.loadImageJournal);
  const journalKey = useApp((s) => imageJournalKey(s, path));
  const view = useApp((s) => selectImageJournal(s, path));
  useEffect(() => {
    if (open) void load(path);
  }, [open, path, journalKey, load]);
  return (
    <section className="panel-section" aria-labelledby="section-history">
      <SectionToggle
        id="section-history"
        open={open}
        onToggle={() => setOpen(!open)}
        controls="history-body"
        title="History"
        summary="who changed what, and when"
      />
      {open && (
        <div id="history-body">
          <RecordList path={path} view={view} editable={editable} />
        </div>
      )}
    </section>
  );
}

/** The History section of a selection: the way to the timeline of its actions. */
export function SelectionHistorySection({ paths }: { paths: readonly string[] }) {
  const store = useAppStore();
  return (
    <section className="panel-section" aria-labelledby="section-history">
      <h3 id="section-history" className="section-title">
        History
      </h3>
      <p className="muted small">Every save, import and bulk set that wrote these sidecars, and restoring one.</p>
      <button
        type="button"
        className="btn btn-small journal-open-timeline"
        onClick={() => void store.getState().openTimeline(paths)}
      >
        Timeline of {plural(paths.length, 'image')}…
      </button>
    </section>
  );
}
