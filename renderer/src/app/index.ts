/**
 * The app's shell: the window's frame, toolbar, status bar, start screen, menus and shortcuts,
 * and the workspace that lays out the table, the editor and the open dialog.
 */
export { App } from './app';
