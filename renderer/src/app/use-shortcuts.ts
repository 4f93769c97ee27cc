/** Application-wide keyboard shortcuts (the native menu sends the same commands in Electron). */
import { useEffect } from 'react';
import type { MenuCommand } from '../../../shared/api';
import { isTextEntry } from '../lib/text-entry';
import { type AppStore, useAppStore } from '../store';
import { runMenuCommand } from '../backend-events';
import { focusFirstField, focusTable } from '../kit';

const SHORTCUTS: Readonly<Record<string, MenuCommand>> = {
  s: 'save',
  f: 'find',
  o: 'open-folder',
  '/': 'show-shortcuts',
};

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

/** What a key without Ctrl/Cmd does: F6 goes to the table (from the table, to the editor); `?` outside text fields lists the shortcuts. */
function plainKey(store: AppStore, event: KeyboardEvent): (() => void) | null {
  if (event.ctrlKey || event.metaKey || event.altKey || document.querySelector('dialog[open]') !== null) return null;
  if (event.key === 'F6') {
    return () => {
      const inTable = document.activeElement?.closest('[role="grid"]') != null;
      if (!inTable || !focusFirstField()) focusTable();
    };
  }
  if (event.key === '?' && !isTextEntry(document.activeElement)) return () => runMenuCommand(store, 'show-shortcuts');
  return null;
}

/**
 * Ctrl/Cmd+S saves, Ctrl/Cmd+F focuses the filter, Ctrl/Cmd+O opens a folder, Ctrl/Cmd+/ lists
 * the shortcuts; outside text fields, Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z or Ctrl+Y redoes,
 * Shift+Ctrl/Cmd+C copies the selected image's metadata and Shift+Ctrl/Cmd+V pastes it into the
 * selection, and `?` lists the shortcuts; F6 goes to the table, and from the table to the editor.
 */
export function useShortcuts(): void {
  const store = useAppStore();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const plain = plainKey(store, event);
      if (plain) {
        event.preventDefault();
        plain();
        return;
      }
      if (!(event.ctrlKey || event.metaKey)) return;
      const command =
        editCommand(event) ?? (event.altKey || event.shiftKey ? undefined : SHORTCUTS[event.key.toLowerCase()]);
      if (!command) return;
      event.preventDefault();
      runMenuCommand(store, command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
