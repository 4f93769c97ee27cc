/** The status bar: how many images, shown and selected; scan progress; confirmations; theme switch. */
import { useEffect } from 'react';
import { selectWatchMode } from '../store/disk-slice';
import { selectVisiblePaths } from '../store/selectors';
import { useApp } from '../store/store-context';
import type { ThemeChoice } from '../store/view-slice';
import { formatCount, plural } from '../lib/format';

const NEXT_THEME: Readonly<Record<ThemeChoice, ThemeChoice>> = { system: 'light', light: 'dark', dark: 'system' };
const THEME_LABEL: Readonly<Record<ThemeChoice, string>> = { system: 'Theme: System', light: 'Theme: Light', dark: 'Theme: Dark' };

/** How long a confirmation stays in the status bar. */
const CONFIRMATION_MS = 5000;

function ScanText() {
  const scan = useApp((s) => s.scan);
  if (scan.status === 'scanning') {
    return <span>{scan.total === null ? `Scanning… ${formatCount(scan.done)} images` : `Scanning… ${formatCount(scan.done)} of ${formatCount(scan.total)}`}</span>;
  }
  if (scan.status === 'failed') return <span className="text-danger">Scan failed: {scan.error}</span>;
  return null;
}

function Confirmation() {
  const notice = useApp((s) => s.notices.findLast((n) => n.tone === 'success') ?? null);
  const dismiss = useApp((s) => s.dismissNotice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => dismiss(notice.id), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  return (
    <span className="status-confirmation" role="status">
      {notice && (
        <>
          <svg className="icon icon-small" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M3 8.5l3.2 3L13 4.5" />
          </svg>
          {notice.text}
        </>
      )}
    </span>
  );
}

const WATCH_TEXT = {
  native: { text: 'Watching for changes', title: 'Changes other programs make to this folder show here as they happen.' },
  poll: { text: 'Checking for changes every few seconds', title: 'Native change events are not available here (e.g. a network share), so the folder is checked every few seconds.' },
} as const;

function WatchText() {
  const mode = useApp(selectWatchMode);
  if (mode === null) return null;
  return (
    <span className="muted" title={WATCH_TEXT[mode].title}>
      {WATCH_TEXT[mode].text}
    </span>
  );
}

/** The bar at the bottom of the workspace. */
export function StatusBar() {
  const total = useApp((s) => s.rowOrder.length);
  const shown = useApp((s) => selectVisiblePaths(s).length);
  const selected = useApp((s) => s.selected.size);
  const theme = useApp((s) => s.theme);
  const setTheme = useApp((s) => s.setTheme);
  return (
    <footer className="status-bar">
      <span>{plural(total, 'image')}</span>
      {shown !== total && <span>{formatCount(shown)} shown</span>}
      {selected > 0 && <span>{formatCount(selected)} selected</span>}
      <ScanText />
      <Confirmation />
      <span className="toolbar-spacer" />
      <WatchText />
      <button type="button" className="btn btn-ghost btn-small" title="Switch between the system, light and dark themes" onClick={() => setTheme(NEXT_THEME[theme])}>
        {THEME_LABEL[theme]}
      </button>
    </footer>
  );
}
