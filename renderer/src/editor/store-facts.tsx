/** What the header view shows of an OME-Zarr store: its NGFF version, axes, resolution levels and channels. */
import type { NgffImage } from '../../../shared/ngff/types';
import { ngffAxisText, ngffChannelText, ngffLevelCells, ngffVersionText } from '../../../shared/ngff/ngff-text';

/** Sizes joined tight, so that a level's row fits the panel. */
const TIMES = '×';

/** The store's metadata facts, then its levels in a table (level 0, full resolution, first). */
export function StoreFacts({ ngff }: { ngff: NgffImage }) {
  return (
    <>
      <dl className="kv-grid">
        <div className="kv kv-wide">
          <dt>File</dt>
          <dd className="kv-wrap">
            <span className="fact">OME-Zarr</span>
            {' · '}
            <span className="fact">{ngffVersionText(ngff)}</span>
          </dd>
        </div>
        <div className="kv kv-wide">
          <dt>Axes</dt>
          <dd className="kv-wrap">{ngff.axes.map(ngffAxisText).join(', ')}</dd>
        </div>
        {ngff.channels.length > 0 && (
          <div className="kv kv-wide">
            <dt>Channels</dt>
            <dd className="kv-wrap">{ngff.channels.map(ngffChannelText).join(', ')}</dd>
          </div>
        )}
      </dl>
      <details className="disclosure" open>
        <summary>
          Resolution levels <span className="muted">({ngff.levels.length}; the header describes the first)</span>
        </summary>
        <div className="tags-scroll" tabIndex={0} role="region" aria-label="Resolution levels">
          <table className="tags-table levels-table">
            <thead>
              <tr>
                <th scope="col">Level</th>
                <th scope="col" title={`Sizes along ${ngff.axes.map((a) => a.name).join(', ')}`}>
                  Shape
                </th>
                <th scope="col">Chunks</th>
                <th scope="col">Scale</th>
              </tr>
            </thead>
            <tbody>
              {ngff.levels.map((level) => {
                const cells = ngffLevelCells(level, TIMES);
                return (
                  <tr key={cells.path}>
                    <th scope="row" className="tag-name" title={`${cells.dtype}, codecs: ${cells.codecs}`}>
                      {cells.path}
                    </th>
                    <td className="mono">{cells.shape}</td>
                    <td className="mono">{cells.chunks}</td>
                    <td className="mono">{cells.scale}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="muted small">
          {ngff.levels[0]?.dtype} · codecs: {ngff.levels[0] === undefined ? '-' : ngffLevelCells(ngff.levels[0]).codecs}
        </p>
      </details>
    </>
  );
}
