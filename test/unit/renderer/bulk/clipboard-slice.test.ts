import { describe, expect, it } from 'vitest';
import { selectUndoLabels } from '../../../../renderer/src/store';
import { makeRow, storeWithRows } from '../store/fake-client';

describe('copy and paste of metadata', () => {
  it('copies what the editor shows for one image (pending edits included) and pastes chosen fields as one undo step', () => {
    const { store } = storeWithRows([
      makeRow('a.tif', { species: 'mouse', genotype: 'WT' }),
      makeRow('b.tif'),
      makeRow('c.tif', { species: 'rat' }),
    ]);
    store.getState().selectOnly('a.tif');
    store.getState().setFieldText(['a.tif'], 'region', 'CA1');
    expect(store.getState().copyMetadata()).toBe(true);
    expect(store.getState().copied?.values).toMatchObject({ species: 'mouse', genotype: 'WT', region: 'CA1' });

    store.getState().selectOnly('b.tif');
    store.getState().toggleSelected('c.tif');
    store.getState().requestPaste();
    expect(store.getState().pastePrompt).toBe(true);
    expect(store.getState().pasteMetadata(['species', 'region'])).toBe(4);
    expect(store.getState().pastePrompt).toBe(false);
    const edits = store.getState().edits;
    expect([edits['b.tif']?.species?.value, edits['b.tif']?.region?.value, edits['c.tif']?.species?.value]).toEqual([
      'mouse',
      'CA1',
      'mouse',
    ]);
    expect(edits['b.tif']?.genotype).toBeUndefined();
    expect(selectUndoLabels(store.getState()).undo).toBe('Undo Paste from a.tif (2 fields) on 2 images');
    store.getState().undo();
    expect(store.getState().edits['b.tif']).toBeUndefined();
    expect(store.getState().edits['c.tif']).toBeUndefined();
  });

  it('copies only from exactly one readable image, and pastes only what was copied into editable images', () => {
    const { store } = storeWithRows([makeRow('a.tif'), makeRow('bad.tif', {}, { sidecar: 'invalid' })]);
    store.getState().selectOnly('a.tif');
    store.getState().toggleSelected('bad.tif');
    expect(store.getState().copyMetadata()).toBe(false);
    expect(store.getState().notices.at(-1)?.text).toBe('Select one image to copy its metadata.');
    store.getState().requestPaste();
    expect(store.getState().pastePrompt).toBe(false);
    store.getState().selectOnly('a.tif');
    store.getState().copyMetadata();
    store.getState().selectOnly('bad.tif');
    store.getState().requestPaste();
    expect(store.getState().pastePrompt).toBe(false);
    expect(store.getState().notices.at(-1)?.text).toBe('Select the images to paste into.');
  });
});
