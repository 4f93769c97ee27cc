import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../renderer/src/app-store';
import { PREFS_KEY, type PrefsStorage } from '../../../renderer/src/view-prefs';
import { fakeBackend } from './store/fake-client';

function memoryStorage(initial: Record<string, string> = {}): PrefsStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
}

describe('view preferences', () => {
  it('persist sort, columns and their widths, theme and panel width, but not the filter', () => {
    const storage = memoryStorage();
    const store = createAppStore(fakeBackend([]).client, storage);
    store.getState().sortBy('depth');
    store.getState().setColumnVisible('note', true);
    store.getState().setColumnVisible('dims', false);
    store.getState().setTheme('dark');
    store.getState().setColumnWidth('species', 180.4);
    store.getState().setColumnWidth('path', 5);
    store.getState().setFilterText('mouse');
    const again = createAppStore(fakeBackend([]).client, storage).getState();
    expect(again.sort).toEqual({ column: 'depth', direction: 'asc' });
    expect(again.visibleColumns).toContain('note');
    expect(again.visibleColumns).not.toContain('dims');
    expect(again.theme).toBe('dark');
    expect(again.columnWidths).toEqual({ species: 180, path: 40 });
    expect(again.filterText).toBe('');
  });

  it('keep the preview open or closed once the user chose, and follow the window until then', () => {
    const storage = memoryStorage();
    const store = createAppStore(fakeBackend([]).client, storage);
    expect(store.getState().previewOpen).toBeNull();
    store.getState().setPreviewOpen(false);
    expect(createAppStore(fakeBackend([]).client, storage).getState().previewOpen).toBe(false);
    const junk = memoryStorage({ [PREFS_KEY]: JSON.stringify({ previewOpen: 'yes' }) });
    expect(createAppStore(fakeBackend([]).client, junk).getState().previewOpen).toBeNull();
  });

  it('ignores stored values that are unknown or malformed', () => {
    const storage = memoryStorage({
      [PREFS_KEY]: JSON.stringify({
        sort: { column: 'nope', direction: 'asc' },
        visibleColumns: ['species', 'gone', 3],
        theme: 'pink',
        panelWidth: 5,
        columnWidths: { gone: 100, species: 'wide', depth: 99999, region: 120 },
      }),
    });
    const s = createAppStore(fakeBackend([]).client, storage).getState();
    expect(s.sort).toBeNull();
    expect(s.visibleColumns).toEqual(['species']);
    expect(s.theme).toBe('system');
    expect(s.panelWidth).toBe(400);
    expect(s.columnWidths).toEqual({ region: 120 });
    expect(createAppStore(fakeBackend([]).client, memoryStorage({ [PREFS_KEY]: '{oops' })).getState().theme).toBe(
      'system',
    );
  });
});
