/**
 * The backend behind every front door (Electron IPC, the browser-mode server): one
 * `call(method, request)` that validates the request, runs the handler and returns errors as data.
 */
import {
  API_METHOD_NAMES,
  type ApiEvent,
  type ApiHandlers,
  type ApiMethodName,
  type ApiResult,
} from '../../../shared/api';
import { createWaitList } from '../../../shared/wait-list';
import { createProfileCache } from '../profile';
import { HeaderMemo } from '../rows';
import { createTiffScanner } from '../tiff';
import type { BackendContext, BackendOptions } from './backend-context';
import { toBackendError } from '../disk';
import { folderHandlers, openFolderAt } from './folder-handlers';
import { ImageFolders } from './image-folders';
import { CollectionRows } from './collection-rows';
import { imageHandlers } from './image-handlers';
import { indexHandlers } from './index-handlers';
import { indexWrites } from './index-writes';
import { presetHandlers } from './preset-handlers';
import { submissionHandler } from './submission-handler';
import { submissionMetadataHandler } from './submission-metadata-handler';
import { journalHandler } from './journal-handler';
import { calibrateHandlers } from './calibrate-handler';
import { channelHandlers } from './channel-handlers';
import { collectionHandlers } from './collection-handler';
import { convertHandlers } from './convert-handler';
import { datasetHandlers } from './dataset-handlers';
import { instrumentHandlers } from './instrument-handlers';
import { profileHandlers } from './profile-handlers';
import { LiveFolder, realTimer } from './live-folder';
import { compileRequestValidators, describeSchemaError } from './request-schemas';
import { resultsHandler } from './results-handler';
import { saveHandler } from './save-handler';
import { startScanAhead } from './scan-ahead';
import { scanHandler } from './scan-handler';
import { tableHandlers } from './table-handlers';
import { uploadHandlers } from './upload-handler';

export type { BackendOptions } from './backend-context';

/** The backend as a front door (Electron IPC, the browser-mode server) sees it: calls and events; tests may pass a small fake. */
export interface BackendPort {
  /** Validates and runs one method; never throws. */
  call(method: string, request: unknown): Promise<ApiResult<unknown>>;
  /** Subscribes to events; returns the unsubscribe function. */
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** A window is loading the app: the open folder's scan starts now, for its `getSession` to take over (see scan-ahead.ts). */
  windowLoading?(): void;
}

/** A running backend. */
export interface Backend extends BackendPort {
  /** Stops the running scan and the folder watch, and closes the scanner the backend made itself. */
  close(): Promise<void>;
}

/**
 * Creates a backend. With `initialFolder` the folder is opened before the first call runs;
 * if it cannot be opened, the session simply starts with no folder.
 */
export function createBackend(options: BackendOptions): Backend {
  const listeners = new Set<(event: ApiEvent) => void>();
  /** Those waiting for a listener (see BackendContext.listening). */
  const waiting = createWaitList(options.listenerTimer ?? realTimer);
  // the window stays responsive while a folder is scanned: reading headers gives way to it
  const scanner = options.scanner ?? createTiffScanner({ background: true });
  const imageFolders = new ImageFolders();
  const collectionRows = new CollectionRows();
  const deliver = (listener: (event: ApiEvent) => void, event: ApiEvent): void => {
    try {
      listener(event);
    } catch {
      // A listener's failure must not stop the others or the scan.
    }
  };
  const emit = (event: ApiEvent): void => {
    imageFolders.noteEvent(event);
    collectionRows.noteEvent(event);
    if (options.observe) deliver(options.observe, event);
    for (const listener of listeners) deliver(listener, event);
  };
  const profiles = createProfileCache();
  const context: BackendContext = {
    options,
    scanner,
    profiles,
    folder: null,
    scan: null,
    emit,
    listening: (timeoutMs) => (listeners.size > 0 ? Promise.resolve() : waiting.wait(timeoutMs)),
    cancelScan() {
      context.scan?.stop();
      context.scan = null;
    },
    live: new LiveFolder(
      scanner,
      profiles,
      emit,
      collectionRows,
      options.watch ?? null,
      options.liveTimer,
      options.configDir ?? undefined,
    ),
    headers: new HeaderMemo(),
    imageFolders,
    collectionRows,
    readAhead: null,
    scanAhead: null,
  };
  const handlers: ApiHandlers = {
    ...folderHandlers(context),
    ...scanHandler(context),
    ...imageHandlers(context),
    ...saveHandler(context),
    ...profileHandlers(context),
    ...tableHandlers(context),
    ...resultsHandler(context),
    ...presetHandlers(context),
    ...channelHandlers(context),
    ...instrumentHandlers(context),
    ...datasetHandlers(context),
    ...journalHandler(context),
    ...submissionHandler(context),
    ...submissionMetadataHandler(context),
    ...convertHandlers(context),
    ...collectionHandlers(context),
    ...calibrateHandlers(context),
    ...uploadHandlers(context),
    ...indexHandlers(context),
  };
  const validators = compileRequestValidators();
  // the folder opened at start is scanned once a window loads: its first rows are read meanwhile
  const ready =
    options.initialFolder == null
      ? Promise.resolve()
      : openFolderAt(context, options.initialFolder, true).catch(() => undefined);

  return {
    async call(method, request) {
      try {
        if (!(API_METHOD_NAMES as readonly string[]).includes(method)) {
          return { ok: false, error: { code: 'BAD_REQUEST', message: `Unknown method "${method}".` } };
        }
        const name = method as ApiMethodName;
        const validate = validators[name];
        if (!validate(request)) {
          return { ok: false, error: { code: 'BAD_REQUEST', message: `${name}: ${describeSchemaError(validate)}.` } };
        }
        await ready;
        const handler = handlers[name] as (request: unknown) => Promise<unknown>;
        const payload = await handler(request);
        await indexWrites(context);
        return { ok: true, payload };
      } catch (error) {
        return { ok: false, error: toBackendError(error) };
      }
    },
    windowLoading() {
      void ready.then(() => startScanAhead(context));
    },
    onEvent(listener) {
      listeners.add(listener);
      waiting.releaseAll();
      return () => listeners.delete(listener);
    },
    async close() {
      await ready;
      context.cancelScan();
      await context.live.close();
      listeners.clear();
      if (options.scanner === undefined) await scanner.close();
    },
  };
}
