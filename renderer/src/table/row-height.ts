/** Height of a table row in CSS pixels; the stylesheet's `--row-height` must match. */
export const ROW_HEIGHT = 26;
