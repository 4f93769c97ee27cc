import { describe, expect, it, vi } from 'vitest';
import { draftChannelTable } from '../../../../shared/channels/channel-draft';
import { emptyChannelTable, type ChannelTable } from '../../../../shared/channels/channel-table';
import type { AppStore } from '../../../../renderer/src/app-store';
import { selectUndoLabels } from '../../../../renderer/src/store';
import { channelFile, makeRow, storeWithRows } from '../store/fake-client';

/** A table with MITI's columns and these rows. */
function table(...rows: Record<string, string>[]): ChannelTable {
  return { ...emptyChannelTable(), rows };
}

const DAPI = { 'Channel ID': 'Channel:0:0', 'Channel Name': 'DAPI' };
const GFP = { 'Channel ID': 'Channel:0:1', 'Channel Name': 'GFP' };

function setup() {
  const { store, backend } = storeWithRows([makeRow('raw/day1/a.tif'), makeRow('raw/day2/b.tif'), makeRow('c.tif')]);
  backend.channelDraft = table(DAPI, GFP);
  return { store, backend };
}

/** Waits until a file step's undo or redo has been written (or refused). */
const settled = (store: AppStore) => vi.waitFor(() => expect(store.getState().historyBusy).toBe(false));
/** Waits until an undo or redo that found the file changed asks, their version read. */
const asked = (store: AppStore) => vi.waitFor(() => expect(store.getState().fileConflict?.theirs.status).toBe('ready'));
/** The version of a table another program wrote. */
const THEIRS = { size: 1, mtimeMs: 1, sha256: 'theirs' };
const errors = (store: AppStore) =>
  store
    .getState()
    .notices.filter((n) => n.tone === 'error')
    .map((n) => n.text);

