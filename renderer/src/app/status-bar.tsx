/** The status bar: how many images, shown and selected; scan progress (with Cancel); an OME-TIFF export's; the index's freshness and refresh; whether the folder is watched; confirmations; theme switch. */
import { useEffect, useMemo } from 'react';
import {
  type AppState,
  parseFilter,
  quickFilterLabel,
  selectVisiblePaths,
  selectWatchMode,
  type ThemeChoice,
  useApp,
} from '../store';
import { formatCount, plural } from '../lib/format';
import { ConvertStatus } from '../convert';
import { IndexStatusLine } from '../search';
import { ScanStatus } from './scan-progress';
import { UnreadFilesNote } from './unread-files-note';

const NEXT_THEME: Readonly<Record<ThemeChoice, ThemeChoice>> = { system: 'light', light: 'dark', dark: 'system' };
const THEME_LABEL: Readonly<Record<ThemeChoice, string>> = {
  system: 'Theme: System',
  light: 'Theme: Light',
  dark: 'Theme: Dark',
};

/** How long a confirmation stays in the status bar (it fades out over the last part). */
const CONFIRMATION_MS = 5000;

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
        <span
          key={notice.id}
          className="status-confirmation-text"
          style={{ animationDuration: `${CONFIRMATION_MS}ms` }}
        >
          <svg className="icon icon-small" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M3 8.5l3.2 3L13 4.5" />
          </svg>
          {notice.text}
        </span>
      )}
    </span>
  );
}

/** What is filtering the rows: `“cells/” and No sidecar`; empty when nothing is. */
function filterDescription(text: string, quick: AppState['quickFilter']): string {
  return [text.trim() === '' ? null : `“${text.trim()}”`, quick === null ? null : quickFilterLabel(quick)]
    .filter(Boolean)
    .join(' and ');
}

/** Whether a filter is on and every image it shows (more than one) is selected. */
function selectsAllShown(s: AppState): boolean {
  if ((s.filterText.trim() === '' && s.quickFilter === null) || s.selected.size < 2) return false;
  const shown = selectVisiblePaths(s);
  return shown.length > 0 && shown.length === s.selected.size && shown.every((path) => s.selected.has(path));
}

/** What the filter could not read as typed: field names that name no column, values it cannot compare. */
function FilterProblems() {
  const text = useApp((s) => s.filterText);
  const problems = useMemo(() => parseFilter(text).problems, [text]);
  if (problems.length === 0) return null;
  return <span className="status-warning">{problems.join('; ')}</span>;
}

const WATCH_TEXT = {
  native: {
    text: 'Watching for changes',
    title: 'Changes other programs make to this folder show here as they happen.',
  },
  poll: {
    text: 'Checking for changes every few seconds',
    title:
      'Native change events are not available here (e.g. a network share), so the folder is checked every few seconds.',
  },
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
  const allShown = useApp(selectsAllShown);
  const filtering = useApp((s) => filterDescription(s.filterText, s.quickFilter));
  const theme = useApp((s) => s.theme);
  const setTheme = useApp((s) => s.setTheme);
  const setShortcutsOpen = useApp((s) => s.setShortcutsOpen);
  return (
    <footer className="status-bar">
      <span>{plural(total, 'image')}</span>
      <UnreadFilesNote />
      {filtering !== '' && (
        <span>
          {formatCount(shown)} shown: {filtering}
        </span>
      )}
      {selected > 0 && <span>{`${formatCount(selected)} selected${allShown ? ' (all shown)' : ''}`}</span>}
      <FilterProblems />
      <ScanStatus />
      <ConvertStatus />
      <IndexStatusLine />
      <Confirmation />
      <span className="toolbar-spacer" />
      <WatchText />
      <button
        type="button"
        className="btn btn-ghost btn-small"
        title="List the keyboard shortcuts (?)"
        onClick={() => setShortcutsOpen(true)}
      >
        Keyboard shortcuts
      </button>
      <button
        type="button"
        className="btn btn-ghost btn-small"
        title="Switch between the system, light and dark themes"
        onClick={() => setTheme(NEXT_THEME[theme])}
      >
        {THEME_LABEL[theme]}
      </button>
    </footer>
  );
}
