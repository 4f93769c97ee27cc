import abif from '../../../fixtures/instruments/abif_axiovert1_.json';
import { describe, expect, it, vi } from 'vitest';
import type { InstrumentFieldSpec } from '../../../../shared/api-instruments';
import type { AppStore } from '../../../../renderer/src/app-store';
import { selectUndoLabels } from '../../../../renderer/src/store';
import { instrumentSaveBlocker } from '../../../../renderer/src/instruments/instrument-editor';
import { makeRow, storeWithRows } from '../store/fake-client';

/** A real facility's description (test/fixtures/SOURCES.md), as one line of JSON. */
const ABIF = JSON.stringify(abif);
const FILE = 'acqmeta.instruments/abif-axiovert1.json';
const ORIGINAL = { size: 1, mtimeMs: 1, sha256: 'original' };
/** The 100× objective, whose name says NA 1.40 and whose LensNA is 1.3. */
const O100 = { id: 'eb0b91b8-e884-4860-a389-a5fe8fb952c7' };
const NA: InstrumentFieldSpec = { key: 'LensNA', label: 'Lens NA', type: 'number', requiredFromTier: 1 };
const ID: InstrumentFieldSpec = { key: 'ID', label: 'ID', type: 'text', requiredFromTier: 1 };
/** The camera's ID, which no other component may have. */
const CAMERA_ID = 'dd53d052-6bb5-4850-9804-76a008447e73';
const FIXED = ABIF.replace('"LensNA":1.3,', '"LensNA":1.4,');

function setup() {
  const { store, backend } = storeWithRows([makeRow('raw/a.tif'), makeRow('raw/b.tif')]);
  backend.instrumentFiles.set(FILE, { text: ABIF, version: ORIGINAL });
  return { store, backend };
}

/** Waits until a file step's undo or redo has been written (or refused). */
const settled = (store: AppStore) => vi.waitFor(() => expect(store.getState().historyBusy).toBe(false));
const editor = (store: AppStore) => store.getState().instrumentCatalogue!;
const texts = (store: AppStore) => store.getState().notices.map((n) => n.text);