describe('the channel table dialog', () => {
  it('opens for the folder holding the selected images, else the open folder, starting from the draft', async () => {
    const { store } = setup();
    store.getState().selectOnly('raw/day1/a.tif');
    store.getState().toggleSelected('raw/day2/b.tif');
    await store.getState().openChannelTable();
    const editor = store.getState().channelTable!;
    expect(editor.folder).toBe('raw');
    expect(editor.info?.images).toBe(2);
    expect(editor.table.rows.map((r) => r['Channel Name'])).toEqual(['DAPI', 'GFP']);
    expect(editor.problems).toEqual([]);
    store.getState().closeChannelTable();
    store.getState().clearSelection();
    await store.getState().openChannelTable();
    expect(store.getState().channelTable?.folder).toBe('');
  });

  it('starts from the folder’s own table when it has one', async () => {
    const { store, backend } = setup();
    backend.channelFiles.set('raw', { table: table(GFP), version: { size: 1, mtimeMs: 1, sha256: 'own' } });
    await store.getState().openChannelTable('raw');
    expect(store.getState().channelTable?.table.rows).toEqual([GFP]);
  });

  it('checks the grid as it is typed, and saves nothing while there are problems', async () => {
    const { store, backend } = setup();
    await store.getState().openChannelTable('raw');
    store.getState().editChannelCell(1, 'RRID identifier', 'AB_123');
    expect(store.getState().channelTable?.problems).toEqual([
      expect.objectContaining({ row: 1, column: 'RRID identifier' }),
    ]);
    expect(await store.getState().submitChannelTable()).toBe(false);
    expect(backend.channelSaves).toEqual([]);
    store.getState().editChannelCell(1, 'RRID identifier', ' RRID:AB_123 ');
    expect(store.getState().channelTable?.problems).toEqual([]);
  });

  it('adds a channel with the next free ID and removes one', async () => {
    const { store } = setup();
    await store.getState().openChannelTable('raw');
    store.getState().addChannel();
    store.getState().removeChannel(0);
    expect(store.getState().channelTable?.table.rows.map((r) => r['Channel ID'])).toEqual([
      'Channel:0:1',
      'Channel:0:2',
    ]);
  });

  it('saves the grid, trimmed, with the version read, as one undo step', async () => {
    const { store, backend } = setup();
    const own = { size: 1, mtimeMs: 1, sha256: 'own' };
    backend.channelFiles.set('raw', { table: table(DAPI), version: own });
    await store.getState().openChannelTable('raw');
    store.getState().editChannelCell(0, 'Fluorophore', ' Hoechst 33342 ');
    expect(await store.getState().submitChannelTable()).toBe(true);
    expect(backend.channelSaves).toEqual([
      {
        folder: 'raw',
        table: expect.objectContaining({ rows: [expect.objectContaining({ Fluorophore: 'Hoechst 33342' })] }),
        expected: own,
        action: 'Channel table of raw',
      },
    ]);
    expect(store.getState().channelTable).toBeNull();
    expect(selectUndoLabels(store.getState()).undo).toBe('Undo Channel table of raw');
    expect(store.getState().notices.at(-1)?.text).toBe(`Saved ${channelFile('raw')}.`);
  });

  it('keeps the grid on a conflict, and saves over the other version once asked', async () => {
    const { store, backend } = setup();
    await store.getState().openChannelTable('raw');
    backend.channelFiles.set('raw', { table: table(GFP), version: { size: 1, mtimeMs: 1, sha256: 'theirs' } });
    store.getState().editChannelCell(0, 'Target Name', 'DNA');
    expect(await store.getState().submitChannelTable()).toBe(false);
    expect(store.getState().channelTable?.failure?.conflict).toBe(true);
    expect(store.getState().channelTable?.table.rows[0]?.['Target Name']).toBe('DNA');
    await store.getState().reloadChannelTable('mine');
    expect(store.getState().channelTable?.failure).toBeNull();
    expect(store.getState().channelTable?.table.rows[0]?.['Target Name']).toBe('DNA');
    expect(await store.getState().submitChannelTable()).toBe(true);
    expect(backend.channelSaves.at(-1)?.expected?.sha256).toBe('theirs');
    expect(store.getState().history.past.at(-1)?.file?.before).toEqual(table(GFP));
  });

  it('shows the table on disk after a conflict when asked', async () => {
    const { store, backend } = setup();
    await store.getState().openChannelTable('raw');
    backend.channelFiles.set('raw', { table: table(GFP), version: { size: 1, mtimeMs: 1, sha256: 'theirs' } });
    await store.getState().submitChannelTable();
    await store.getState().reloadChannelTable('theirs');
    expect(store.getState().channelTable?.table.rows).toEqual([GFP]);
  });
});

describe('the channel table dialog when the images record different channels', () => {
  const nd2 = { channelCount: 2, channels: [{ name: '5-FAM' }, { name: 'FM 4-64' }], images: 2, first: 'raw/a.nd2' };
  const oib = {
    channelCount: 3,
    channels: [{ name: 'CH1' }, { name: 'CH2' }, { name: 'TD1' }],
    images: 1,
    first: 'raw/c.oib',
  };

  function disagreeing() {
    const { store, backend } = setup();
    backend.channelGroups = [nd2, oib];
    backend.channelDraft = draftChannelTable(backend.channelGroups);
    return { store, backend };
  }

  it('starts from the largest group, starts again from the group picked, and keeps each group’s grid as typed', async () => {
    const { store, backend } = disagreeing();
    await store.getState().openChannelTable('raw');
    const names = () => store.getState().channelTable?.table.rows.map((r) => r['Channel Name']);
    expect(store.getState().channelTable?.info?.groups).toEqual([nd2, oib]);
    expect(store.getState().channelTable?.group).toBe(0);
    expect(names()).toEqual(['5-FAM', 'FM 4-64']);
    store.getState().startFromGroup(1);
    expect(store.getState().channelTable?.group).toBe(1);
    expect(names()).toEqual(['CH1', 'CH2', 'TD1']);
    store.getState().editChannelCell(2, 'RRID identifier', 'AB_1');
    expect(store.getState().channelTable?.problems).toEqual([expect.objectContaining({ row: 2 })]);
    store.getState().startFromGroup(0);
    expect(names()).toEqual(['5-FAM', 'FM 4-64']);
    expect(store.getState().channelTable?.problems).toEqual([]);
    store.getState().startFromGroup(1);
    expect(store.getState().channelTable?.table.rows[2]?.['RRID identifier']).toBe('AB_1');
    expect(store.getState().channelTable?.problems).toEqual([expect.objectContaining({ row: 2 })]);
    store.getState().startFromGroup(0);
    store.getState().startFromGroup(2);
    expect(store.getState().channelTable?.group).toBe(0);
    expect(await store.getState().submitChannelTable()).toBe(true);
    expect(backend.channelSaves.at(-1)?.table?.rows.map((r) => r['Channel Name'])).toEqual(['5-FAM', 'FM 4-64']);
  });

  it('keeps the folder’s own table in the grid: a group replaces only a draft', async () => {
    const { store, backend } = disagreeing();
    backend.channelFiles.set('raw', { table: table(GFP), version: { size: 1, mtimeMs: 1, sha256: 'own' } });
    await store.getState().openChannelTable('raw');
    store.getState().startFromGroup(1);
    expect(store.getState().channelTable?.group).toBe(0);
    expect(store.getState().channelTable?.table.rows).toEqual([GFP]);
  });
});

