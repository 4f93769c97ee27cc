/**
 * Asks what to do when an undo or redo of a channel-table save finds the file changed by
 * another program since AcqMeta wrote it: row by row, their table on disk beside what the undo
 * (or redo) would write, their rows it would remove or replace marked; then keep theirs (the
 * step leaves the history) or write mine over theirs.
 */
import { channelRowChanges, describeRowChanges } from '../../../shared/channels/channel-diff';
import type { ChannelTable } from '../../../shared/channels/channel-table';
import { folderLabel } from '../lib/format';
import { type FileConflict, useApp, useAppStore } from '../store';
import { DataTable, Modal, ModalActions } from '../kit';

/** A row's cells but its Channel ID, in the table's column order: `DAPI, 405`. */
function rowText(table: ChannelTable | null, id: string): string | null {
  const row = table?.rows.find((r, i) => (r['Channel ID'] ?? '').trim() === id || `row ${i + 1}` === id);
  if (!table || !row) return null;
  const cells = table.columns.filter((c) => c !== 'Channel ID').map((c) => row[c] ?? '');
  return cells.filter((cell) => cell !== '').join(', ') || '(empty)';
}

/** Each row that differs between their table and mine, theirs first: what it holds on each side. */
function Comparison({ theirs, mine, verb }: { theirs: ChannelTable | null; mine: ChannelTable | null; verb: string }) {
  const { added, removed, changed } = channelRowChanges(theirs, mine);
  const ids = [...removed, ...changed, ...added];
  if (ids.length === 0) return <p>Their table holds the same rows as the one {verb} writes.</p>;
  const lost = removed.length + changed.length;
  return (
    <DataTable
      caption={
        lost === 0
          ? 'Their rows are all kept'
          : `Their rows ${verb} would remove or replace: ${[...removed, ...changed].join(', ')}`
      }
      className="conflict-table"
      columns={[
        { header: 'Channel ID', rowHeader: true, cell: (id) => id },
        { header: 'Theirs (on disk)', cell: (id) => rowText(theirs, id) ?? '—' },
        { header: `After ${verb}`, cell: (id) => rowText(mine, id) ?? '— (removed)' },
      ]}
      rows={ids}
      rowKey={(id) => id}
      rowClass={(id) => (added.includes(id) ? undefined : 'is-clash')}
    />
  );
}

/** The channel table an undo or redo would write over: the step's file and what stands on disk now. */
type TableConflict = FileConflict & {
  step: { file: Extract<NonNullable<FileConflict['step']['file']>, { kind: 'channel-table' }> };
};

/** The file's name: theirs once read, else the folder's channel table. */
function fileName({ step, theirs }: TableConflict): string {
  return theirs.status === 'ready' ? theirs.value.file : `the channel table of ${folderLabel(step.file.folder)}`;
}

function Body({ conflict }: { conflict: TableConflict }) {
  const store = useAppStore();
  const { step, from, theirs, busy } = conflict;
  const file = step.file;
  const verb = from === 'past' ? 'undo' : 'redo';
  const mine = file[from === 'past' ? 'before' : 'after'];
  const answer = (choice: 'theirs' | 'mine' | 'cancel') => void store.getState().resolveFileConflict(choice);
  const name = fileName(conflict);
  return (
    <>
      <p id="file-conflict-text">
        Another program changed <strong className="mono">{name}</strong> after AcqMeta wrote it.{' '}
        {verb === 'undo' ? 'Undo' : 'Redo'} would{' '}
        {mine === null ? 'remove the file, and their version with it' : 'replace their version'}. Keep theirs and drop
        this step from the history, or write mine over theirs.
      </p>
      {theirs.status === 'loading' && <p className="muted small">Reading their file…</p>}
      {theirs.status === 'error' && <p className="small">Their file could not be read: {theirs.message}</p>}
      {theirs.status === 'ready' && (
        <>
          <p>
            Their change since AcqMeta wrote it:{' '}
            {describeRowChanges(channelRowChanges(file[from === 'past' ? 'after' : 'before'], theirs.value.table))}.
          </p>
          <Comparison theirs={theirs.value.table} mine={mine} verb={verb} />
        </>
      )}
      <ModalActions onCancel={() => answer('cancel')} focusCancel>
        <button type="button" className="btn" disabled={busy} onClick={() => answer('theirs')}>
          Keep theirs, drop the {verb} step
        </button>
        <button
          type="button"
          className="btn btn-danger"
          disabled={busy || theirs.status !== 'ready'}
          onClick={() => answer('mine')}
        >
          {mine === null ? 'Remove their file' : 'Write mine over theirs'}
        </button>
      </ModalActions>
    </>
  );
}

/** Whether the step the conflict is about wrote a channel table (the one kind of file asked about). */
function isTableConflict(conflict: FileConflict): conflict is TableConflict {
  return conflict.step.file?.kind === 'channel-table';
}

/** The dialog, shown while an undo or redo of a file waits for an answer. */
export function FileConflictDialog() {
  const store = useAppStore();
  const conflict = useApp((s) => s.fileConflict);
  if (!conflict || !isTableConflict(conflict)) return null;
  return (
    <Modal
      labelledBy="file-conflict-title"
      title={`${fileName(conflict)} changed on disk`}
      describedBy="file-conflict-text"
      onCancel={() => void store.getState().resolveFileConflict('cancel')}
      busy={conflict.busy}
      wide
    >
      <Body conflict={conflict} />
    </Modal>
  );
}
