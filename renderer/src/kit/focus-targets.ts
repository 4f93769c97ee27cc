/** Moving keyboard focus between the table and the editor panel. */

/** Focuses the image table (its selected row is the active one). */
export function focusTable(): void {
  document.querySelector<HTMLElement>('[role="grid"]')?.focus();
}

/** Focuses the editor's first field that can be typed in; false when there is none. */
export function focusFirstField(): boolean {
  const field = document.querySelector<HTMLElement>('.editor-panel :is(input, textarea):not([readonly])');
  field?.focus();
  return field !== null;
}
