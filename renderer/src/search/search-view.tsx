/**
 * "Search all folders": the filter box's language over every folder in the facility index, the
 * answer counted and shown a page at a time with the folder view's columns, each image opened
 * in its folder with it selected; with no index yet, how to make one.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { IndexedImage } from '../../../shared/api';
import { columnText } from '../../../shared/columns';
import { shownColumns } from '../lib/columns';
import { formatCount, plural } from '../lib/format';
import { DataTable, FieldRow, Modal, ModalActions, type Column } from '../kit';
import { useApp } from '../store';
import './search.css';
import { SEARCH_PAGE, type SearchView } from './search-slice';

/** The line over the table: how many images pass, and which of them are shown. */
function countText(view: SearchView): string {
  if (view.loading && view.searchId === null) return 'Searching…';
  if (view.searched === null) return '';
  if (view.total === 0) return 'No indexed image matches.';
  const last = Math.min(view.total, view.offset + view.images.length);
  return `${plural(view.total, 'image')} match; ${formatCount(view.offset + 1)}–${formatCount(last)} shown.`;
}

/** How to make an index, when there is none yet. */
function NoIndex({ where }: { where: string }) {
  return (
    <div className="callout small">
      <p>There is no index yet ({where}).</p>
      <p>
        Make one by opening a folder and choosing <strong>Refresh index</strong> in the status bar, which adds the
        folder to the index, or from the command line: <code>acqmeta index &lt;folder&gt;</code>.
      </p>
    </div>
  );
}

/** The search view (a dialog over the folder view). */
export function SearchAllFolders() {
  const view = useApp((s) => s.searchView);
  const status = useApp((s) => s.indexStatus);
  const visible = useApp(useShallow((s) => s.visibleColumns));
  const close = useApp((s) => s.closeSearch);
  const setFilter = useApp((s) => s.setSearchFilter);
  const search = useApp((s) => s.runSearch);
  const showPage = useApp((s) => s.showSearchPage);
  const open = useApp((s) => s.openSearchResult);
  const columns = useMemo((): Column<IndexedImage>[] => {
    const openButton = (image: IndexedImage) => (
      <button
        type="button"
        className="btn btn-small"
        disabled={image.file === null}
        title={image.file === null ? 'Where this share is mounted here is not known' : `Open ${image.file}`}
        onClick={() => open(image)}
      >
        Open in folder
      </button>
    );
    const fields = shownColumns(visible).filter((column) => column.key !== 'path');
    return [
      { header: 'Share', cell: (image) => image.share, className: 'mono small', title: (image) => image.share },
      {
        header: 'Path',
        rowHeader: true,
        cell: (image) => <span onDoubleClick={() => open(image)}>{image.path}</span>,
        className: 'mono',
        nowrap: true,
        title: (image) => image.file ?? `${image.share}:${image.path}`,
      },
      // beside the path, not past the columns a narrow window scrolls out of view
      { header: <span className="sr-only">Open</span>, cell: openButton, nowrap: true },
      ...fields.map((column): Column<IndexedImage> => ({
        header: column.label,
        cell: (image) => columnText(image.row, column),
      })),
    ];
  }, [visible, open]);
  if (view === null) return null;
  const noIndex = status !== null && !status.ready;
  const count = countText(view);
  const hasPrevious = view.offset > 0;
  const hasNext = view.offset + view.images.length < view.total;
  return (
    <Modal
      labelledBy="search-title"
      title="Search all folders"
      describedBy="search-description"
      description="Every image in the facility index, filtered as the filter box filters a folder (species:mouse na:1.4 objective:63x acquired:2025)."
      onCancel={close}
      onSubmit={() => void search()}
      wide
      className="search-dialog"
    >
      {noIndex && <NoIndex where={status.where} />}
      {status?.refused != null && <p className="callout callout-warning small">{status.refused}</p>}
      <div className="search-bar">
        <div className="search-field">
          <FieldRow id="search-filter" label="Filter" message={view.problems.join('; ') || null}>
            {(control) => (
              <input
                {...control}
                type="search"
                className="input mono"
                value={view.filter}
                placeholder="species:mouse"
                data-autofocus
                onChange={(event) => setFilter(event.target.value)}
              />
            )}
          </FieldRow>
        </div>
        <button type="submit" className="btn btn-primary" disabled={view.loading || noIndex}>
          Search
        </button>
      </div>
      {view.error !== null && <p className="callout callout-warning small">{view.error}</p>}
      <p className="small" role="status">
        {count}
      </p>
      <div className="search-results">
        <DataTable
          label="Images found"
          columns={columns}
          rows={view.images}
          rowKey={(image) => `${image.share}\n${image.path}`}
        />
      </div>
      <ModalActions onCancel={close} cancelLabel="Close">
        {(hasPrevious || hasNext) && (
          <>
            <button
              type="button"
              className="btn"
              disabled={!hasPrevious || view.loading}
              onClick={() => void showPage(Math.max(0, view.offset - SEARCH_PAGE))}
            >
              Previous {SEARCH_PAGE}
            </button>
            <button
              type="button"
              className="btn"
              disabled={!hasNext || view.loading}
              onClick={() => void showPage(view.offset + SEARCH_PAGE)}
            >
              Next {SEARCH_PAGE}
            </button>
          </>
        )}
      </ModalActions>
    </Modal>
  );
}
