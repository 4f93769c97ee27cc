/**
 * "Channel table": a folder's `acqmeta.channels.csv` as a grid, one row per channel and one
 * column per attribute (MITI's first), drafted from the image headers when the folder has none.
 * Problems are listed as they are typed and their cells marked; Save waits until there are none.
 */
import type { ChannelTableProblem } from '../../../shared/channels/channel-check';
import type { ChannelTableEditor } from './channel-table-slice';
import { folderLabel, plural } from '../lib/format';
import { channelGroupText, channelSaveBlocker, channelTableOrigin } from './channel-grid';
import { useApp, useAppStore } from '../store';
import {
  DataTable,
  Modal,
  numberColumn,
  ReadingModal,
  removeColumn,
  SaveActions,
  SaveFailure,
  type Column,
} from '../kit';

const problemId = (i: number) => `channel-problem-${i}`;

/** The ids of the problems about one cell (row null: any row; column null: any column). */
function cellProblems(problems: readonly ChannelTableProblem[], row: number, column: string): string | undefined {
  const ids = problems.flatMap((p, i) =>
    (p.row === null || p.row === row) && (p.column === null || p.column === column) ? [problemId(i)] : [],
  );
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** A row of the channel table: its cells by column. */
type ChannelRow = Record<string, string>;

function Grid({ editor }: { editor: ChannelTableEditor }) {
  const store = useAppStore();
  const { table, problems, saving } = editor;
  const columns: Column<ChannelRow>[] = [
    numberColumn(),
    removeColumn({
      label: (_, i) => `Remove channel ${i + 1}`,
      disabled: () => saving,
      remove: (_, i) => store.getState().removeChannel(i),
    }),
    ...table.columns.map((column, c): Column<ChannelRow> => ({
      header: column,
      cell: (row, i) => {
        const described = cellProblems(problems, i, column);
        return (
          <input
            className="input"
            aria-label={`${column}, channel ${i + 1}`}
            aria-invalid={described === undefined ? undefined : true}
            aria-describedby={described}
            spellCheck={false}
            autoComplete="off"
            readOnly={saving}
            value={row[column] ?? ''}
            onChange={(event) => store.getState().editChannelCell(i, column, event.target.value)}
            {...(i === 0 && c === 0 ? { 'data-autofocus': true } : {})}
          />
        );
      },
    })),
  ];
  return (
    <div className="scroll-box channel-grid-scroll" role="group" aria-label="Channels, one row each">
      <DataTable className="channel-grid" columns={columns} rows={table.rows} rowKey={(_, i) => String(i)} />
    </div>
  );
}

/**
 * When the images record different channels: says so and names each group; while the grid is a
 * draft, the person picks the group it starts from.
 */
function ChannelGroups({ editor }: { editor: ChannelTableEditor & { info: NonNullable<ChannelTableEditor['info']> } }) {
  const store = useAppStore();
  const { info, group, saving } = editor;
  if (info.groups.length < 2) return null;
  const drafting = info.table === null;
  return (
    <div
      className="callout callout-warning callout-stack bulk-callout channel-groups"
      role="group"
      aria-labelledby="channel-groups-title"
    >
      <p id="channel-groups-title" className="callout-title">
        The images record different channels: one table does not fit them all
      </p>
      {drafting ? (
        <fieldset className="channel-group-choice" disabled={saving}>
          <legend>Start the draft from:</legend>
          {info.groups.map((g, i) => (
            <label key={i} className="check-row">
              <input
                type="radio"
                name="channel-group"
                checked={group === i}
                onChange={() => store.getState().startFromGroup(i)}
              />
              {channelGroupText(g)}
            </label>
          ))}
        </fieldset>
      ) : (
        <ul className="plain-list channel-group-list">
          {info.groups.map((g, i) => (
            <li key={i}>{channelGroupText(g)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Problems({ problems }: { problems: readonly ChannelTableProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="callout callout-danger callout-stack bulk-callout">
      <p className="callout-title">{plural(problems.length, 'problem')}</p>
      <ul className="plain-list channel-problems" aria-label="Problems">
        {problems.map((problem, i) => (
          <li key={i} id={problemId(i)}>
            {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Failure({ failure }: { failure: NonNullable<ChannelTableEditor['failure']> }) {
  const store = useAppStore();
  return (
    <SaveFailure title="Not saved" message={failure.message}>
      {failure.conflict && (
        <>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void store.getState().reloadChannelTable('theirs')}
          >
            Reload the table on disk
          </button>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void store.getState().reloadChannelTable('mine')}
          >
            Keep this grid, save over it
          </button>
        </>
      )}
    </SaveFailure>
  );
}

function Editor({ editor }: { editor: ChannelTableEditor & { info: NonNullable<ChannelTableEditor['info']> } }) {
  const store = useAppStore();
  const { info, table, problems, saving, failure } = editor;
  const blocker = channelSaveBlocker(info, table, problems);
  const close = () => store.getState().closeChannelTable();
  return (
    <Modal
      labelledBy="channel-title"
      title={<>Channel table of {folderLabel(info.folder)}</>}
      describedBy="channel-origin"
      onCancel={close}
      className="channel-dialog"
    >
      <div id="channel-origin" className="channel-origin">
        {channelTableOrigin(info).map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <ChannelGroups editor={editor} />
      {failure && <Failure failure={failure} />}
      {table.rows.length > 0 && <Grid editor={editor} />}
      <p className="channel-add">
        <button type="button" className="btn btn-small" disabled={saving} onClick={() => store.getState().addChannel()}>
          Add channel
        </button>
        <span className="small muted">
          {plural(table.rows.length, 'channel')}, in the order of the images’ channels;{' '}
          {plural(table.columns.length, 'column')}: scroll the grid sideways for them all
        </span>
      </p>
      <Problems problems={problems} />
      <SaveActions
        blockerId="channel-blocker"
        blocker={blocker}
        saving={saving}
        onSave={() => void store.getState().submitChannelTable()}
        onCancel={close}
      />
    </Modal>
  );
}

/** The dialog, shown while `channelTable` is set: "Reading…" until the folder's table is read, then the grid. */
export function ChannelTableDialog() {
  const store = useAppStore();
  const editor = useApp((s) => s.channelTable);
  if (!editor) return null;
  const { info } = editor;
  if (info !== null) return <Editor editor={{ ...editor, info }} />;
  return (
    <ReadingModal
      titleId="channel-title"
      title={<>Channel table of {folderLabel(editor.folder)}</>}
      reading="Reading the table and the image headers…"
      onCancel={() => store.getState().closeChannelTable()}
    />
  );
}
