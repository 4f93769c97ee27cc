/**
 * The editor beside the table: one image's or many images' fields, header, acquisition,
 * preview, ROIs, analyses and history.
 */
export { EditorPanel } from './editor-panel';
export { PanelSplitter } from './panel-splitter';
