/** Keeps the native menu's Undo and Redo items naming what they would do (Electron only). */
import type { AppStore } from '../app-store';
import { selectUndoLabels } from './slices/history-slice';

/** Sends the Undo/Redo labels to the menu now and whenever they change; returns the unsubscribe. */
export function syncMenuState(store: AppStore): () => void {
  const { client } = store.getState();
  if (!client.setMenuState) return () => undefined;
  let last = selectUndoLabels(store.getState());
  client.setMenuState(last);
  return store.subscribe((state) => {
    const next = selectUndoLabels(state);
    if (next.undo === last.undo && next.redo === last.redo) return;
    last = next;
    client.setMenuState?.(next);
  });
}
