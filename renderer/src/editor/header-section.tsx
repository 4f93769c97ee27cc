/** The read-only header of one image: CloudScope's header values, its calibration, file facts, tags and description. */
import { Fragment } from 'react';
import type { HeaderValues, ImageDetail, ImageRow } from '../../../shared/api';
import { headerDateGap } from '../../../shared/acquisition/acquisition-details';
import { HEADER_FIELDS } from '../../../shared/fields/field-table';
import { readsFileHeader } from '../../../shared/image-format';
import { formatDimensions } from '../../../shared/columns';
import { type Loadable, useApp } from '../store';
import { fileFacts, formatAcquired } from '../lib/format';
import { DescriptionView, DESCRIPTION_LABELS } from './description-view';
import { HeaderCalibration } from './header-calibration';
import { SectionToggle } from './section-toggle';
import { TagsTable } from './tags-table';
import { StoreFacts } from './store-facts';
import { VendorFacts } from './vendor-facts';

/** The Python reprs of the axes, shown together as one line of dimensions. */
const AXIS_FIELDS = new Set(['shape', 'dims', 'sizes']);

/** The other read-only header values; time is shown with the date. */
const HEADER_ONLY = HEADER_FIELDS.filter((f) => f.group === 'Header' && f.name !== 'time' && !AXIS_FIELDS.has(f.name));

/** The header's axis texts exactly as the sidecar stores them, for the tooltip. */
function storedAxes(header: HeaderValues): string {
  return `Stored as shape "${header.shape}", dims "${header.dims}", sizes "${header.sizes}"`;
}

/** Values longer than this take a whole line instead of half of one. */
const WIDE = 14;

/** The Header section of the single-image editor. */
export function HeaderSection({ row }: { row: ImageRow }) {
  const detail = useApp((s) => s.details[row.path]);
  const open = useApp((s) => s.headerOpen);
  const setOpen = useApp((s) => s.setHeaderOpen);
  const header = row.header;
  return (
    <section className="panel-section" aria-labelledby="section-header">
      <SectionToggle
        id="section-header"
        open={open}
        onToggle={() => setOpen(!open)}
        controls="header-body"
        title="Header"
        summary={header ? `${header.dtype} · ${formatDimensions(header)}` : null}
      />
      {open && <HeaderBody row={row} detail={detail} />}
    </section>
  );
}

function HeaderBody({ row, detail }: { row: ImageRow; detail: Loadable<ImageDetail> | undefined }) {
  const header = row.header;
  return (
    <div id="header-body">
      {header ? (
        <dl className="kv-grid">
          <div className="kv kv-wide">
            <dt title="The size of each axis of the first series (T time, C channels, Z planes, Y rows, X columns).">
              Dimensions
            </dt>
            <dd className="mono" title={storedAxes(header)}>
              {formatDimensions(header) || '—'}
            </dd>
          </div>
          {HEADER_ONLY.map((field) => {
            const stored = String(header[field.name as keyof HeaderValues]);
            const isDate = field.name === 'date';
            const gap = isDate ? headerDateGap(row.acquisition) : '';
            const value = isDate ? formatAcquired(header.date, header.time) || gap : stored;
            const title = isDate ? `Stored as date "${header.date}", time "${header.time}"` : stored;
            return (
              <div key={field.name} className={`kv${value.length > WIDE ? ' kv-wide' : ''}`}>
                <dt title={field.description}>{field.displayName}</dt>
                <dd className={isDate ? (value === gap ? 'muted kv-wrap' : undefined) : 'mono'} title={title}>
                  {value === '' ? '—' : value}
                </dd>
              </div>
            );
          })}
        </dl>
      ) : (
        <p className="muted">
          {readsFileHeader(row.format)
            ? 'The image header could not be read.'
            : 'This file type is not read; its header comes from the sidecar.'}
        </p>
      )}
      {detail?.status === 'loading' && (
        <p className="muted small">
          {row.format === 'tiff'
            ? 'Reading tags…'
            : row.format === 'ome-zarr'
              ? 'Reading the store…'
              : 'Reading the file…'}
        </p>
      )}
      {detail?.status === 'ready' && detail.value.vendor !== null && (
        <VendorFacts format={row.format} vendor={detail.value.vendor} />
      )}
      {detail?.status === 'ready' && detail.value.ngff !== null && <StoreFacts ngff={detail.value.ngff} />}
      {detail?.status === 'error' && <p className="text-danger small">{detail.message}</p>}
      {detail?.status === 'ready' && detail.value.tags.length > 0 && (
        <>
          {row.format === 'tiff' && <HeaderCalibration row={row} />}
          <dl className="kv-grid">
            <div className="kv kv-wide">
              <dt>File</dt>
              <dd className="kv-wrap">
                {fileFacts(detail.value).map((fact, i) => (
                  <Fragment key={fact}>
                    {i > 0 && ' · '}
                    <span className="fact">{fact}</span>
                  </Fragment>
                ))}
              </dd>
            </div>
          </dl>
          <details className="disclosure">
            <summary>
              All tags <span className="muted">({detail.value.tags.length})</span>
            </summary>
            <TagsTable tags={detail.value.tags} />
          </details>
          {detail.value.description.kind !== 'none' && (
            <details className="disclosure">
              <summary>
                Image description <span className="muted">({DESCRIPTION_LABELS[detail.value.description.kind]})</span>
              </summary>
              <DescriptionView description={detail.value.description} />
            </details>
          )}
        </>
      )}
    </div>
  );
}
