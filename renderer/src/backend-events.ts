/** The one place where backend events enter the store. */
import type { ApiEvent, MenuCommand, WindowQuestion } from '../../shared/api';
import { isTextEntry } from './lib/text-entry';
import type { AppStore } from './app-store';
import type { CalibrateEvent } from './calibrate';
import type { CollectionExportEvent } from './collection';
import type { ConvertEvent } from './convert';
import type { UploadEvent } from './upload';
import type { IndexEvent } from './search';
import { batchScanEvents, spacedFrames, type FrameScheduler } from './scan-event-batcher';
import { selectHasUnsaved } from './store';

/** Whether the system theme is dark now (the menu's "Toggle theme" switches away from what is shown). */
function systemIsDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

/** Runs a native-menu command (also used by keyboard shortcuts). */
export function runMenuCommand(store: AppStore, command: MenuCommand): void {
  const state = store.getState();
  switch (command) {
    case 'open-folder':
      state.requestOpenFolder();
      break;
    case 'save':
      void state.requestSave();
      break;
    case 'revert-field':
      state.revertActiveField();
      break;
    case 'find':
      state.requestFind();
      break;
    case 'toggle-theme':
      state.toggleTheme(systemIsDark());
      break;
    case 'show-shortcuts':
      state.setShortcutsOpen(true);
      break;
    case 'copy-metadata':
      state.copyMetadata();
      break;
    case 'paste-metadata':
      state.requestPaste();
      break;
    case 'undo':
    case 'redo':
      // A text field with the focus keeps its own text undo; elsewhere it is the app's history.
      if (typeof document !== 'undefined' && isTextEntry(document.activeElement)) document.execCommand(command);
      else if (command === 'undo') state.undo();
      else state.redo();
      break;
  }
}

/**
 * Answers the Electron main process before unsaved edits would be lost: whether there are any,
 * or, having saved them all, whether nothing is left unsaved (a failed save answers false).
 */
async function answerWindowQuestion(store: AppStore, id: number, question: WindowQuestion): Promise<void> {
  const state = store.getState();
  const value = question === 'has-unsaved-changes' ? selectHasUnsaved(state) : await state.saveAll().catch(() => false);
  state.client.answerWindow?.({ id, value: value === true });
}

/**
 * Feeds scan progress, changes on disk, a conversion's, collection export's, calibration's, upload build's or index refresh's progress, menu commands, the main process's questions and where
 * the change journal had to go from the backend into the store (scan
 * rows at most once per frame and a few times a second, see scan-event-batcher; changes on disk after the rows sent
 * before them), and lets rows held back from a disk change catch up once their edits are gone;
 * returns the unsubscribe.
 */
export function connectBackendEvents(store: AppStore, schedule: FrameScheduler = spacedFrames()): () => void {
  const deliver = (
    event: Exclude<
      ApiEvent,
      {
        type:
          | 'menu'
          | 'window-question'
          | 'journal-elsewhere'
          | 'index-not-updated'
          | ConvertEvent['type']
          | CollectionExportEvent['type']
          | CalibrateEvent['type']
          | UploadEvent['type']
          | IndexEvent['type'];
      }
    >,
  ): void => {
    const state = store.getState();
    switch (event.type) {
      case 'folder-changed':
        state.applyFolderChanges(event);
        break;
      case 'folder-watching':
        state.setWatchMode(event.root, event.mode);
        break;
      default:
        state.handleScanEvent(event);
    }
  };
  const inOrder = batchScanEvents(deliver, schedule);
  const stopEvents = store.getState().client.onEvent((event) => {
    if (event.type === 'menu') runMenuCommand(store, event.command);
    else if (event.type === 'window-question') void answerWindowQuestion(store, event.id, event.question);
    else if (event.type === 'journal-elsewhere')
      store
        .getState()
        .notify('error', `This folder cannot be written: its change journal is kept in ${event.dir} instead.`);
    else if (event.type === 'index-not-updated') store.getState().notify('error', event.message);
    else if (event.type === 'convert-progress' || event.type === 'convert-done' || event.type === 'convert-failed')
      store.getState().handleConvertEvent(event);
    else if (
      event.type === 'collection-export-progress' ||
      event.type === 'collection-export-done' ||
      event.type === 'collection-export-failed'
    )
      store.getState().handleCollectionExportEvent(event);
    else if (
      event.type === 'calibrate-progress' ||
      event.type === 'calibrate-done' ||
      event.type === 'calibrate-failed'
    )
      store.getState().handleCalibrateEvent(event);
    else if (event.type === 'upload-progress' || event.type === 'upload-done' || event.type === 'upload-failed')
      store.getState().handleUploadEvent(event);
    else if (
      event.type === 'index-refresh-progress' ||
      event.type === 'index-refresh-done' ||
      event.type === 'index-refresh-failed'
    )
      store.getState().handleIndexEvent(event);
    else inOrder(event);
  });
  const stopSettling = store.subscribe((state, previous) => {
    if (state.edits !== previous.edits && Object.keys(state.diskMarks).length > 0) state.settleDiskMarks();
  });
  return () => {
    stopEvents();
    stopSettling();
  };
}
