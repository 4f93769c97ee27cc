/**
 * What a conversion did: the files written (with their size, pyramid levels and whether every
 * plane was read back equal), the images skipped because their copy exists, and those refused
 * with the reason.
 */
import type { ConvertRefusal, ConvertSummary } from '../../../shared/api';
import { folderName, formatBytes } from '../lib/format';
import { summaryHeadline } from './convert-text';

/** A copy's path below the output folder (`a/img.ome.tiff`): copies keep their source's folder there. */
export function copyPath(output: string, outputFolder: string): string {
  const folder = outputFolder.replace(/[\\/]+$/, '');
  const rest = output.startsWith(folder) ? output.slice(folder.length) : '';
  return /^[\\/]./.test(rest) ? rest.slice(1) : folderName(output);
}

/** `b.lif` or `b.lif, image Series 2`. */
function sourceText(source: string, image: string | null): string {
  return image === null ? source : `${source}, image ${image}`;
}

function Refusals({ title, id, items }: { title: string; id: string; items: ConvertRefusal[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="modal-label convert-list-title">
        {title} ({items.length})
      </h3>
      <ul className="layout-paths small">
        {items.map((item, i) => (
          <li key={i}>
            <span className="mono">{sourceText(item.source, item.image)}</span>: {item.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The summary of an ended job. */
export function ConvertSummaryView({ summary }: { summary: ConvertSummary }) {
  return (
    <>
      <p className="layout-verdict" role="status">
        {summaryHeadline(summary)}
      </p>
      <p className="muted small">
        In <span className="mono">{summary.outputFolder}</span>
        {summary.cancelled ? '; the image under way when cancelled was not written.' : '.'}
      </p>
      {summary.written.length > 0 && (
        <div className="convert-scroll">
          <table className="review-table convert-written">
            <caption className="modal-label">Written</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">From</th>
                <th scope="col">Size</th>
                <th scope="col" title="Reduced-resolution levels besides full resolution (0: full resolution only)">
                  Levels
                </th>
                <th scope="col">Check</th>
              </tr>
            </thead>
            <tbody>
              {summary.written.map((file) => (
                <tr key={file.output}>
                  <td className="mono">{copyPath(file.output, summary.outputFolder)}</td>
                  <td className="mono">{sourceText(file.source, file.image)}</td>
                  <td>
                    {formatBytes(file.bytes)}
                    {file.bigtiff ? ' (BigTIFF)' : ''}
                  </td>
                  <td>{file.levels}</td>
                  <td>{file.verified ? 'verified' : 'not read back'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Refusals
        title="Skipped: a file is already there (“Replace existing files” writes it again)"
        id="convert-skipped"
        items={summary.refused.filter((r) => r.kind === 'exists')}
      />
      <Refusals
        title="Not converted"
        id="convert-refused"
        items={summary.refused.filter((r) => r.kind === 'refused')}
      />
    </>
  );
}