describe('the instrument catalogue editor', () => {
  it('opens on the catalogue in force for the selected images’ folder, each file as read', async () => {
    const { store } = setup();
    store.getState().selectOnly('raw/a.tif');
    await store.getState().openInstrumentCatalogue();
    const shown = editor(store);
    expect(shown.folder).toBe('raw');
    expect(shown.image).toBe('raw/a.tif');
    expect(shown.files.map((f) => [f.file, f.shown.text === ABIF, f.edits])).toEqual([[FILE, true, []]]);
    expect(instrumentSaveBlocker(shown)).toBe('Nothing changed.');
  });

  it('checks a value as it is typed; a warning never holds the save back, an error does and says where', async () => {
    const { store, backend } = setup();
    await store.getState().openInstrumentCatalogue();
    store.getState().editInstrumentCell(O100, NA, '14');
    // two warnings (no NA is 14; the name says 1.40): listed, and never a reason to hold the save back
    expect(
      editor(store)
        .files[0]!.shown.problems.filter((p) => p.message.includes('14'))
        .map((p) => p.severity),
    ).toEqual(['warning', 'warning']);
    expect(instrumentSaveBlocker(editor(store))).toBeNull();
    store.getState().editInstrumentCell(O100, NA, 'NA 1.4');
    expect(Object.values(editor(store).typed)).toEqual([
      { text: 'NA 1.4', error: 'Lens NA: “NA 1.4” is not a number (numbers only)' },
    ]);
    expect(instrumentSaveBlocker(editor(store))).toBe('Fix the value that is not a number to save.');
    expect(await store.getState().submitInstrumentCatalogue()).toBe(false);
    expect(backend.instrumentSaves).toEqual([]);
    store.getState().editInstrumentCell(O100, NA, '1.4');
    expect(editor(store).typed).toEqual({});
    expect(instrumentSaveBlocker(editor(store))).toBeNull();
    // an error does: the reason says where it is, and what
    store.getState().editInstrumentCell(O100, ID, CAMERA_ID);
    expect(instrumentSaveBlocker(editor(store))).toBe(
      `To save, fix Objective “100X PLAN APOCHROMAT, NA=1.40, OIL, DIC” · ID: ${CAMERA_ID} is also the ID of components[1].`,
    );
  });

  it('saves the edited text with the version read, as one undo step; undo and redo write the texts back', async () => {
    const { store, backend } = setup();
    store.getState().selectOnly('raw/a.tif');
    await store.getState().openInstrumentCatalogue();
    store.getState().editInstrumentCell(O100, NA, '1.4');
    store.setState({ details: { 'raw/a.tif': { status: 'loading' } } });
    backend.reloaded.set('raw/b.tif', makeRow('raw/b.tif', {}, { catalogue: { objective: '100×' } }));
    expect(await store.getState().submitInstrumentCatalogue()).toBe(true);
    expect(store.getState().instrumentCatalogue).toBeNull();
    expect(backend.instrumentSaves).toEqual([
      { file: FILE, text: FIXED, expected: ORIGINAL, action: 'Instrument description abif-axiovert1.json' },
    ]);
    expect(backend.instrumentFiles.get(FILE)?.text).toBe(FIXED);
    // the panel's match is read again, and the rows take their new catalogue names
    expect(store.getState().details).toEqual({});
    await vi.waitFor(() => expect(store.getState().rows['raw/b.tif']?.catalogue).toEqual({ objective: '100×' }));
    expect(store.getState().rows['raw/a.tif']?.catalogue).toBeUndefined();
    expect(texts(store)).toContain(`Saved ${FILE}.`);
    expect(selectUndoLabels(store.getState()).undo).toBe('Undo Instrument description abif-axiovert1.json');

    expect(store.getState().undo()).toBe(true);
    await settled(store);
    expect(backend.instrumentFiles.get(FILE)?.text).toBe(ABIF);
    expect(backend.instrumentSaves.at(-1)).toMatchObject({
      text: ABIF,
      expected: { sha256: 'instrument-1' },
      action: 'Undo Instrument description abif-axiovert1.json',
    });
    expect(selectUndoLabels(store.getState()).redo).toBe('Redo Instrument description abif-axiovert1.json');

    expect(store.getState().redo()).toBe(true);
    await settled(store);
    expect(backend.instrumentFiles.get(FILE)?.text).toBe(FIXED);
  });

  it('does not undo over a file another program changed since; the step stays', async () => {
    const { store, backend } = setup();
    await store.getState().openInstrumentCatalogue();
    store.getState().editInstrumentCell(O100, NA, '1.4');
    await store.getState().submitInstrumentCatalogue();
    const theirs = { text: `${FIXED}\n`, version: { size: 2, mtimeMs: 2, sha256: 'theirs' } };
    backend.instrumentFiles.set(FILE, theirs);
    store.getState().undo();
    await settled(store);
    expect(backend.instrumentFiles.get(FILE)).toEqual(theirs);
    expect(texts(store).at(-1)).toMatch(
      /^Could not undo acqmeta.instruments\/abif-axiovert1.json: another program changed it/,
    );
    expect(selectUndoLabels(store.getState()).undo).toBe('Undo Instrument description abif-axiovert1.json');
  });

  it('keeps the edits on a conflict, and Reload applies them to the file now on disk', async () => {
    const { store, backend } = setup();
    await store.getState().openInstrumentCatalogue();
    store.getState().editInstrumentCell(O100, NA, '1.4');
    const theirs = ABIF.replace('"CatalogNumber":"999"', '"CatalogNumber":"431007-9901"');
    backend.instrumentFiles.set(FILE, { text: theirs, version: { size: 2, mtimeMs: 2, sha256: 'theirs' } });
    expect(await store.getState().submitInstrumentCatalogue()).toBe(false);
    expect(editor(store).failure).toEqual({
      file: FILE,
      conflict: true,
      message: `${FILE} was changed by another program.`,
    });
    expect(backend.instrumentFiles.get(FILE)?.text).toBe(theirs);
    await store.getState().reloadInstrumentCatalogue();
    expect(editor(store).failure).toBeNull();
    expect(editor(store).files[0]!.shown.text).toBe(theirs.replace('"LensNA":1.3,', '"LensNA":1.4,'));
    expect(await store.getState().submitInstrumentCatalogue()).toBe(true);
    expect(backend.instrumentSaves.at(-1)?.expected?.sha256).toBe('theirs');
  });

  it('adds and removes components, and creates a new description that undo removes', async () => {
    const { store, backend } = setup();
    backend.instrumentFiles.clear();
    await store.getState().openInstrumentCatalogue();
    expect(editor(store).info?.inForce).toBeNull();
    store.getState().newInstrumentFile('LSM 880 (room 2)');
    expect(editor(store).files.map((f) => f.file)).toEqual(['acqmeta.instruments/lsm-880-room-2.json']);
    store.getState().addInstrumentComponent('Objective.json');
    store.getState().addInstrumentComponent('Objective.json');
    const added = JSON.parse(editor(store).files[0]!.shown.text!).components as { ID: string; Name: string }[];
    expect(added.map((c) => c.Name)).toEqual(['Objective 1', 'Objective 2']);
    store.getState().removeInstrumentComponent(added[0]!.ID);
    expect(await store.getState().submitInstrumentCatalogue()).toBe(true);
    const written = JSON.parse(backend.instrumentFiles.get('acqmeta.instruments/lsm-880-room-2.json')!.text);
    expect(written).toMatchObject({ Name: 'LSM 880 (room 2)', Schema_ID: 'Instrument.json' });
    expect(written.components.map((c: { Name: string }) => c.Name)).toEqual(['Objective 2']);
    expect(backend.instrumentSaves.at(-1)?.expected).toBeNull();
    store.getState().undo();
    await settled(store);
    expect(backend.instrumentFiles.has('acqmeta.instruments/lsm-880-room-2.json')).toBe(false);
  });

  it('adds what an image’s header records: to the file shown, or as a new description', async () => {
    const { store, backend } = setup();
    const objective = {
      Schema_ID: 'Objective.json',
      ID: 'draft-o1',
      Name: 'Plan-Apochromat 63x/1.40 Oil',
      LensNA: 1.4,
    };
    backend.instrumentDraft = { text: null, components: [objective], notes: [] };
    await store.getState().openInstrumentCatalogue({ image: 'raw/b.tif', propose: true });
    expect(editor(store).draft).toEqual({ path: 'raw/b.tif', text: null, components: [objective], notes: [] });
    store.getState().placeDraft('shown');
    expect(editor(store).draft).toBeNull();
    expect(editor(store).files[0]!.edits).toEqual([{ op: 'add', component: objective }]);
    expect(await store.getState().submitInstrumentCatalogue()).toBe(true);
    expect(JSON.parse(backend.instrumentFiles.get(FILE)!.text).components.at(-1)).toEqual(objective);
  });

  it('drafts from an image chosen in the dialog when none was selected', async () => {
    const { store, backend } = setup();
    backend.instrumentDraft = { text: null, components: [{ Schema_ID: 'CCD.json', ID: 'c', Name: 'Cam' }], notes: [] };
    await store.getState().openInstrumentCatalogue();
    expect(editor(store).image).toBeNull();
    store.getState().chooseDraftImage('raw/b.tif');
    await store.getState().draftFromImage();
    expect(editor(store).draft).toMatchObject({ path: 'raw/b.tif', components: [{ Name: 'Cam' }] });
  });

  it('holds back a save into a catalogue above the open folder, and says which folder to open', async () => {
    const { store, backend } = setup();
    const client = store.getState().client;
    const read = client.getInstrumentCatalogue.bind(client);
    client.getInstrumentCatalogue = async (request) => {
      const answer = await read(request);
      return answer.ok
        ? { ...answer, payload: { ...answer.payload, inForce: '/share/acqmeta.instruments', above: true } }
        : answer;
    };
    await store.getState().openInstrumentCatalogue();
    store.getState().editInstrumentCell(O100, NA, '1.4');
    expect(instrumentSaveBlocker(editor(store))).toBe(
      'The catalogue in force is above the open folder: open /share to edit it.',
    );
    expect(await store.getState().submitInstrumentCatalogue()).toBe(false);
    expect(backend.instrumentSaves).toEqual([]);
  });
});
