/**
 * The timeline of the change journal: the actions (batches) that wrote the folder's sidecars,
 * or the selected images', newest first, filtered by field, person and day; each can be
 * undone alone or gone back before, after a review, as unsaved edits the user then saves.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { plural } from '../lib/format';
import { fieldLabel } from '../lib/journal-format';
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
import { DatasetTimeline } from '../dataset';
import { HeaderWriteTimeline } from './header-write-timeline';
import { RestoreButtons } from './restore-buttons';
import { DataTable, Modal, ModalActions, timelineColumns, type Column } from '../kit';

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
  const lists = [
    { key: 'field', label: 'Field', any: 'Any field', options: choices.fields, text: fieldLabel },
    { key: 'person', label: 'Person', any: 'Anyone', options: choices.people, text: (person: string) => person },
  ] as const;
  const days = [
    { key: 'from', label: 'From' },
    { key: 'to', label: 'To' },
  ] as const;
  return (
    <div className="timeline-filters">
      {lists.map(({ key, label, any, options, text }) => (
        <FilterControl key={key} id={`timeline-${key}`} label={label}>
          <select
            id={`timeline-${key}`}
            className="input"
            value={filter[key]}
            onChange={(e) => set({ [key]: e.target.value })}
          >
            <option value="">{any}</option>
            {options.map((option) => (
              <option key={option} value={option}>
                {text(option)}
              </option>
            ))}
          </select>
        </FilterControl>
      ))}
      {days.map(({ key, label }) => (
        <FilterControl key={key} id={`timeline-${key}`} label={label}>
          <input
            id={`timeline-${key}`}
            type="date"
            className="input"
            value={filter[key]}
            onChange={(e) => set({ [key]: e.target.value })}
          />
        </FilterControl>
      ))}
    </div>
  );
}

/** The timeline's columns: an action's time, people, name, images and fields, and its two ways back. */
function batchColumns(field: string, selected: ReadonlySet<string> | null): readonly Column<JournalBatch>[] {
  return [
    ...timelineColumns((batch: JournalBatch) => ({
      time: batch.time,
      who: batch.people.join(', '),
      action: batch.name,
      tool: batch.tool,
    })),
    {
      header: 'Images',
      className: 'num',
      headerClassName: 'num',
      cell: (batch) => {
        const chosen = selected === null ? null : batch.paths.filter((path) => selected.has(path)).length;
        return (
          <>
            {batch.paths.length}
            {chosen !== null && chosen < batch.paths.length && <span className="timeline-tool">{chosen} selected</span>}
          </>
        );
      },
    },
    { header: 'Fields', cell: (batch) => [...batch.fields.map(fieldLabel), ...(batch.damage ?? [])].join(', ') },
    {
      header: <span className="sr-only">Restore</span>,
      className: 'timeline-restore',
      cell: (batch) => (
        <RestoreButtons
          target={{ batch: batch.id, action: batch.name, ...(field === '' ? {} : { field }) }}
          what={field === '' ? 'this action' : `this action (${fieldLabel(field)} only)`}
        />
      ),
    },
  ];
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
        <DatasetTimeline records={view.instruments} />
        <HeaderWriteTimeline headers={view.headers} />
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
        <DataTable
          label="Actions that wrote the sidecars, newest first"
          className="timeline-table"
          columns={batchColumns(filter.field, selected)}
          rows={shown}
          rowKey={(batch) => batch.id}
          empty="No action passes these filters."
        />
      </div>
      <ChannelTableTimeline tables={view.tables} />
      <DatasetTimeline records={view.instruments} />
      <HeaderWriteTimeline headers={view.headers} />
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
    <Modal
      labelledBy="timeline-title"
      title={<>History of {timeline.paths === null ? 'the folder' : plural(timeline.paths.length, 'selected image')}</>}
      describedBy="timeline-text"
      onCancel={close}
      wide
      className="timeline-modal"
    >
      <p id="timeline-text" className="muted small">
        Every save, import and bulk set that wrote the sidecars. Undoing an action, or restoring to before it, puts the
        images back as unsaved changes, one undo step: Save writes them, after the usual review.
      </p>
      <Timeline paths={timeline.paths} view={timeline.view} />
      <ModalActions onCancel={close} cancelLabel="Close" focusCancel />
    </Modal>
  );
}
