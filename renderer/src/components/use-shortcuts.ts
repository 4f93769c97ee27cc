/** Application-wide keyboard shortcuts (the native menu sends the same commands in Electron). */
import { useEffect } from 'react';
import type { MenuCommand } from '../../../shared/api';
import { isTextEntry } from '../lib/text-entry';
import { runMenuCommand } from '../store/backend-events';
import { useAppStore } from '../store/store-context';

const SHORTCUTS: Readonly<Record<string, MenuCommand>> = { s: 'save', f: 'find', o: 'open-folder' };

/**
 * The app's undo/redo and metadata copy/paste for a key press, when focus is not in a text
 * field (which keeps its own undo, copy and paste).
 */
function editCommand(event: KeyboardEvent): MenuCommand | null {
  if (event.altKey || isTextEntry(document.activeElement)) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (event.shiftKey && key === 'c') return 'copy-metadata';
  if (event.shiftKey && key === 'v') return 'paste-metadata';
  return key === 'y' && !event.shiftKey ? 'redo' : null;
}

/**
 * Ctrl/Cmd+S saves, Ctrl/Cmd+F focuses the filter, Ctrl/Cmd+O opens a folder; outside text
 * fields, Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z or Ctrl+Y redoes, Shift+Ctrl/Cmd+C copies the
 * selected image's metadata and Shift+Ctrl/Cmd+V pastes it into the selection.
 */
export function useShortcuts(): void {
  const store = useAppStore();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      const command = editCommand(event) ?? (event.altKey || event.shiftKey ? undefined : SHORTCUTS[event.key.toLowerCase()]);
      if (!command) return;
      event.preventDefault();
      runMenuCommand(store, command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
