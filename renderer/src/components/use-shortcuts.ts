/** Application-wide keyboard shortcuts (the native menu sends the same commands in Electron). */
import { useEffect } from 'react';
import type { MenuCommand } from '../../../shared/api';
import { runMenuCommand } from '../store/backend-events';
import { useAppStore } from '../store/store-context';

const SHORTCUTS: Readonly<Record<string, MenuCommand>> = { s: 'save', f: 'find', o: 'open-folder' };

/** Ctrl/Cmd+S saves, Ctrl/Cmd+F focuses the filter, Ctrl/Cmd+O opens a folder. */
export function useShortcuts(): void {
  const store = useAppStore();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const command = SHORTCUTS[event.key.toLowerCase()];
      if (!command) return;
      event.preventDefault();
      runMenuCommand(store, command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
