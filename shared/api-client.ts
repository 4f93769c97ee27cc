/** The renderer's side of the contract in `api.ts`: the calls, the event subscription and the window's extras. */
import type { ApiCalls } from './api';
import type { ApiEvent } from './api-events';
import type { MenuState, WindowAnswer } from './api-window';

/** What the renderer holds: one async function per method plus an event subscription. */
export type ApiClient = ApiCalls & {
  /** Subscribes to backend events; returns the unsubscribe function. */
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /**
   * Resolves once the events sent from now on reach the listeners (browser mode: the event
   * stream is open), or after `timeoutMs`; absent where they always do (Electron's IPC).
   */
  eventsReady?(timeoutMs: number): Promise<void>;
  /** Tells the native menu what Undo and Redo would do (Electron only: browser mode has no native menu). */
  setMenuState?(state: MenuState): void;
  /** Answers a `window-question` event of the main process (Electron only). */
  answerWindow?(answer: WindowAnswer): void;
};
