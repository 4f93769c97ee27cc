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

/** Whether typing goes into a text control now (so plain keys such as `?` must not act as shortcuts). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'range', 'reset'].includes(target.type);
}
