/**
 * The status bar's line about the facility index: how fresh it is for the open folder (its
 * images indexed and when they were last refreshed, or not indexed), and Refresh with its
 * progress and Cancel. It also selects a search result once its folder lists it.
 */
import { useEffect } from 'react';
import type { IndexStatus } from '../../../shared/api';
import { formatCount, plural } from '../lib/format';
import { useApp } from '../store';
import './search.css';
import type { IndexRefresh } from './search-slice';

/** When, in words a person reads at a glance: the time today, else the day and time. */
function whenText(ms: number): string {
  const date = new Date(ms);
  const today = new Date().toDateString() === date.toDateString();
  return today
    ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** What the index holds of the open folder, in a few words. */
function freshnessText(status: IndexStatus): string {
  const folder = status.folder;
  if (!status.ready || folder === null || (folder.images === 0 && folder.refreshedAt === null)) return 'Not indexed';
  const images = `Indexed: ${plural(folder.images, 'image')}`;
  return folder.refreshedAt === null
    ? `${images}, not refreshed whole yet`
    : `${images}, refreshed ${whenText(folder.refreshedAt)}`;
}

/** What an ended refresh did, or why it stopped. */
function endText(job: IndexRefresh): string | null {
  if (job.failure !== null) return `Index refresh failed: ${job.failure}`;
  const s = job.summary;
  if (s === null) return null;
  const counts = `${s.added} added, ${s.updated} updated, ${s.forgotten} forgotten, ${s.unchanged} unchanged`;
  return s.cancelled ? `Refresh cancelled (${counts}; the rest keeps what it had)` : `Index refreshed: ${counts}`;
}

/** The index's line in the status bar. */
export function IndexStatusLine() {
  const root = useApp((s) => s.folder?.root ?? null);
  const status = useApp((s) => s.indexStatus);
  const job = useApp((s) => s.indexRefresh);
  const load = useApp((s) => s.loadIndexStatus);
  const refresh = useApp((s) => s.startIndexRefresh);
  const cancel = useApp((s) => s.cancelIndexRefresh);
  const reveal = useApp((s) => s.revealSearchResult);
  const waiting = useApp((s) => s.searchReveal !== null && s.rowOrder.length);
  useEffect(() => {
    if (root !== null) void load();
  }, [root, load]);
  useEffect(() => {
    if (waiting !== false) reveal();
  }, [waiting, reveal]);
  if (status === null) return null;
  const running = job !== null && job.summary === null && job.failure === null;
  if (running) {
    return (
      <span className="scan-status index-status">
        <progress className="index-progress" aria-label="Images looked at by the index refresh" />
        <span aria-live="polite">
          {job.cancelling ? 'Cancelling…' : `Refreshing the index… ${formatCount(job.done)} images looked at`}
        </span>
        <button
          type="button"
          className="btn btn-small"
          disabled={job.jobId === null || job.cancelling}
          title="Stop after the image under way; what was read stays indexed"
          onClick={() => void cancel()}
        >
          Cancel
        </button>
      </span>
    );
  }
  const text = freshnessText(status);
  const ended = job === null ? null : endText(job);
  return (
    <span className="scan-status index-status" title={`The facility index: ${status.where}`}>
      <span>{text}</span>
      {ended !== null && (
        <span className="muted" role="status">
          {ended}
        </span>
      )}
      <button
        type="button"
        className="btn btn-small"
        title="Read the folder's new and changed images into the index, and forget the images gone"
        onClick={() => void refresh()}
      >
        {text === 'Not indexed' ? 'Add this folder to the index' : 'Refresh index'}
      </button>
    </span>
  );
}
