/** Application-wide keyboard shortcuts (the native menu sends the same commands in Electron). */
import { useEffect } from 'react';
import type { MenuCommand } from '../../../shared/api';
import { runMenuCommand } from '../store/backend-events';
import { useAppStore } from '../store/store-context';
import { focusFirstField, focusTable, isTyping } from './focus-targets';

const SHORTCUTS: Readonly<Record<string, MenuCommand>> = { s: 'save', f: 'find', o: 'open-folder', '/': 'show-shortcuts' };

/**
 * Ctrl/Cmd+S saves, +F focuses the filter, +O opens a folder, +/ lists the shortcuts (as does
 * `?` outside text fields); F6 goes from anywhere to the table, and from the table to the editor.
 */
export function useShortcuts(): void {
  const store = useAppStore();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (event.key === 'F6' && !mod && !event.altKey && document.querySelector('dialog[open]') === null) {
        event.preventDefault();
        const inTable = document.activeElement?.closest('[role="grid"]') !== null && document.activeElement !== null;
        if (!inTable || !focusFirstField()) focusTable();
        return;
      }
      if (event.key === '?' && !mod && !event.altKey && !isTyping(event.target) && document.querySelector('dialog[open]') === null) {
        event.preventDefault();
        runMenuCommand(store, 'show-shortcuts');
        return;
      }
      if (!mod || event.altKey || event.shiftKey) return;
      const command = SHORTCUTS[event.key.toLowerCase()];
      if (!command) return;
      event.preventDefault();
      runMenuCommand(store, command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
