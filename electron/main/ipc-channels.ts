/**
 * The IPC channels between the preload and the main process.
 */

/** `invoke(CALL_CHANNEL, method, request)` runs one backend method. */
export const CALL_CHANNEL = 'acqmeta:call';

/** Backend events, pushed from the main process to the window. */
export const EVENT_CHANNEL = 'acqmeta:event';

/** `send(MENU_STATE_CHANNEL, MenuState)`: the window tells the menu what Undo and Redo would do. */
export const MENU_STATE_CHANNEL = 'acqmeta:menu-state';

/** `send(WINDOW_ANSWER_CHANNEL, WindowAnswer)`: the window answers a `window-question` event. */
export const WINDOW_ANSWER_CHANNEL = 'acqmeta:window-answer';
