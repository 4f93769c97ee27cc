/**
 * The timeline of the change journal: the actions (batches) that wrote the folder's sidecars,
 * or the selected images', newest first, filtered by field, person and day; each can be
 * undone alone or gone back before, after a review, as unsaved edits the user then saves.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { plural } from '../lib/format';
import { fieldLabel, journalTime, journalTool } from '../lib/journal-format';
import {
  batchesOfPaths,
  filterBatches,
  journalBatches,
  NO_TIMELINE_FILTER,
  timelineChoices,
  type JournalBatch,
  type TimelineFilter,
} from './journal-batches';
import type { JournalView } from './journal-slice';
import { useApp } from '../store';
import { JournalProblems, JournalReadState } from './journal-read-state';
import { ChannelTableTimeline } from '../channels';
import { RestoreButtons } from './restore-buttons';
import { Modal } from '../kit';
import { ModalActions } from '../kit';

/** A labelled filter control of the timeline. */
function FilterControl({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="timeline-filter">
      <label htmlFor={id} className="modal-label">
        {label}
      </label>
      {children}
    </div>
  );
}

/** The filters: field, person, from and to day. */
function Filters({
  batches,
  filter,
  onChange,
}: {
  batches: readonly JournalBatch[];
  filter: TimelineFilter;
  onChange(filter: TimelineFilter): void;
}) {
  const choices = useMemo(() => timelineChoices(batches), [batches]);
  const set = (part: Partial<TimelineFilter>) => onChange({ ...filter, ...part });
  return (
    <div className="timeline-filters">
      <FilterControl id="timeline-field" label="Field">
        <select
          id="timeline-field"
          className="input"
          value={filter.field}
          onChange={(e) => set({ field: e.target.value })}
        >
          <option value="">Any field</option>
          {choices.fields.map((field) => (
            <option key={field} value={field}>
              {fieldLabel(field)}
            </option>
          ))}
        </select>
      </FilterControl>
      <FilterControl id="timeline-person" label="Person">
        <select
          id="timeline-person"
          className="input"
          value={filter.person}
          onChange={(e) => set({ person: e.target.value })}
        >
          <option value="">Anyone</option>
          {choices.people.map((person) => (
            <option key={person} value={person}>
              {person}
            </option>
          ))}
        </select>
      </FilterControl>
      <FilterControl id="timeline-from" label="From">
        <input
          id="timeline-from"
          type="date"
          className="input"
          value={filter.from}
          onChange={(e) => set({ from: e.target.value })}
        />
      </FilterControl>
      <FilterControl id="timeline-to" label="To">
        <input
          id="timeline-to"
          type="date"
          className="input"
          value={filter.to}
          onChange={(e) => set({ to: e.target.value })}
        />
      </FilterControl>
    </div>
  );
}

/** One action of the timeline, with its two ways back (of one field while the field filter is set). */
function BatchRow({ batch, field, selected }: { batch: JournalBatch; field: string; selected: number | null }) {
  const target = { batch: batch.id, action: batch.name, ...(field === '' ? {} : { field }) };
  return (
    <tr>
      <td className="timeline-when">
        <time dateTime={batch.time}>{journalTime(batch.time)}</time>
      </td>
      <td>{batch.people.join(', ')}</td>
      <th scope="row" className="timeline-action">
        {batch.name}
        <span className="timeline-tool">{journalTool(batch.tool)}</span>
      </th>
      <td className="num">
        {batch.paths.length}
        {selected !== null && selected < batch.paths.length && (
          <span className="timeline-tool">{selected} selected</span>
        )}
      </td>
      <td>{[...batch.fields.map(fieldLabel), ...(batch.damage ?? [])].join(', ')}</td>
      <td className="timeline-restore">
        <RestoreButtons
          target={target}
          what={field === '' ? 'this action' : `this action (${fieldLabel(field)} only)`}
        />
      </td>
    </tr>
  );
}

/** The dialog's body: filters and the actions that pass them. */
function Timeline({ paths, view }: { paths: readonly string[] | null; view: JournalView }) {
  const [filter, setFilter] = useState(NO_TIMELINE_FILTER);
  const all = useMemo(() => {
    const batches = journalBatches(view.records);
    return paths === null ? batches : batchesOfPaths(batches, paths);
  }, [view, paths]);
  const shown = useMemo(() => filterBatches(all, filter), [all, filter]);
  const selected = useMemo(() => (paths === null ? null : new Set(paths)), [paths]);
  if (view.status !== 'ready') return <JournalReadState view={view} />;
  if (all.length === 0)
    return (
      <>
        <p className="timeline-empty">
          The change journal has no record of {paths === null ? 'this folder’s sidecars' : 'these sidecars'} yet.
        </p>
        <ChannelTableTimeline tables={view.tables} />
        <JournalProblems problems={view.problems} />
      </>
    );
  return (
    <>
      <Filters batches={all} filter={filter} onChange={setFilter} />
      <p className="muted small" role="status">
        {shown.length === all.length
          ? plural(all.length, 'action')
          : `${shown.length} of ${plural(all.length, 'action')}`}
        , newest first
      </p>
      <div className="timeline-scroll">
        <table className="review-table timeline-table">
          <caption className="sr-only">Actions that wrote the sidecars, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col" className="num">
                Images
              </th>
              <th scope="col">Fields</th>
              <th scope="col">
                <span className="sr-only">Restore</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((batch) => (
              <BatchRow
                key={batch.id}
                batch={batch}
                field={filter.field}
                selected={selected === null ? null : batch.paths.filter((path) => selected.has(path)).length}
              />
            ))}
          </tbody>
        </table>
      </div>
      <ChannelTableTimeline tables={view.tables} />
      <JournalProblems problems={view.problems} />
    </>
  );
}

/** The timeline dialog, while the store has it open. */
export function JournalTimelineDialog() {
  const timeline = useApp((s) => s.timeline);
  const close = useApp((s) => s.closeTimeline);
  if (timeline === null) return null;
  return (
    <Modal labelledBy="timeline-title" describedBy="timeline-text" onCancel={close} wide className="timeline-modal">
      <h2 id="timeline-title" className="modal-title">
        History of {timeline.paths === null ? 'the folder' : plural(timeline.paths.length, 'selected image')}
      </h2>
      <p id="timeline-text" className="muted small">
        Every save, import and bulk set that wrote the sidecars. Undoing an action, or restoring to before it, puts the
        images back as unsaved changes, one undo step: Save writes them, after the usual review.
      </p>
      <Timeline paths={timeline.paths} view={timeline.view} />
      <ModalActions onCancel={close} cancelLabel="Close" focusCancel />
    </Modal>
  );
}
