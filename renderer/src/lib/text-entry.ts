/** Whether keyboard focus is in a field that edits text (its own undo, copy and paste apply there). */
export function isTextEntry(element: Element | null): boolean {
  if (element === null) return false;
  if (element instanceof HTMLTextAreaElement) return !element.readOnly;
  if (element instanceof HTMLInputElement)
    return !element.readOnly && !['checkbox', 'radio', 'button', 'submit', 'range', 'file'].includes(element.type);
  return element instanceof HTMLElement && element.isContentEditable;
}
