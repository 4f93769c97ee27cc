/**
 * The image table: its rows, columns, header and the window of rows drawn.
 */
export { ImageTable } from './image-table';