describe('undo and redo of a channel table save', () => {
  async function saved() {
    const s = setup();
    await s.store.getState().openChannelTable('raw');
    s.store.getState().editChannelCell(0, 'Target Name', 'DNA');
    await s.store.getState().submitChannelTable();
    return { ...s, after: s.backend.channelSaves[0]!.table!, version: s.backend.channelFiles.get('raw')!.version };
  }

  it('undo removes the file it created, with the version the save returned; redo writes it again', async () => {
    const { store, backend, after, version } = await saved();
    expect(store.getState().undo()).toBe(true);
    await settled(store);
    expect(backend.channelSaves[1]).toEqual({
      folder: 'raw',
      table: null,
      expected: version,
      action: 'Undo Channel table of raw',
    });
    expect(backend.channelFiles.has('raw')).toBe(false);
    expect(store.getState().history.past).toEqual([]);
    expect(selectUndoLabels(store.getState()).redo).toBe('Redo Channel table of raw');
    expect(store.getState().redo()).toBe(true);
    await settled(store);
    expect(backend.channelSaves[2]).toEqual({
      folder: 'raw',
      table: after,
      expected: null,
      action: 'Redo Channel table of raw',
    });
    expect(backend.channelFiles.get('raw')?.table).toEqual(after);
    expect(selectUndoLabels(store.getState()).undo).toBe('Undo Channel table of raw');
  });

  it('undo writes back the table the folder had before', async () => {
    const { store, backend } = setup();
    backend.channelFiles.set('', { table: table(DAPI), version: { size: 1, mtimeMs: 1, sha256: 'own' } });
    await store.getState().openChannelTable('');
    store.getState().addChannel();
    await store.getState().submitChannelTable();
    expect(selectUndoLabels(store.getState()).undo).toBe('Undo Channel table of the folder');
    store.getState().undo();
    await settled(store);
    expect(backend.channelFiles.get('')?.table).toEqual(table(DAPI));
  });

  it('an undo that finds their change writes nothing and asks, showing their version', async () => {
    const { store, backend } = await saved();
    const history = store.getState().history;
    backend.channelFiles.set('raw', { table: table(GFP), version: THEIRS });
    store.getState().undo();
    expect(store.getState().undo()).toBe(false);
    await asked(store);
    expect(store.getState().history).toBe(history);
    expect(backend.channelFiles.get('raw')).toEqual({ table: table(GFP), version: THEIRS });
    expect(errors(store)).toEqual([]);
    const conflict = store.getState().fileConflict!;
    expect(conflict.from).toBe('past');
    expect(conflict.theirs).toEqual({ status: 'ready', value: expect.objectContaining({ table: table(GFP) }) });
  });

  it('keep theirs leaves their file and drops the undo step, saying so', async () => {
    const { store, backend } = await saved();
    backend.channelFiles.set('raw', { table: table(GFP), version: THEIRS });
    store.getState().undo();
    await asked(store);
    await store.getState().resolveFileConflict('theirs');
    expect(store.getState().fileConflict).toBeNull();
    expect(backend.channelSaves).toHaveLength(2);
    expect(backend.channelFiles.get('raw')).toEqual({ table: table(GFP), version: THEIRS });
    expect(store.getState().history).toEqual({ past: [], future: [] });
    expect(store.getState().notices.at(-1)?.text).toBe(
      'Kept their version of the channel table of raw; “Channel table of raw” is dropped from the history.',
    );
  });

  it('write mine replaces their version as shown, and the step moves as an undo', async () => {
    const { store, backend } = await saved();
    backend.channelFiles.set('raw', { table: table(GFP), version: THEIRS });
    store.getState().undo();
    await asked(store);
    await store.getState().resolveFileConflict('mine');
    expect(backend.channelSaves[2]).toEqual({
      folder: 'raw',
      table: null,
      expected: THEIRS,
      action: "Undo Channel table of raw, over another program's version",
    });
    expect(backend.channelFiles.has('raw')).toBe(false);
    expect(selectUndoLabels(store.getState()).redo).toBe('Redo Channel table of raw');
    expect(store.getState().fileConflict).toBeNull();
  });

  it('write mine over a version newer than the one shown asks again, writing nothing', async () => {
    const { store, backend } = await saved();
    backend.channelFiles.set('raw', { table: table(GFP), version: THEIRS });
    store.getState().undo();
    await asked(store);
    const newer = { size: 2, mtimeMs: 2, sha256: 'newer' };
    backend.channelFiles.set('raw', { table: table(DAPI), version: newer });
    await store.getState().resolveFileConflict('mine');
    await asked(store);
    expect(backend.channelFiles.get('raw')).toEqual({ table: table(DAPI), version: newer });
    expect(store.getState().fileConflict?.theirs).toEqual({
      status: 'ready',
      value: expect.objectContaining({ table: table(DAPI) }),
    });
  });

  it('cancel leaves their file and the step where they were', async () => {
    const { store, backend } = await saved();
    const history = store.getState().history;
    backend.channelFiles.set('raw', { table: table(GFP), version: THEIRS });
    store.getState().undo();
    await asked(store);
    await store.getState().resolveFileConflict('cancel');
    expect(store.getState().fileConflict).toBeNull();
    expect(store.getState().history).toBe(history);
    expect(backend.channelFiles.get('raw')?.table).toEqual(table(GFP));
  });

  it('undo after the dialog showed a colleague’s change still asks: it expects what AcqMeta wrote', async () => {
    const { store, backend, version } = await saved();
    backend.channelFiles.set('raw', { table: table(GFP), version: THEIRS });
    await store.getState().openChannelTable('raw');
    expect(store.getState().channelTable?.info?.table).toEqual(table(GFP));
    store.getState().closeChannelTable();
    store.getState().undo();
    await asked(store);
    expect(backend.channelSaves[1]).toEqual({
      folder: 'raw',
      table: null,
      expected: version,
      action: 'Undo Channel table of raw',
    });
    expect(backend.channelFiles.get('raw')?.table).toEqual(table(GFP));
    expect(selectUndoLabels(store.getState()).undo).toBe('Undo Channel table of raw');
    expect(store.getState().redo()).toBe(false);
  });

  it('leaves field edits to the history as before, a file step among them', async () => {
    const { store, backend } = await saved();
    store.getState().setFieldText(['c.tif'], 'genotype', 'KO');
    store.getState().undo();
    expect(store.getState().edits).toEqual({});
    store.getState().undo();
    await settled(store);
    expect(backend.channelFiles.has('raw')).toBe(false);
    expect(store.getState().history.future).toHaveLength(2);
  });
});
